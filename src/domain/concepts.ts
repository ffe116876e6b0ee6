/**
 * Answers to questions about a concept rather than a workload ("open weights vs open source?").
 * Pure data drawn from the seed documents; each answer names the seed files it comes from.
 */

import { SEED } from "./seeds.js";

const S000 = SEED.s000;
const S001 = SEED.s001;
const S002 = SEED.s002;
const S003 = SEED.s003;
const S004 = SEED.s004;

export const CONCEPT_IDS = [
  "open-weights-vs-open-source",
  "embedding-vs-chat-model",
  "lora-vs-full-fine-tuning",
  "openai-fine-tuning-vs-self-hosted-lora",
  "shadow-mode-and-migration-phases",
  "phased-growth-path",
  "hybrid-routing",
  "speed-tiers",
  "deployment-types",
  "task-model-matching",
  "precision-and-domain-knowledge",
  "model-categories",
  "rag",
  "compliance",
  "quantization",
  "vllm",
  "break-even",
  "why-not-self-host",
  "scope",
] as const;
export type ConceptId = (typeof CONCEPT_IDS)[number];

export interface Concept {
  id: ConceptId;
  title: string;
  /** Two to four short sentences. */
  answer: string;
  /** Details worth a bullet each: tables, phases, caveats. */
  points?: readonly string[];
  /** Seed files ("seeds/001_7239c6cfa953a15b.txt") the answer is drawn from. */
  sources: readonly string[];
  /** The section of each seed file the answer quotes, by file. */
  sections?: Readonly<Record<string, string>>;
  /** Public facts beyond the seeds, each by the page that states it. */
  publicSources?: readonly string[];
}

export const CONCEPTS: readonly Concept[] = [
  {
    id: "open-weights-vs-open-source",
    title: "Open weights vs open source",
    answer:
      "Open weights means only the trained weights are public: you can run the model and fine-tune it with adapters such as LoRA, but the training code and data are not released, so you cannot retrain or reproduce it. Open source means the whole package is public: weights, training code and often the training data or how it was made. By that definition Llama 3 is open weights, and open source means releases such as OLMo or BLOOM.",
    points: [
      "Open weights: weights available; training code and data not available; partial transparency; licences often restrictive; fine-tuning possible with adapters (LoRA).",
      "Open source: weights, training code and sometimes data; full transparency; licences often permissive; can modify the architecture, retrain and reproduce.",
      "001 suggests open weights for domain-specific Q&A and cheaper inference (with quantization), open source for novel model experiments and reproducibility.",
      "Caveat: 001's first table lists LLaMA 3 and Mistral 7B as open-source, while its own definitions and comparison table make LLaMA 3 open weights; by the definition, only releases with training code or data (OLMo, BLOOM) are open source.",
      "003 puts Llama 3, Mistral and Qwen under open weights and Bloom, Falcon and OLMo under open source (weights plus training code).",
    ],
    sources: [S001, S003],
  },
  {
    id: "embedding-vs-chat-model",
    title: "all-MiniLM is an embedding model, not a chat model",
    answer:
      "all-MiniLM (from the sentence-transformers library) is an embedding model: it turns text into vectors for search and similarity, and it cannot hold a conversation. 000 compares it with OpenAI's text-embedding-3-small: 384 dimensions against 1536, with lower quality. For chat you need a chat model such as gpt-4o-mini.",
    points: [
      "text-embedding-3-small (OpenAI): 1536 dimensions; 000's pick for vector search.",
      "all-MiniLM-L6-v2: 384 dimensions; runs locally; lower quality, fewer dimensions.",
      "Chat/conversation: gpt-4o-mini at $0.15 / $0.60 per 1M input / output tokens in 000.",
    ],
    sources: [S000],
  },
  {
    id: "lora-vs-full-fine-tuning",
    title: "LoRA vs full fine-tuning",
    answer:
      "LoRA trains small adapter matrices on top of frozen weights: 003's example trains about 0.1% of the parameters (rank 16 on the q and v projections, the model loaded in 8-bit), so it fits modest GPUs and works on open-weight models. Full fine-tuning updates every weight and needs far more GPU memory and the training pipeline. 001 recommends LoRA or QLoRA for domain-specific Q&A on open weights, and keeps full or partial tuning, custom losses and training from scratch for open-source releases.",
    points: [
      "001's fine-tuning scenarios: domain-specific Q&A → LoRA tuning (open weights) or full/partial tuning (open source); modify architecture, train from scratch, custom loss functions → open source only.",
      "001's precision table: Mistral + LoRA, LLaMA 3 + QLoRA for high-precision, domain-specific work.",
      "003's LoRA setup: r=16, lora_alpha=32, target q_proj and v_proj, dropout 0.1; trainable ≈ 0.1% of total.",
    ],
    sources: [S001, S003],
  },
  {
    id: "openai-fine-tuning-vs-self-hosted-lora",
    title: "OpenAI fine-tuning vs self-hosted LoRA",
    answer:
      "With OpenAI fine-tuning you get a model ID while the weights stay with OpenAI, and the fine-tuned model can still be deprecated. With self-hosted LoRA (004: SageMaker + LoRA) you own the weights, control the lifecycle and can move them anywhere. OpenAI charges per-token training fees and you wait for training jobs; self-hosting costs only the infrastructure.",
    points: [
      "Ownership: own the weights (self-hosted) vs a model ID (OpenAI).",
      "Model retirement: you control the lifecycle vs the fine-tuned model can be deprecated.",
      "Training cost: infrastructure only vs per-token training fees.",
      "Portability: export and move anywhere vs locked to OpenAI.",
      "Iteration speed: deploy instantly vs wait for training jobs.",
      "003: OpenAI fine-tuning (gpt-4o-mini, gpt-3.5-turbo) needs about 50-100 examples, costs training plus higher inference, and gives limited control.",
    ],
    sources: [S004, S003],
  },
  {
    id: "shadow-mode-and-migration-phases",
    title: "Shadow mode and the migration phases",
    answer:
      "Shadow mode runs the new model beside the current one on real traffic without letting it answer: both are called, production uses the current model's result, and the new model's results are logged to measure real-world discrepancies. It is the second of 004's four migration phases: Test → Shadow → Cutover → Full migration.",
    points: [
      "Phase 1, Test: deploy the new model (004: Llama 3.2 on a SageMaker endpoint), run the current prompts and the test suite, measure latency.",
      "Phase 2, Shadow mode: call both models, serve GPT-4o-mini's answer, log Llama's for comparison.",
      "Phase 3, Cutover: if accuracy meets requirements, switch primary to Llama, keep GPT-4o-mini as fallback for errors, monitor error rates.",
      "Phase 4, Full migration: remove the fallback once stable and pin the model version.",
    ],
    sources: [S004],
  },
  {
    id: "phased-growth-path",
    title: "The phased growth path",
    answer:
      "002's path is to start with APIs for a quick launch, prove the business model, evaluate local models only once you have scale, and then move to a hybrid for cost. On a calendar: months 1-3 build with APIs and launch, months 4-12 focus on customers and product-market fit, month 13 onwards evaluate local models only if scale justifies them.",
    points: [
      "Phase 1: start with APIs for a quick launch. Phase 2: prove the business model and gain customers. Phase 3: evaluate local models when you have scale. Phase 4: hybrid approach for cost optimization.",
      "Consider local when API costs pass 10% of revenue, or above 50,000 calls a month.",
      "If 99%+ accuracy is needed, stay with APIs; if strict data control is needed, go local.",
    ],
    sources: [S002],
  },
  {
    id: "hybrid-routing",
    title: "Hybrid setups and routing",
    answer:
      "A hybrid setup runs both a proprietary API and a self-hosted model and routes each request by its kind: 003 uses APIs for quality and self-hosting for volume. Its HybridAIClient sends simple Q&A, bulk processing and internal tools to the local model, and complex reasoning, code generation and customer-facing traffic to the API, which is also the default.",
    points: [
      "003's routing table: simple_qa → local; complex_reasoning → api; code_generation → api; bulk_processing → local; customer_facing → api; internal_tools → local.",
      "002, large enterprise (10,000+ calls a month): APIs as primary for reliability, local models as backup for cost optimization and redundancy.",
      "004's fallback plan: if the self-hosted model falls short on accuracy, stay with GPT-4o-mini or use a hybrid.",
    ],
    sources: [S003, S002, S004],
  },
  {
    id: "speed-tiers",
    title: "Inference speed tiers",
    answer:
      "001 sorts inference into four speed tiers: ultra-fast, fast, moderate, and slow but powerful. Pick the tier the workload needs: agents and real-time apps need ultra-fast (Groq + Mixtral), bots fast (LLaMA 3 8B, Claude Haiku), RAG moderate (GPT-4 Turbo), deep time-insensitive analysis can take slow (GPT-4, Claude Opus). For agents making rapid API calls, 001 suggests Groq + Mixtral or a quantized Mistral 7B.",
    points: [
      "Ultra-fast: agentic workflows, real-time apps; Groq + Mixtral.",
      "Fast: consumer apps, bots; LLaMA 3 8B, Claude Haiku.",
      "Moderate: reading-paced apps, RAG; GPT-4 Turbo.",
      "Slow (but powerful): deep analysis, time-insensitive tasks; GPT-4, Claude Opus.",
    ],
    sources: [S001],
  },
  {
    id: "deployment-types",
    title: "Deployment types",
    answer:
      "001 names three ways to host a model: local, SaaS API, and custom cloud infrastructure. Local (Ollama, LM Studio, Docker) suits prototyping, internal tools and air-gapped systems. A SaaS API (OpenAI, Anthropic, Google AI) is fast and reliable with no infrastructure, and your own cloud infrastructure (Triton, SageMaker, HF Inference Endpoints) suits enterprise scale and long-term control.",
    points: [
      "Local: Ollama, LM Studio, Docker; prototyping, internal tools, air-gapped systems.",
      "SaaS API: OpenAI, Anthropic, Google AI; fast, reliable, no infrastructure needed.",
      "Custom/cloud infrastructure: Triton Inference, SageMaker, HF Inference Endpoints; enterprise scale, long-term control.",
    ],
    sources: [S001],
  },
  {
    id: "task-model-matching",
    title: "Matching models to tasks",
    answer:
      "001 matches the model to the task: a language model for text, a speech-to-text model (Whisper, Deepgram) for transcription and IVR, a text-to-speech model (ElevenLabs, OpenAI TTS) to speak, and a multimodal model (GPT-4o, Gemini) for images and OCR. A language model alone cannot hear or speak. For audio agents and assistants, 001 combines Whisper + LLM + TTS in a modular pipeline.",
    points: [
      "NLP: GPT-4, Claude 3, LLaMA 3, ChatGPT 3.5, Mistral; summarization, Q&A, content creation.",
      "Audio (TTS): MeloTTS, ElevenLabs, OpenAI TTS; product manuals, screen readers.",
      "Audio (STT): Whisper, Deepgram; meeting transcription, IVR.",
      "Computer vision: Midjourney, DALL·E 3, Gemini; generating and understanding images.",
      "Multimodal: GPT-4o, Gemini Advanced, Claude 3 Opus; visual Q&A, image interpretation, OCR-heavy agents.",
    ],
    sources: [S001],
  },
  {
    id: "precision-and-domain-knowledge",
    title: "Precision and domain knowledge",
    answer:
      "001 picks the setup by how specialised the answers must be. High-precision, domain-specific work calls for fine-tuning open models (Mistral + LoRA, LLaMA 3 + QLoRA); general-purpose reasoning for proprietary APIs (GPT-4, Claude 3 Opus); moderate specialization for RAG over either (Haystack + Claude or LLaMA 3). If the model must behave like a legal or medical expert, fine-tune it or ground it with RAG.",
    points: [
      "High precision / domain-specific: fine-tune open-source models; Mistral + LoRA, LLaMA 3 + QLoRA.",
      "General-purpose reasoning: proprietary LLMs via API; GPT-4, Claude 3 Opus.",
      "Moderate specialization: RAG with proprietary or open models; Haystack + Claude or LLaMA 3.",
    ],
    sources: [S001],
  },
  {
    id: "model-categories",
    title: "Model categories: proprietary, open weights, open source",
    answer:
      "003 sorts models into three categories: proprietary API, open weights and open source. Proprietary models (GPT-4o, Claude 3.5, Gemini) are reached only through an API and paid per token, with little control but minimal setup. Open-weights models (Llama 3, Mistral, Qwen) give you the weights and high control for infrastructure costs; open-source models (Bloom, Falcon, OLMo) add the training code, for full control at the highest setup effort.",
    points: [
      "Caveat: 003's 'Current leaders' table lists Qwen 72B and DeepSeek as open source, while its own categories put Qwen under open weights.",
      "001 adds: proprietary is best for general-purpose use and fast time-to-market with no infrastructure.",
    ],
    sources: [S003, S001],
  },
  {
    id: "rag",
    title: "Retrieval-augmented generation (RAG)",
    answer:
      "RAG answers from your own documents without retraining the model: the passages most relevant to a question are retrieved (usually by embedding search) and put into the prompt, and the model answers from them. 001 places it between a plain API and fine-tuning: moderate specialization calls for RAG with proprietary or open models (Haystack + Claude or LLaMA 3), and a model that must behave like a legal or medical expert should be fine-tuned or grounded with RAG. RAG adds input tokens to every request (the retrieved passages), which is where its cost shows in a bill.",
    points: [
      "001's precision table: moderate specialization → RAG with proprietary or open models; high precision → fine-tune open models (Mistral + LoRA, LLaMA 3 + QLoRA).",
      "001's speed matrix puts RAG in the moderate tier (reading-paced apps, GPT-4 Turbo).",
      "001's cheat sheet: small startup, tight budget → Mistral 7B + Ollama + local RAG; healthcare/legal → LLaMA 3 or Mistral + fine-tuning + Haystack RAG.",
      "The retrieval step needs an embedding model: 000 compares text-embedding-3-small (1536 dimensions) with all-MiniLM-L6-v2 (384).",
    ],
    sources: [S001, S000],
    sections: {
      [S001]: "3. Precision & Domain Knowledge; Summary: Decision Cheat Sheet",
      [S000]: 'Note on "all-MiniLM" vs OpenAI Models',
    },
    publicSources: ["https://arxiv.org/abs/2005.11401"],
  },
  {
    id: "compliance",
    title: "HIPAA and other compliance needs",
    answer:
      "HIPAA is the US law whose Privacy and Security Rules protect patients' health information (PHI); a vendor that handles PHI for a covered entity is a business associate and must sign a business associate agreement. The seeds treat such rules as the first fork: 002 lists strict compliance (HIPAA, SOX, government contracts) and data sovereignty among the valid reasons for local models, and 003's flowchart sends strict data privacy needs to self-hosting or a private cloud. GDPR (EU personal data) and data-residency rules work the same way here: they narrow where the model may run before cost is compared.",
    points: [
      "002, scenario 4 (high security/compliance): local AI models for complete data control; healthcare, finance, government; $10,000-50,000 initial setup.",
      "003's decision flowchart: strict data privacy needs → self-host or private cloud; otherwise volume decides.",
      "000: data sent to OpenAI's servers is a privacy consideration; open models can run on premises so that no data leaves your infrastructure.",
      'Say the rule in a question ("HIPAA", "GDPR", "data must stay in the EU", "air-gapped") and the answer applies it.',
    ],
    sources: [S002, S003, S000],
    sections: {
      [S002]: "When Local Models Make Sense; Scenario 4: High-Security/Compliance Requirements",
      [S003]: "Decision Flowchart",
      [S000]: "Option 1: OpenAI Models, Disadvantages",
    },
    publicSources: [
      "https://www.hhs.gov/hipaa/for-professionals/privacy/index.html",
      "https://eur-lex.europa.eu/eli/reg/2016/679/oj",
    ],
  },
  {
    id: "quantization",
    title: "Quantization",
    answer:
      "Quantization stores a model's weights with fewer bits: int8 takes half the memory of fp16 and int4 about a quarter, so a 70B model needs about 140 GB at fp16, 70 GB at int8 and 35 GB at int4, at some cost in accuracy. Fewer GPUs then hold the model, which is why 001 pairs open weights with quantization for lower-cost inference and suggests a quantized Mistral 7B for fast agent workflows. The self-hosted options here are sized at the precision that fits the GPUs and say which one they use.",
    points: [
      "001's use case recommendations: lower cost inference → open weights + quantization.",
      "001's speed matrix tip: agent workflows with rapid API calls → Groq + Mixtral or Mistral 7B quantized.",
      "003's LoRA example loads the base model in 8-bit to fine-tune on smaller GPUs.",
    ],
    sources: [S001, S003],
    sections: {
      [S001]: "Use Case Recommendations; Inference Speed Matrix",
      [S003]: "LoRA Fine-Tuning Example",
    },
    publicSources: [
      "https://huggingface.co/docs/transformers/main/quantization/concept_guide",
      "https://huggingface.co/docs/transformers/v4.44.2/quantization/bitsandbytes",
    ],
  },
  {
    id: "vllm",
    title: "vLLM",
    answer:
      "vLLM is an open-source library for serving LLMs: it keeps the attention cache in pages (PagedAttention) and batches incoming requests continuously, so one GPU serves many requests at once, and it offers an OpenAI-compatible API server. 001 names it (with Text Generation Inference) for deploying fine-tuned open-weights models, and 003's self-hosted architecture runs Llama 3 70B on it across 4 GPUs. The self-hosted options here are priced as vLLM deployments on GPU instances.",
    points: [
      '003\'s example: LLM(model="meta-llama/Llama-3-70b-chat-hf", tensor_parallel_size=4, gpu_memory_utilization=0.9).',
      "001's open-weights workflow: Hugging Face + PEFT/LoRA, adapter training only, deploy with vLLM or Text Generation Inference.",
    ],
    sources: [S001, S003],
    sections: {
      [S001]: "Example Fine-Tuning Workflows",
      [S003]: "Self-Hosted Architecture",
    },
    publicSources: ["https://docs.vllm.ai/en/v0.6.4/index.html"],
  },
  {
    id: "break-even",
    title: "The break-even volume",
    answer:
      "The break-even is the monthly volume at which self-hosting costs what the API costs: the self-hosted monthly cost divided by the API cost of one request. In 003's calculate_breakeven that is $9,500 a month (Llama 3 70B on 4x A100: $8,000 infrastructure, $500 setup, $1,000 operations) divided by $0.000195 a request (gpt-4o-mini at 500 input and 200 output tokens), about 48.7M requests a month. Below it the API is cheaper, above it self-hosting; 003 and 004 say self-hosting typically pays from about 500K-1M requests a month, which their own figures do not bear out for gpt-4o-mini.",
    points: [
      '003\'s example at 1M requests a month: API $195.00 against self-hosted $9,500.00, so "Use API".',
      "004: self-hosting typically becomes cost-effective at 500K-1M+ API calls a month, depending on instance type and usage.",
      "000 puts it at 100K+ messages a month, beside its own $20-a-month bill for 100K messages on gpt-4o-mini.",
      "Ask with your volume and tokens, and the answer computes the break-even for your options.",
    ],
    sources: [S003, S004, S000],
    sections: {
      [S003]: "Break-Even Analysis",
      [S004]: "Cost Considerations",
      [S000]: "Cost Analysis",
    },
  },
  {
    id: "why-not-self-host",
    title: "Why not self-host?",
    answer:
      "Self-hosting swaps a per-token bill for fixed costs and work: GPU servers, DevOps time and maintenance (000 puts them at $2,000-8,000 a month), an ML or DevOps team, and 6-12 months to a production-ready setup (002). Below the break-even volume the API is cheaper, and 003's flowchart sends workloads without strict privacy needs and under 500K requests a month to a proprietary API. Self-hosting pays when compliance rules out APIs, volume is past the break-even, or you need control of the model's lifecycle (004).",
    points: [
      "000, open-source disadvantages: GPU servers, DevOps expertise, complex scaling, maintenance; quality and speed gaps against GPT-4-class models.",
      "002, required investment for local models: ML engineers, DevOps and infrastructure specialists; high-end GPUs and redundant servers; 6-12 months.",
      "004's case for self-hosting: own the weights, pin the version, no forced migrations.",
    ],
    sources: [S000, S002, S003, S004],
    sections: {
      [S000]: "Option 2: Open-Source LLMs, Disadvantages; Cost Analysis",
      [S002]: "Required Investment for Local Models",
      [S003]: "Decision Flowchart",
      [S004]: "The Real Value: Operational Control",
    },
  },
  {
    id: "scope",
    title: "What I can answer",
    answer:
      'I answer which LLM to run, where (API, self-hosted, private cloud, hybrid or local) and what it costs at your volume, and I explain the ideas behind that advice. I have no answer drawn from my sources for that question. Describe your workload (for example "500k requests a month, 800 in / 200 out tokens, HIPAA, no ML team") or ask about a concept such as open weights, RAG, quantization, shadow mode or the break-even.',
    sources: [S000, S001, S002, S003, S004],
  },
];

export function conceptById(id: ConceptId): Concept {
  const found = CONCEPTS.find((c) => c.id === id);
  if (!found) throw new Error(`no concept "${id}"`);
  return found;
}

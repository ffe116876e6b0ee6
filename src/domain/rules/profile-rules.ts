import { SEED } from "../seeds.js";
import type { Rule } from "./types.js";

const S000 = SEED.s000;
const S001 = SEED.s001;
const S002 = SEED.s002;
const S003 = SEED.s003;
const S004 = SEED.s004;

const strictData = (c: readonly string[]) =>
  c.some((x) => x === "hipaa" || x === "sox" || x === "government" || x === "data-sovereignty");

/** Soft rules over what the team said about itself and its workload: team, customization, lifecycle, latency, quality, task. */
export const PROFILE_RULES: readonly Rule[] = [
  {
    id: "compliance.gdpr",
    factor: "privacy",
    when: ({ p }) => p.compliance.includes("gdpr") && !strictData(p.compliance),
    scores: () => ({ "private-cloud": 2, "self-hosted": 1, api: -1 }),
    rationale:
      "GDPR: 000 counts it among strict privacy needs that favour open models, while 003 says providers handle GDPR; an EU-region private deployment or self-hosting satisfies both.",
    source: `${S000} (Consider Open-Source if: GDPR); ${S003} (proprietary_advantages: GDPR compliance handled)`,
  },
  {
    id: "team.none",
    factor: "team",
    when: ({ p }) => p.team === "none",
    scores: () => ({ api: 1, "private-cloud": 1, "self-hosted": -3, local: -2, hybrid: -2 }),
    rationale:
      "Without ML or DevOps people nobody runs GPUs, upgrades or on-call: APIs need one developer, local models need an ML team.",
    source: `${S002} (Team required); ${S003} (use_proprietary_when: no dedicated ML infrastructure team); ${S004} (Stay if: team lacks ML/DevOps resources)`,
  },
  {
    id: "team.small-devops",
    factor: "team",
    when: ({ p }) => p.team === "small-devops",
    scores: () => ({ "self-hosted": 1 }),
    rationale: "A small DevOps team can run one managed endpoint (SageMaker) or vLLM on a GPU instance.",
    source: `${S000} (Consider Open-Source if: dedicated DevOps team); ${S004} (AWS SageMaker: managed model deployment)`,
  },
  {
    id: "team.ml",
    factor: "team",
    when: ({ p }) => p.team === "ml-team",
    scores: () => ({ "self-hosted": 2, hybrid: 1, local: 1 }),
    rationale: "An ML infrastructure team can deploy, monitor and tune open models.",
    source: `${S003} (use_self_hosted_when: have ML infrastructure team)`,
  },
  {
    id: "customization.fine-tuning",
    factor: "customization",
    when: ({ p }) => p.customization === "fine-tuning",
    scores: () => ({ "self-hosted": 4, local: 1, hybrid: 1 }),
    rationale:
      "Fine-tuning (LoRA/QLoRA) an open-weight model gives you the weights; OpenAI's fine-tuning gives a model id that can still be retired.",
    source: `${S001} (High precision/domain-specific → fine-tune open models); ${S003} (Need full customization/fine-tuning); ${S004} (Self-Hosted LoRA vs OpenAI Fine-Tuning)`,
  },
  {
    id: "customization.rag",
    factor: "customization",
    when: ({ p }) => p.customization === "rag" || p.useCase === "rag",
    scores: () => ({}),
    rationale:
      "Moderate specialization: ground the model with RAG; it works with proprietary or open models alike.",
    source: `${S001} (Moderate specialization → RAG with proprietary or OSS models)`,
  },
  {
    id: "lifecycle.control",
    factor: "lifecycle",
    when: ({ p }) => p.lifecycleControl,
    scores: () => ({ "self-hosted": 5, local: 3, api: -1, "private-cloud": -1 }),
    rationale:
      "Controlling the model lifecycle (pinned versions, no forced migrations) means owning the weights; operational control, not cost, is the value.",
    source: `${S004} (The Real Value: Operational Control; Migrate if)`,
  },
  {
    id: "lifecycle.retiring-soon",
    factor: "lifecycle",
    when: ({ deprecations, thresholds }) =>
      deprecations.some(
        (d) => d.daysToRetirement !== null && d.daysToRetirement <= thresholds.deprecationWarningDays,
      ),
    scores: () => ({}),
    rationale: "A model you use retires soon: plan the migration now (vendors give about 90 days' notice).",
    source: `${S004} (90 days notice, then forced migration); catalog lifecycle data`,
    evidence: ({ deprecations }) =>
      Object.fromEntries(deprecations.map((d) => [d.model, d.retiresOn ?? d.deprecatedOn ?? "deprecated"])),
  },
  {
    id: "latency.real-time",
    factor: "latency",
    when: ({ p }) => p.latency === "real-time",
    scores: () => ({ api: 2 }),
    rationale:
      "Real-time agents need the fastest tier: hosted fast inference (Groq + Mixtral, Llama 3 8B, Claude Haiku) answers in 0.5-2 s; local setups take 2-10 s.",
    source: `${S001} (Inference Speed Matrix; cheat sheet: real-time, high-speed agents); ${S002} (Speed & Performance)`,
  },
  {
    id: "latency.batch",
    factor: "latency",
    when: ({ p }) => p.latency === "batch" || p.useCase === "batch",
    scores: () => ({ "self-hosted": 1, hybrid: 1 }),
    rationale:
      "Bulk work that can wait suits batch APIs (half price) or self-hosted GPUs kept busy around the clock.",
    source: `${S003} (HybridAIClient routing: bulk_processing → local); https://platform.openai.com/docs/guides/batch`,
  },
  {
    id: "quality.high-accuracy",
    factor: "quality",
    when: ({ p }) => p.quality === "high-accuracy",
    scores: () => ({ api: 2, "private-cloud": 1 }),
    rationale: "When 99%+ accuracy is required, stay with the strongest hosted models.",
    source: `${S002} (Key Metrics: if 99%+ accuracy needed, stay with APIs)`,
  },
  {
    id: "quality.domain-precision",
    factor: "quality",
    when: ({ p }) => p.quality === "domain-precision",
    scores: () => ({ "self-hosted": 1 }),
    rationale: "Domain precision (legal, medical): fine-tune an open model or ground it with RAG.",
    source: `${S001} (Precision & Domain Knowledge)`,
  },
  {
    id: "quality.general",
    factor: "quality",
    when: ({ p }) => p.quality === "general" && p.useCase !== "embeddings",
    scores: () => ({ api: 1 }),
    rationale: "General-purpose reasoning is where proprietary API models lead.",
    source: `${S001} (General-purpose reasoning → proprietary LLMs via API; cheat sheet: general productivity app → API); ${S003} (Current Leaders)`,
  },
  {
    id: "task.vision",
    factor: "task",
    when: ({ p }) => p.useCase === "vision",
    scores: () => ({ api: 2 }),
    rationale: "Vision and multimodal assistants: GPT-4o or Gemini through their APIs.",
    source: `${S001} (Model Task Use Case: Multimodal; cheat sheet: multimodal assistant)`,
  },
  {
    id: "task.code",
    factor: "task",
    when: ({ p }) => p.useCase === "code",
    scores: () => ({ api: 1 }),
    rationale: "Code generation benefits from the latest hosted models.",
    source: `${S003} (HybridAIClient routing: code_generation → api)`,
  },
  {
    id: "task.classification",
    factor: "task",
    when: ({ p }) => p.useCase === "classification",
    scores: () => ({ "self-hosted": 1 }),
    rationale:
      "Classification and intent recognition run well on small open models (Llama 3.2 3B, Llama 3.1 8B).",
    source: `${S004} (Why Llama 3.2: good for classification tasks); ${S003} (routing: simple_qa → local)`,
  },
  {
    id: "task.voice-pipeline",
    factor: "task",
    when: ({ p }) => p.useCase === "voice",
    scores: () => ({}),
    rationale:
      "A voice assistant is a modular pipeline: telephony, speech-to-text (Whisper), an LLM for understanding, SMS and text-to-speech.",
    source: `${S001} (Pro Tip: Whisper + LLM + TTS); ${S002} (Real-World Cost Analysis)`,
  },
  {
    id: "task.embeddings",
    factor: "task",
    when: ({ p }) => p.useCase === "embeddings",
    scores: () => ({ api: 1 }),
    rationale:
      "Embeddings for search: 000 rates text-embedding-3-small (1536 dimensions, API) best for quality and all-MiniLM-L6-v2 (384, run locally) lower quality; the cost decides the rest.",
    source: `${S000} (For Embeddings (Vector Search))`,
  },
  {
    id: "task.embedding-model-as-chat",
    factor: "task",
    when: ({ p }) =>
      p.useCase !== "embeddings" &&
      [p.currentModel, ...p.candidateModels].some((m) => m !== null && /minilm/i.test(m)),
    scores: () => ({}),
    rationale:
      "all-MiniLM is a sentence-embedding model, not a chat model: it turns text into vectors and cannot answer.",
    source: `${S000} (Note on "all-MiniLM" vs OpenAI Models)`,
  },
];

import type { ConceptId } from "../domain/concepts.js";
import type { ProfileField } from "../domain/profile.js";

/**
 * How people ask about each concept. Patterns run on a normalised question (lower case, hyphens
 * and underscores as spaces, curly quotes straight), in order: a more specific concept comes
 * before one whose words it shares. `examples` are asked in tests and must land on `id`.
 */
export interface ConceptPhrasing {
  id: ConceptId;
  patterns: readonly RegExp[];
  examples: readonly string[];
  /** Facts the concept's own words set ("what is HIPAA?" reads HIPAA), which do not make it advice. */
  allows?: readonly ProfileField[];
}

const FT = String.raw`fine ?tun\w*`;

export const CONCEPT_PHRASINGS: readonly ConceptPhrasing[] = [
  {
    id: "model-categories",
    patterns: [
      /\bmodel (?:categories|types|families)\b/,
      /\b(?:types|kinds|categories|classes) of (?:models|llms|ai models)\b/,
      /\bproprietary\b.*\bopen (?:weights?|source)\b.*\bopen (?:weights?|source)\b/,
      /\b(?:proprietary|closed)(?: models?)? (?:vs\.?|versus|or) open(?: models?)?\b/,
      /\bopen(?: models?)? (?:vs\.?|versus|or) (?:proprietary|closed)\b/,
      /\bwhat (?:is|are) (?:a )?proprietary (?:model|llm)s?\b/,
      /\bis (?:chat ?gpt|gpt|claude|gemini|o\d|grok)[\w. ]{0,20}? (?:an? )?(?:really |truly |actually )?open (?:source|weights?)\b/,
    ],
    examples: [
      "what are the model categories?",
      "proprietary vs open weights vs open source?",
      "what kinds of models are there?",
      "closed vs open models?",
      "is gpt-4o open weights?",
    ],
  },
  {
    id: "open-weights-vs-open-source",
    patterns: [
      /\bopen weights?\b.*\bopen source\b|\bopen source\b.*\bopen weights?\b/,
      /\bwhat (?:is|are|does|do) (?:an? )?open weights?\b/,
      /\bopen weights?\b.*\bmean\b/,
      /\bis (?:llama|mistral|qwen|falcon|bloom|olmo|gemma|deepseek)[\w. ]{0,20}? (?:really |truly |actually )?open (?:source|weights?)\b/,
    ],
    examples: [
      "open weights vs open source?",
      "what's the difference between open-weight and open-source?",
      "Is Llama 3 really open source?",
      "what does open-weights mean?",
    ],
  },
  {
    id: "embedding-vs-chat-model",
    patterns: [
      /\b(?:is|what(?:'s| is| are)|can|does|do)\b.*\bminilm\b|\bminilm\b.*\b(?:chat|llm|conversation|talk)\b/,
      /\bembeddings? models?\b.*\b(?:chat|conversation|llm|talk)\b|\b(?:chat|talk)\b.*\bembeddings? models?\b/,
      /\bis (?:text embedding|an embedding)\b.*\bchat\b/,
    ],
    examples: [
      "is all-MiniLM a chat model?",
      "can I chat with all-MiniLM-L6-v2?",
      "what is all-MiniLM?",
      "can an embedding model chat?",
    ],
  },
  {
    id: "openai-fine-tuning-vs-self-hosted-lora",
    patterns: [
      new RegExp(
        String.raw`\bopenai(?:'s)? ${FT}\b.*\b(?:lora|self hosted|self host\w*|own\w*|weights?|vs|versus|or|difference)\b`,
      ),
      new RegExp(String.raw`\b(?:lora|self hosted)\b.*\b(?:vs|versus|or)\b.*\bopenai(?:'s)? ${FT}`),
      new RegExp(String.raw`\b${FT} (?:with|on|at|via|through) openai\b`),
      /\bown (?:the )?weights\b.*\bopenai\b|\bopenai\b.*\bown (?:the )?weights\b/,
      /\bfine tuned model id\b/,
    ],
    examples: [
      "OpenAI fine-tuning vs self-hosted LoRA?",
      "should I fine-tune on OpenAI or self-host with LoRA?",
      "do we own the weights with OpenAI fine-tuning?",
      "self-hosted LoRA or OpenAI fine-tuning?",
    ],
  },
  {
    id: "lora-vs-full-fine-tuning",
    patterns: [
      new RegExp(String.raw`\bq?lora\b.*\b(?:full|complete)(?: model)? (?:${FT}|training)`),
      new RegExp(String.raw`\b(?:full|complete)(?: model)? ${FT}\b.*\bq?lora\b`),
      new RegExp(String.raw`\bq?lora\b.*\b(?:vs\.?|versus|or|difference)\b.*\b${FT}`),
      /\bwhat (?:is|are|does) q?lora\b|\bhow does q?lora work\b|\bq?lora\b.*\bmean\b/,
      /\b(?:parameter efficient|peft)\b.*\b(?:what|mean|vs|versus)\b/,
    ],
    examples: [
      "LoRA or full fine-tuning?",
      "what is LoRA?",
      "what's the difference between LoRA and full fine-tuning?",
      "how does QLoRA work?",
    ],
  },
  {
    id: "shadow-mode-and-migration-phases",
    patterns: [
      /\bshadow (?:mode|deployment|traffic|testing|test)\b/,
      /\bmigration (?:phases?|steps?|strategy|stages?|process)\b/,
      /\bphases? of (?:the |a )?migration\b/,
      /\bhow (?:do|should|would|can) (?:we|i|you) migrate\b/,
      /\b(?:what is|what's|explain|define) (?:a |the )?cut ?over\b|\bcut ?over\b.*\bmean\b/,
    ],
    examples: [
      "what does shadow mode mean?",
      "what are the migration phases?",
      "how should we migrate?",
      "explain the migration steps",
      "explain cutover",
    ],
  },
  {
    id: "phased-growth-path",
    patterns: [
      /\bgrowth (?:path|phases|stages|plan|strategy)\b/,
      /\bmigration path\b/,
      /\bphased (?:growth|approach|rollout|path|plan)\b/,
      /\bmonth 1 3\b|\bmonth 13\b/,
      /\bwhen (?:should|do|would) (?:we|i) (?:move|switch|go|migrate) (?:to|from) (?:local|self host\w*|open|apis?)\b/,
      /\bstart with (?:the )?apis?\b.*\b(?:later|then|scale|grow|when)\b/,
    ],
    examples: [
      "what is the phased growth path?",
      "what's the migration path from APIs to local models?",
      "when should we move to local models?",
      "start with APIs and then what?",
    ],
  },
  {
    id: "hybrid-routing",
    patterns: [
      /\bhybrid (?:setup|set up|approach|architecture|deployment|routing|model|strategy|mode|client|solution|system)s?\b/,
      /\bwhat (?:is|does|are) (?:a |the )?hybrid\b/,
      /\bhybrid\b.*\b(?:mean|work|look like)\b/,
      /\brout(?:e|ing) (?:requests )?between (?:the )?(?:api|local|self hosted)/,
    ],
    examples: ["what is a hybrid setup?", "how does hybrid routing work?", "what does hybrid mean?"],
  },
  {
    id: "speed-tiers",
    patterns: [
      /\bspeed (?:tiers?|matrix|classes)\b|\binference speeds?\b|\blatency tiers?\b/,
      /\bhow fast (?:are|is)\b/,
      /\bfastest (?:models?|llms?|options?|inference)\b|\bwhich (?:model|llm) is (?:the )?fastest\b/,
    ],
    examples: ["what are the speed tiers?", "which model is the fastest?", "how fast are open models?"],
  },
  {
    id: "deployment-types",
    patterns: [
      /\bdeployment (?:types?|options?|models?|choices|methods)\b|\btypes of deployment\b/,
      /\bways? to (?:deploy|host)\b/,
      /\blocal (?:vs\.?|versus|or) (?:saas|api|cloud)\b.*\b(?:vs\.?|versus|or)\b/,
    ],
    examples: [
      "what are the deployment options?",
      "what are the ways to deploy an LLM?",
      "local vs SaaS API vs custom cloud?",
    ],
  },
  {
    id: "task-model-matching",
    patterns: [
      /\b(?:which|what) (?:models?|llms?) (?:for|to use for|should i use for|is best for|do i need for) (?:tts|stt|text to speech|speech to text|speech|transcription|audio|images?|ocr|multimodal|each task)\b/,
      /\b(?:task|use case) (?:to )?model (?:matching|mapping)\b|\bmodels? (?:by|per|for each) task\b/,
      /\bwhisper\b.*\btts\b|\btts\b.*\bstt\b|\bstt\b.*\btts\b/,
      /\bwhat (?:is|are) (?:tts|stt)\b/,
    ],
    examples: [
      "which model for speech to text?",
      "what model should I use for TTS?",
      "which models per task?",
      "how do Whisper, an LLM and TTS fit together?",
    ],
  },
  {
    id: "precision-and-domain-knowledge",
    patterns: [
      /\bprecision (?:and|&) domain\b|\bdomain (?:knowledge|expertise)\b/,
      /\bbehave like (?:a |an )?(?:\w+ )?expert\b/,
      new RegExp(String.raw`\b${FT} (?:vs\.?|versus|or) rag\b|\brag (?:vs\.?|versus|or) ${FT}`),
      new RegExp(String.raw`\bbetween (?:${FT} and rag|rag and ${FT})\b`),
      /\bhow (?:do|can|should) (?:we|i) make (?:an? |the |our )?(?:model|llm) (?:more )?(?:precise|accurate|domain specific|an expert)\b/,
    ],
    allows: ["customization", "useCase"],
    examples: [
      "how do we get domain knowledge into the model?",
      "RAG or fine-tuning?",
      "difference between fine-tuning and RAG",
      "how can I make the model behave like a legal expert?",
      "what about precision and domain knowledge?",
    ],
  },
  {
    id: "rag",
    patterns: [
      /\b(?:what(?:'s| is| are| does)|explain|define) (?:a |the )?(?:rag|retrieval augmented generation)\b/,
      /\b(?:rag|retrieval augmented generation)\b.*\b(?:mean|work)\b/,
    ],
    allows: ["customization", "useCase"],
    examples: ["what is RAG?", "how does RAG work?", "explain retrieval-augmented generation"],
  },
  {
    id: "compliance",
    patterns: [
      /\b(?:what(?:'s| is| are| does)|explain|define) (?:the )?(?:hipaa|gdpr|sox|phi|fedramp|itar|data (?:sovereignty|residency))\b/,
      /\b(?:hipaa|gdpr|sox|fedramp)\b.*\b(?:mean|stand for)\b/,
    ],
    allows: ["compliance"],
    examples: ["what is HIPAA?", "what does GDPR mean?", "explain data sovereignty"],
  },
  {
    id: "quantization",
    patterns: [
      /\b(?:what(?:'s| is| are| does)|explain|define|how does) (?:a |the )?(?:model )?quanti[sz]\w*/,
      /\bquanti[sz]\w*\b.*\b(?:mean|work|help)\b/,
    ],
    examples: ["what is quantization", "how does quantization work?", "what does quantized mean?"],
  },
  {
    id: "vllm",
    patterns: [
      /\b(?:what(?:'s| is| are| does)|explain|define) (?:a |the )?(?:vllm|tgi|text generation inference)\b/,
      /\bvllm\b.*\bmean\b/,
    ],
    examples: ["what's vLLM?", "what is vllm", "explain vLLM"],
  },
  {
    id: "break-even",
    patterns: [
      /\b(?:what(?:'s| is| are| does)|explain|define) (?:a |the )?break ?even\b(?! (?:for|at|of|between|with|on)\b)/,
      /\bbreak ?even\b.*\bmean\b|\bhow (?:is|do you|does one|do we) (?:calculate |compute )?(?:the )?break ?even\b/,
    ],
    examples: ["what is a break-even?", "what does break-even mean?", "how do you calculate the break-even?"],
  },
  {
    id: "why-not-self-host",
    patterns: [
      /\bwhy (?:not|shouldn't (?:we|i)|should(?:n't| not) (?:we|i)|wouldn't (?:we|i)) (?:just )?(?:self host\w*|run (?:it |them |our own models? )?(?:ourselves|locally|on prem\w*)|host (?:it |them )?ourselves)\b/,
      /\b(?:downsides?|disadvantages?|cons|risks?|drawbacks?) of self host\w*\b/,
    ],
    examples: [
      "why not self-host?",
      "why shouldn't we self-host?",
      "what are the downsides of self-hosting?",
    ],
  },
  {
    // Last: a definitional question no concept above covers, with nothing about a workload.
    id: "scope",
    patterns: [
      /^(?:what(?: is|'s| are)|who is|explain|define|tell me about)\b(?!.*\b(?:should|recommend\w*|use|run|pick|choose|cost|costs|price|cheap\w*|best|model|models|llm|llms|deploy\w*|host\w*|budget|option|options|verdict|answer)\b)/,
    ],
    examples: ["what is the weather like?", "who is the president?", "tell me about kubernetes"],
  },
];

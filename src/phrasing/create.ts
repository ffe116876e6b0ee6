import type { Logger } from "../logging.js";
import type { Metrics } from "../metrics.js";
import { OllamaPhraser, type OllamaSettings } from "./ollama-phraser.js";
import { createOpenAiClient, OpenAiPhraser, type OpenAiSettings } from "./openai-phraser.js";
import type { Timing } from "./retry.js";
import { PhrasingService } from "./service.js";
import type { LlmProviderName, Phraser } from "./types.js";

/** Phrasing as configured (src/config/phrasing.ts reads it from the environment). */
export interface PhrasingSettings {
  /** LLM providers in the order tried; empty means the template answers everything. */
  chain: LlmProviderName[];
  openai: OpenAiSettings;
  ollama: OllamaSettings;
  budgetMs: number;
  cacheSize: number;
  breaker: { failureThreshold: number; cooldownMs: number };
  /** Send text the parser could not fully use to the LLM for structured extraction. */
  extraction: boolean;
}

export interface CreatePhrasingDeps {
  logger: Logger;
  metrics: Pick<Metrics, "phraserOutcomes" | "llmTokens">;
  timing?: Timing;
}

function provider(name: LlmProviderName, s: PhrasingSettings, now: () => number): Phraser {
  return name === "openai"
    ? new OpenAiPhraser(createOpenAiClient(s.openai), s.openai.model, now)
    : new OllamaPhraser(s.ollama, now);
}

/** The phrasing service for the configured chain, each provider on its real SDK. */
export function createPhrasingService(s: PhrasingSettings, deps: CreatePhrasingDeps): PhrasingService {
  const now = () => (deps.timing ?? { now: Date.now }).now();
  return new PhrasingService(
    {
      providers: s.chain.map((name) => provider(name, s, now)),
      budgetMs: s.budgetMs,
      cacheSize: s.cacheSize,
      breaker: s.breaker,
    },
    deps,
  );
}

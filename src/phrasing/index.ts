/** Phrasing: Advice → a short answer read first, by the template or an LLM, its figures checked (DESIGN.md). */
export type { BreakerState } from "./breaker.js";
export { type CreatePhrasingDeps, createPhrasingService, type PhrasingSettings } from "./create.js";
export { type ExtractProfileResult, extractProfile } from "./extraction.js";
export { createGuard, type Guard, type GuardResult } from "./guard.js";
export {
  type ExtractResult,
  type PhrasingDeps,
  PhrasingService,
  type PhrasingServiceOptions,
} from "./service.js";
export { streamPhrasing } from "./stream.js";
export { templateSummary } from "./template.js";
export type {
  AnswerBudget,
  Attempt,
  Outcome,
  PhraseOptions,
  Phraser,
  PhrasingResult,
  ProviderName,
  StreamEvent,
  TokenUsage,
} from "./types.js";

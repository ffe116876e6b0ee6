import type { Advice } from "../domain/advice.js";

/** The phrasing providers: the template needs nothing; the others are LLMs behind an SDK. */
export const PROVIDER_NAMES = ["openai", "ollama", "template"] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];
export type LlmProviderName = Exclude<ProviderName, "template">;

/** Tokens one LLM call used, as the provider reported them. */
export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

/** What an LLM is sent: a short instruction and one user message holding the facts (and the question, as data). */
export interface Prompt {
  system: string;
  user: string;
}

/** One phrasing job: the engine's Advice, and the prompt built from it. */
export interface PhraseRequest {
  advice: Advice;
  prompt: Prompt;
}

export interface PhraserOutput {
  text: string;
  usage?: TokenUsage;
}

/** A piece of a streamed answer: text as it arrives, then the usage once the provider reports it. */
export type StreamPart = { kind: "text"; text: string } | { kind: "usage"; usage: TokenUsage };

/** A structured-output call: the schema the answer must follow (JSON Schema), and the prompt. */
export interface ExtractionCall {
  schemaName: string;
  schema: Record<string, unknown>;
  prompt: Prompt;
}

export interface ExtractionOutput {
  /** The parsed JSON the model returned; the caller validates it with zod. */
  value: unknown;
  usage?: TokenUsage;
}

/**
 * Turns an Advice into prose. LLM providers throw a ProviderError (errors.ts) when the call fails;
 * the service decides what happens next (retry, next provider, template).
 */
export interface Phraser {
  readonly name: ProviderName;
  readonly model: string;
  phrase(request: PhraseRequest, signal: AbortSignal): Promise<PhraserOutput>;
  /** Text as it arrives; Slack's chat streaming and Teams' 1:1 streaming read it. */
  stream?(request: PhraseRequest, signal: AbortSignal): AsyncIterable<StreamPart>;
  /** Structured extraction (OpenAI structured outputs, Ollama's `format`). */
  extract?(call: ExtractionCall, signal: AbortSignal): Promise<ExtractionOutput>;
}

/**
 * How an answer was phrased: "llm" when a provider's text passed the guard; otherwise why the
 * template stood in.
 */
export const OUTCOMES = [
  "llm",
  "cache",
  "no-provider",
  "timeout",
  "cancelled",
  "guard-number",
  "guard-verdict",
  "http-401",
  "http-403",
  "http-404",
  "http-429",
  "http-4xx",
  "http-5xx",
  "unreachable",
  "bad-response",
  "circuit-open",
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** One provider tried for one answer. */
export interface Attempt {
  provider: ProviderName;
  model: string;
  outcome: Outcome;
  /** HTTP requests sent for this attempt (retries included). */
  requests: number;
}

export interface PhrasingResult {
  text: string;
  /** The provider whose text this is ("template" when the template stood in). */
  provider: ProviderName;
  model: string;
  /** "llm" or "cache" when an LLM's text is used; otherwise the first reason the template stood in. */
  outcome: Outcome;
  attempts: Attempt[];
  usage?: TokenUsage;
}

/**
 * A streamed answer. Deltas are text to show as it arrives; they were checked by the guard sentence
 * by sentence, so no invented number is ever shown. `done` closes the stream: the message must then
 * read `result.text`. `replace` is true when that differs from the deltas shown (a later check failed,
 * or the provider broke off), so the surface must overwrite the streamed message with it.
 */
export type StreamEvent =
  | { kind: "delta"; text: string }
  | { kind: "done"; result: PhrasingResult; replace: boolean };

/**
 * The time one answer may spend on LLMs, shared by its steps (extraction, then phrasing):
 * `PhrasingService.answerBudget` starts it, each step takes what is left.
 */
export interface AnswerBudget {
  /** Aborts when the answer's time is spent. */
  signal: AbortSignal;
  /** `timing.now()` at which it ends. */
  deadline: number;
  /** The caller's cancel signal, if any. */
  caller?: AbortSignal;
  dispose(): void;
}

/** Options of one phrasing call. */
export interface PhraseOptions {
  /** The user's own words; sent to the LLM as quoted data, never logged. */
  question?: string | undefined;
  /** Cancels the call (e.g. the chat request went away); the template answers. */
  signal?: AbortSignal | undefined;
  /** The answer's shared time, when an extraction ran before; else the call has the whole budget. */
  budget?: AnswerBudget | undefined;
}

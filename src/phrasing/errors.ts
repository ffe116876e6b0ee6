import type { Outcome } from "./types.js";

/**
 * Why an LLM call failed, as a stable code (STYLE 17). Each code is also the phrasing outcome that
 * reports it, so metrics and the JSON summary say the same thing. Timeouts and cancellations are not
 * errors of the provider: the service tells them apart by which signal fired.
 */
export type ProviderErrorCode = Extract<
  Outcome,
  "http-401" | "http-403" | "http-404" | "http-429" | "http-4xx" | "http-5xx" | "unreachable" | "bad-response"
>;

/** A failed LLM call. Messages carry no prompt, no user text and no key. */
export abstract class ProviderError extends Error {
  abstract readonly code: ProviderErrorCode;
  /** Worth another try within the budget (429, 5xx, a dropped connection). */
  abstract readonly retryable: boolean;
  /** What a person may be told: no internals. */
  readonly userMessage = "the language model could not phrase this answer; the template did";
}

const httpCode = (status: number): ProviderErrorCode => {
  if (status === 401 || status === 403 || status === 404 || status === 429) return `http-${status}`;
  return status >= 500 ? "http-5xx" : "http-4xx";
};

/** The provider answered with an HTTP error status. */
export class ProviderHttpError extends ProviderError {
  readonly code: ProviderErrorCode;
  readonly retryable: boolean;
  constructor(
    readonly status: number,
    /** How long the provider asked us to wait (Retry-After / retry-after-ms), in ms. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(`LLM provider answered HTTP ${status}`);
    this.name = "ProviderHttpError";
    this.code = httpCode(status);
    this.retryable = status === 429 || status === 408 || status >= 500;
  }
}

/** No connection could be made, or it broke before an answer. */
export class ProviderUnreachableError extends ProviderError {
  readonly code = "unreachable" as const;
  readonly retryable = true;
  constructor() {
    super("LLM provider unreachable");
    this.name = "ProviderUnreachableError";
  }
}

/** The provider answered, but not with what was asked (no text, invalid JSON, a broken stream). */
export class ProviderResponseError extends ProviderError {
  readonly code = "bad-response" as const;
  readonly retryable = false;
  constructor(what: string) {
    super(`LLM provider answered unusably: ${what}`);
    this.name = "ProviderResponseError";
  }
}

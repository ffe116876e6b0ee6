import { ProviderError, ProviderHttpError } from "./errors.js";

/** Time, injected so backoff, Retry-After and the breaker are tested without waiting. */
export interface Timing {
  /** Milliseconds since the epoch (Retry-After may be a date). */
  now(): number;
  /** Resolves after `ms`, or rejects as soon as `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  /** 0 ≤ x < 1, for jitter. */
  random(): number;
}

export const realTiming: Timing = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal.reason);
      };
      const timer = setTimeout(() => {
        signal.removeEventListener("abort", onAbort);
        resolve();
      }, ms);
      signal.addEventListener("abort", onAbort, { once: true });
    }),
  random: Math.random,
};

export interface RetryPolicy {
  /** Tries in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 250, maxDelayMs: 2000 };

/**
 * How long a provider asked us to wait: `retry-after-ms` (OpenAI's), else `Retry-After` in seconds
 * or as an HTTP date. Null when neither says.
 */
export function retryAfterMs(headers: Headers | undefined, nowEpochMs: number): number | null {
  const ms = Number.parseFloat(headers?.get("retry-after-ms") ?? "");
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const raw = headers?.get("retry-after")?.trim();
  if (!raw) return null;
  if (/^\d+(\.\d+)?$/.test(raw)) return Number(raw) * 1000;
  const at = Date.parse(raw);
  return Number.isNaN(at) ? null : Math.max(0, at - nowEpochMs);
}

export interface RetryContext {
  policy: RetryPolicy;
  timing: Timing;
  /** `timing.now()` past which no retry starts: the phrasing budget's end. */
  deadline: number;
  signal: AbortSignal;
}

/**
 * Calls `fn` until it succeeds, fails for good, or the budget cannot hold another wait. Waits what
 * Retry-After asks, else exponential backoff with jitter. Written here rather than taken from a
 * library because every wait must be cut short by the phrasing budget, and the SDKs' own retries
 * (turned off) sleep past it.
 */
export async function withRetry<T>(fn: () => Promise<T>, ctx: RetryContext): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (!(e instanceof ProviderError) || !e.retryable || attempt >= ctx.policy.maxAttempts) throw e;
      if (ctx.signal.aborted) throw e;
      const asked = e instanceof ProviderHttpError ? e.retryAfterMs : null;
      const backoff = Math.min(ctx.policy.maxDelayMs, ctx.policy.baseDelayMs * 2 ** (attempt - 1));
      // Equal jitter: half the backoff fixed, half random, so clients that failed together spread out.
      const delay = asked ?? backoff / 2 + (backoff / 2) * ctx.timing.random();
      if (ctx.timing.now() + delay >= ctx.deadline) throw e;
      await ctx.timing.sleep(delay, ctx.signal);
    }
  }
}

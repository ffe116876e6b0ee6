import type { Advice } from "../domain/advice.js";
import type { Logger } from "../logging.js";
import type { Metrics } from "../metrics.js";
import { type BreakerState, CircuitBreaker } from "./breaker.js";
import { type BudgetRun, EXTRACTION_SHARE, startAnswerBudget, startRun } from "./budget.js";
import { adviceDigest, PhrasingCache, phrasingKey } from "./cache.js";
import { ProviderError } from "./errors.js";
import { adviceFacts } from "./facts.js";
import { createGuard, type Guard, type GuardResult } from "./guard.js";
import { buildPrompt } from "./prompt.js";
import { DEFAULT_RETRY, type RetryPolicy, realTiming, type Timing, withRetry } from "./retry.js";
import { templateSummary } from "./template.js";
import type {
  AnswerBudget,
  ExtractionCall,
  Outcome,
  PhraseOptions,
  Phraser,
  PhrasingResult,
  Prompt,
  TokenUsage,
} from "./types.js";

export interface PhrasingServiceOptions {
  /** LLM providers in the order tried; the template always answers after them. */
  providers: Phraser[];
  /** End to end, fallbacks and retries included; past it the template answers. */
  budgetMs: number;
  cacheSize: number;
  breaker: { failureThreshold: number; cooldownMs: number };
  retry?: RetryPolicy;
}

export interface PhrasingDeps {
  logger: Logger;
  metrics: Pick<Metrics, "phraserOutcomes" | "llmTokens">;
  timing?: Timing;
}

/** One phrasing under way: the budget, and the Advice with its prompt and guard. */
export interface Run extends BudgetRun {
  advice: Advice;
  question: string;
  prompt: Prompt;
  guard: Guard;
  digest: string;
}

type Purpose = "phrasing" | "extraction";

export type ExtractResult =
  | { ok: true; value: unknown; provider: Phraser["name"]; model: string }
  | { ok: false; outcome: Outcome };

/**
 * Phrases Advices: tries each LLM provider in turn within one budget (skipping those whose circuit is
 * open, retrying 429 and 5xx), checks each text with the numbers guard, caches what passed, and
 * answers with the template when nothing did. Never throws for a provider's failure. The steps below
 * `phrase` and `extract` are public for `streamPhrasing` (stream.ts), which runs the same chain.
 */
export class PhrasingService {
  readonly timing: Timing;
  private readonly breakers = new Map<Phraser, CircuitBreaker>();
  private readonly cache: PhrasingCache;

  constructor(
    readonly options: PhrasingServiceOptions,
    readonly deps: PhrasingDeps,
  ) {
    this.timing = deps.timing ?? realTiming;
    this.cache = new PhrasingCache(options.cacheSize);
    for (const p of options.providers)
      this.breakers.set(p, new CircuitBreaker({ ...options.breaker, now: () => this.timing.now() }));
  }

  /** Whether any LLM provider is configured (else the template answers everything). */
  get configured(): boolean {
    return this.options.providers.length > 0;
  }

  get providers(): readonly Phraser[] {
    return this.options.providers;
  }

  breakerState(provider: Phraser["name"]): BreakerState | null {
    const p = this.options.providers.find((x) => x.name === provider);
    return p ? (this.breakers.get(p)?.state() ?? null) : null;
  }

  breaker(p: Phraser): CircuitBreaker {
    return this.breakers.get(p) as CircuitBreaker;
  }

  /** The time of one answer, shared by its extraction and its phrasing (pass it as `budget`). */
  answerBudget(signal?: AbortSignal): AnswerBudget {
    return startAnswerBudget(this.options.budgetMs, this.timing, signal);
  }

  /** Starts one step's clock: a timer for the abort, the injected clock for retry decisions. */
  budgetRun(opts: Pick<PhraseOptions, "signal" | "budget"> = {}, share = 1): BudgetRun {
    return startRun(this.options.budgetMs, this.timing, opts, share);
  }

  /** Starts one phrasing: the facts, the prompt, the guard and the budget. */
  begin(advice: Advice, opts: PhraseOptions = {}): Run {
    const facts = adviceFacts(advice);
    const question = opts.question ?? "";
    return {
      ...this.budgetRun(opts),
      advice,
      question,
      prompt: buildPrompt(facts, question),
      guard: createGuard(advice, facts),
      digest: this.configured ? adviceDigest(advice) : "",
    };
  }

  /** The advice phrased by the first provider whose text passes the guard, else by the template. */
  async phrase(advice: Advice, opts: PhraseOptions = {}): Promise<PhrasingResult> {
    const run = this.begin(advice, opts);
    try {
      for (const p of this.options.providers) {
        if (this.outOfTime(run, p)) break;
        const cached = this.cached(p, run);
        if (cached) return cached;
        if (!this.breaker(p).tryAcquire()) {
          this.record(run, p, "circuit-open", 0);
          continue;
        }
        const call = await this.call(p, run, (signal) => p.phrase({ advice, prompt: run.prompt }, signal));
        if (!call) continue;
        const verdict = run.guard.check(call.out.text);
        if (!verdict.ok) {
          this.rejected(run, p, verdict, call.requests);
          continue;
        }
        return this.accepted(run, p, call.out.text, call.out.usage, call.requests);
      }
      return this.fallback(run);
    } finally {
      run.dispose();
    }
  }

  /**
   * A structured extraction through the first provider that can do it, within the same budget rules;
   * part of an answer's budget, it takes at most EXTRACTION_SHARE of it.
   */
  async extract(
    call: ExtractionCall,
    opts: Pick<PhraseOptions, "signal" | "budget"> = {},
  ): Promise<ExtractResult> {
    const run = this.budgetRun(opts, opts.budget ? EXTRACTION_SHARE : 1);
    try {
      for (const p of this.options.providers) {
        if (!p.extract) continue;
        if (this.outOfTime(run, p, "extraction")) break;
        if (!this.breaker(p).tryAcquire()) {
          run.attempts.push({ provider: p.name, model: p.model, outcome: "circuit-open", requests: 0 });
          continue;
        }
        const extract = p.extract.bind(p);
        const done = await this.call(p, run, (s) => extract(call, s), "extraction");
        if (done) return { ok: true, value: done.out.value, provider: p.name, model: p.model };
      }
      return { ok: false, outcome: run.attempts[0]?.outcome ?? "no-provider" };
    } finally {
      run.dispose();
    }
  }

  /** One provider call with retries; null (recorded, breaker told) when it failed. */
  async call<T extends { usage?: TokenUsage }>(
    p: Phraser,
    run: BudgetRun,
    fn: (signal: AbortSignal) => Promise<T>,
    purpose: Purpose = "phrasing",
  ): Promise<{ out: T; requests: number } | null> {
    let requests = 0;
    const policy = this.options.retry ?? DEFAULT_RETRY;
    try {
      const out = await withRetry(
        () => {
          requests += 1;
          return fn(run.signal);
        },
        { policy, timing: this.timing, deadline: run.deadline, signal: run.signal },
      );
      // An answer that lands after the budget ended is late all the same: the template has the floor.
      run.signal.throwIfAborted();
      this.breaker(p).success();
      this.countTokens(p, out.usage);
      if (purpose === "extraction")
        run.attempts.push({ provider: p.name, model: p.model, outcome: "llm", requests });
      return { out, requests };
    } catch (e) {
      this.failed(run, p, e, requests, purpose);
      return null;
    }
  }

  /** Whether the time ran out before this provider could be tried; the first such skip is recorded, with no request. */
  outOfTime(run: BudgetRun, p: Phraser, purpose: Purpose = "phrasing"): boolean {
    if (!run.signal.aborted) return false;
    if (run.attempts.length === 0) {
      const outcome = this.outcomeOf(undefined, run);
      if (purpose === "extraction")
        run.attempts.push({ provider: p.name, model: p.model, outcome, requests: 0 });
      else this.record(run, p, outcome, 0);
    }
    return true;
  }

  /** Which outcome an error means: the caller's abort, the budget's, or the provider's coded failure. */
  outcomeOf(e: unknown, run: BudgetRun): Outcome {
    if (run.caller?.aborted) return "cancelled";
    if (run.budget.aborted) return "timeout";
    if (e instanceof ProviderError) return e.code;
    return "bad-response";
  }

  failed(run: BudgetRun, p: Phraser, e: unknown, requests: number, purpose: Purpose): void {
    const outcome = this.outcomeOf(e, run);
    if (outcome === "cancelled") this.breaker(p).release();
    else this.breaker(p).failure();
    // The name only: an unexpected error's message may quote a response that echoes the user's words.
    if (!(e instanceof ProviderError) && outcome === "bad-response")
      this.deps.logger.error(
        { provider: p.name, errorName: (e as Error)?.name },
        "LLM provider failed unexpectedly",
      );
    if (purpose === "extraction") {
      run.attempts.push({ provider: p.name, model: p.model, outcome, requests });
      this.deps.logger.warn({ provider: p.name, model: p.model, outcome, requests }, "LLM extraction failed");
    } else this.record(run, p, outcome, requests);
  }

  cached(p: Phraser, run: Run): PhrasingResult | null {
    const hit = this.cache.get(phrasingKey(run.digest, p.name, p.model, run.question));
    if (!hit) return null;
    this.record(run, p, "cache", 0);
    return { text: hit.text, provider: p.name, model: p.model, outcome: "cache", attempts: run.attempts };
  }

  accepted(
    run: Run,
    p: Phraser,
    text: string,
    usage: TokenUsage | undefined,
    requests: number,
  ): PhrasingResult {
    this.cache.set(
      phrasingKey(run.digest, p.name, p.model, run.question),
      usage ? { text, usage } : { text },
    );
    this.record(run, p, "llm", requests);
    const result: PhrasingResult = {
      text,
      provider: p.name,
      model: p.model,
      outcome: "llm",
      attempts: run.attempts,
    };
    return usage ? { ...result, usage } : result;
  }

  /** A text the guard refused; logged without the text, which may echo the user's words. */
  rejected(run: Run, p: Phraser, verdict: Exclude<GuardResult, { ok: true }>, requests: number): void {
    this.breaker(p).success();
    const detail =
      verdict.outcome === "guard-number"
        ? { unmatched: verdict.unmatched, numbers: verdict.numbers, kinds: verdict.kinds }
        : { reason: verdict.reason };
    this.record(run, p, verdict.outcome, requests, detail);
  }

  record(run: BudgetRun, p: Phraser, outcome: Outcome, requests: number, detail: object = {}): void {
    run.attempts.push({ provider: p.name, model: p.model, outcome, requests });
    this.deps.metrics.phraserOutcomes.inc({ provider: p.name, outcome });
    const fields = { provider: p.name, model: p.model, outcome, requests, ...detail };
    // An open circuit is already known; saying so on every answer would drown the cause.
    if (outcome === "circuit-open") this.deps.logger.debug(fields, "LLM phrasing not used");
    else if (outcome !== "llm" && outcome !== "cache") this.deps.logger.warn(fields, "LLM phrasing not used");
  }

  countTokens(p: Phraser, usage: TokenUsage | undefined): void {
    const tokens = this.deps.metrics.llmTokens;
    if (!usage) return;
    tokens.inc({ provider: p.name, model: p.model, direction: "input" }, usage.inputTokens);
    tokens.inc({ provider: p.name, model: p.model, direction: "output" }, usage.outputTokens);
  }

  /** The template's answer, with the first reason an LLM's was not used. */
  fallback(run: Run): PhrasingResult {
    const outcome = run.attempts[0]?.outcome ?? (run.caller?.aborted ? "cancelled" : "no-provider");
    this.deps.metrics.phraserOutcomes.inc({ provider: "template", outcome });
    return {
      text: templateSummary(run.advice),
      provider: "template",
      model: "template",
      outcome,
      attempts: run.attempts,
    };
  }
}

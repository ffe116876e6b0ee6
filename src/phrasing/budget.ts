import type { Timing } from "./retry.js";
import type { AnswerBudget, Attempt } from "./types.js";

/** The most of an answer's budget an extraction may take: phrasing, which every answer needs, keeps the rest. */
export const EXTRACTION_SHARE = 0.5;

/** One phrasing or extraction under way: its share of the answer's time, and its attempts. */
export interface BudgetRun {
  /** Aborts when the time is spent or the caller cancels. */
  signal: AbortSignal;
  caller: AbortSignal | undefined;
  /** Aborts when the time is spent (this step's share or the answer's whole budget). */
  budget: AbortSignal;
  /** `timing.now()` at which the time ends; no retry starts past it. */
  deadline: number;
  attempts: Attempt[];
  dispose(): void;
}

/**
 * The time of one answer, from the moment it starts: extraction and phrasing share it, so an answer
 * never waits more than `budgetMs` on LLMs, however many steps ask one.
 */
export function startAnswerBudget(budgetMs: number, timing: Timing, caller?: AbortSignal): AnswerBudget {
  const c = new AbortController();
  const timer = setTimeout(() => c.abort(new Error("answer budget spent")), budgetMs);
  timer.unref?.();
  return {
    signal: c.signal,
    deadline: timing.now() + budgetMs,
    ...(caller ? { caller } : {}),
    dispose: () => clearTimeout(timer),
  };
}

/**
 * One step's run: at most `share` of the budget, and never past the answer's deadline when it is
 * part of one. A step that starts after the deadline is aborted from the start.
 */
export function startRun(
  budgetMs: number,
  timing: Timing,
  opts: { signal?: AbortSignal | undefined; budget?: AnswerBudget | undefined },
  share = 1,
): BudgetRun {
  const answer = opts.budget;
  const now = timing.now();
  const own = Math.round(budgetMs * share);
  const deadline = answer ? Math.min(answer.deadline, now + own) : now + own;
  const step = new AbortController();
  const timer = setTimeout(() => step.abort(new Error("phrasing budget spent")), Math.max(0, deadline - now));
  timer.unref?.();
  if (deadline <= now || answer?.signal.aborted) step.abort(new Error("phrasing budget spent"));
  const budget = answer ? AbortSignal.any([step.signal, answer.signal]) : step.signal;
  const caller = opts.signal ?? answer?.caller;
  return {
    signal: caller ? AbortSignal.any([budget, caller]) : budget,
    caller,
    budget,
    deadline,
    attempts: [],
    dispose: () => clearTimeout(timer),
  };
}

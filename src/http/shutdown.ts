import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "../logging.js";

/** Something that stops taking work and finishes what it has in flight within the time it is given. */
export interface StopStep {
  name: string;
  stop(remainingMs: number): Promise<void>;
}

export interface ShutdownPlan {
  /** The bound for the whole sequence: SHUTDOWN_GRACE_MS. */
  graceMs: number;
  /** Stopped together, all within the one deadline: surfaces, the scheduler, the HTTP server. */
  steps: readonly StopStep[];
  /** Closed once the steps are done or the deadline has passed (the store, which the steps use). */
  close(): Promise<void>;
}

export interface ShutdownDeps {
  logger: Logger;
  /** process.exit in production. */
  exit(code: number): void;
  /** How long past the deadline a stuck close may run before the process exits anyway (2 s). */
  forceAfterMs?: number;
}

/** The process exits at most this long after the grace period ends, whatever hangs. */
export const FORCED_EXIT_MARGIN_MS = 2000;

/**
 * One deadline for the whole shutdown: the steps run in parallel and are given the time left; then
 * the store closes and the process exits 0. A timer that does not keep the process alive exits
 * with 1 and one log line at grace + 2 s, in case a step or the store ignores its deadline.
 */
export async function shutdownWithin(plan: ShutdownPlan, deps: ShutdownDeps): Promise<void> {
  const margin = deps.forceAfterMs ?? FORCED_EXIT_MARGIN_MS;
  const forced = setTimeout(() => {
    deps.logger.error(
      { graceMs: plan.graceMs, marginMs: margin },
      "shutdown overran its bound; exiting without finishing",
    );
    deps.exit(1);
  }, plan.graceMs + margin);
  forced.unref();

  const deadline = Date.now() + plan.graceMs;
  const left = () => Math.max(0, deadline - Date.now());
  const pending = new Set(plan.steps.map((s) => s.name));
  const stopped = Promise.all(
    plan.steps.map(async (s) => {
      try {
        await s.stop(left());
      } catch (error) {
        deps.logger.warn({ err: error, step: s.name }, "shutdown step failed");
      }
      pending.delete(s.name);
    }),
  );
  const timeUp = new AbortController();
  await Promise.race([stopped, sleep(plan.graceMs, undefined, { signal: timeUp.signal }).catch(() => {})]);
  timeUp.abort();
  if (pending.size > 0)
    deps.logger.warn({ overran: [...pending] }, "shutdown deadline passed; closing the store anyway");
  try {
    await plan.close();
  } catch (error) {
    deps.logger.warn({ err: error }, "store did not close cleanly");
  }
  clearTimeout(forced);
  deps.logger.info({ overran: [...pending] }, "stopped");
  deps.exit(0);
}

/** closed: calls go ahead; open: calls are skipped until the cool-down ends; half-open: one trial call. */
export type BreakerState = "closed" | "open" | "half-open";

export interface BreakerOptions {
  /** Consecutive failed calls that open the circuit. */
  failureThreshold: number;
  cooldownMs: number;
  now: () => number;
}

/**
 * Skips a provider that keeps failing, for a cool-down, then lets one call through to see whether it
 * recovered. A few lines, so written here: it must run on the injected clock the tests control.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | null = null;
  private trialInFlight = false;

  constructor(private readonly options: BreakerOptions) {}

  state(): BreakerState {
    if (this.openedAt === null) return "closed";
    return this.options.now() - this.openedAt >= this.options.cooldownMs ? "half-open" : "open";
  }

  /** Whether a call may go ahead now; while half-open, only one at a time. */
  tryAcquire(): boolean {
    const s = this.state();
    if (s === "closed") return true;
    if (s === "open" || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  success(): void {
    this.failures = 0;
    this.openedAt = null;
    this.trialInFlight = false;
  }

  failure(): void {
    this.trialInFlight = false;
    this.failures += 1;
    if (this.openedAt !== null || this.failures >= this.options.failureThreshold)
      this.openedAt = this.options.now();
  }

  /** A call that ended neither way (the caller cancelled it). */
  release(): void {
    this.trialInFlight = false;
  }
}

import type { Catalog } from "../domain/catalog/catalog.js";
import type { Logger } from "../logging.js";
import type { Metrics } from "../metrics.js";
import type { Store, Subscription } from "../store/index.js";
import type { ComposedDigest } from "./compose.js";
import { composeFor, type DeliverDeps, type Delivered, deliver, type RunContext } from "./deliver.js";
import type { CostsSource } from "./openai-costs.js";
import { latestRun, periodKeyOf } from "./periods.js";
import type { DigestMessage, DigestPoster } from "./poster.js";
import { scheduleProblem } from "./schedule.js";

export type { Delivered, DeliveryOutcome } from "./deliver.js";

/**
 * The thin I/O caller around the pure parts: on each tick, every active subscription whose latest
 * due period has no posted digest gets one, exactly once across replicas (the store's delivery
 * ledger decides who posts). `runDue(at)` is the whole job for one instant; the timer loop and
 * `llm-advise digest run --at` both call it, and tests call it with fixed instants.
 */

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface DigestSchedulerDeps {
  store: Pick<Store, "subscriptions" | "deliveries" | "snapshots">;
  /** One per platform this process can post to; subscriptions of other platforms are skipped. */
  posters: readonly DigestPoster[];
  /** Today's catalog for an instant (CATALOG_FILE applied); read once per run. */
  catalogAt: (at: Date) => Catalog | Promise<Catalog>;
  /** OpenAI's costs API when OPENAI_ADMIN_KEY is set; null leaves a note instead. */
  costs: CostsSource | null;
  logger: Logger;
  metrics: Pick<Metrics, "digestsPosted" | "digestsFailed">;
  now: () => Date;
  leaseMs?: number;
  tickMs?: number;
  /** Subscriptions handled at once within a run. */
  concurrency?: number;
  maxAttempts?: number;
  /** Injected so tests drive ticks by hand; the global timers otherwise. */
  timers?: Timers;
}

export interface DigestScheduler {
  /** Everything due at `at`, once; one line per active subscription. */
  runDue(at: Date): Promise<Delivered[]>;
  /** The digest a subscription would get at `at`, composed but neither claimed, recorded nor posted. */
  preview(subscriptionId: string, at: Date): Promise<PreviewedDigest | null>;
  /** Runs at once (catching up on anything missed while down), then every `tickMs`. */
  start(): void;
  /** Stops ticking and waits for a run in progress. */
  stop(): Promise<void>;
}

export interface PreviewedDigest extends ComposedDigest {
  subscription: Subscription;
  message: DigestMessage;
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export function createDigestScheduler(deps: DigestSchedulerDeps): DigestScheduler {
  const d: DeliverDeps = {
    store: deps.store,
    costs: deps.costs,
    logger: deps.logger,
    metrics: deps.metrics,
    leaseMs: deps.leaseMs ?? 5 * 60_000,
    maxAttempts: deps.maxAttempts ?? 5,
  };
  const tickMs = deps.tickMs ?? 60_000;
  const timers: Timers = deps.timers ?? {
    setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
    clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
  };
  // Periods this process saw posted: later ticks skip them without a query.
  const settled = new Map<string, string>();

  const one = async (ctx: RunContext, s: Subscription, at: Date): Promise<Delivered> => {
    const base = { subscriptionId: s.id, platform: s.channel.platform };
    const problem = scheduleProblem(s.schedule);
    if (problem) return { ...base, periodKey: null, outcome: "skipped", code: "bad-schedule" };
    // Runs before the subscription was made or last changed are not owed.
    const run = latestRun(s.schedule, at, s.updatedAt);
    if (!run) return { ...base, periodKey: null, outcome: "not-due" };
    const poster = deps.posters.find((p) => p.platform === s.channel.platform);
    if (!poster) return { ...base, periodKey: run.periodKey, outcome: "skipped", code: "no-poster" };
    if (settled.get(s.id) === run.periodKey)
      return { ...base, periodKey: run.periodKey, outcome: "already-posted" };
    const result = await deliver(d, ctx, s, run, poster);
    if (result.outcome === "posted" || result.outcome === "recovered" || result.outcome === "already-posted")
      settled.set(s.id, run.periodKey);
    return result;
  };

  const runDue = async (at: Date): Promise<Delivered[]> => {
    const subscriptions = await deps.store.subscriptions.listActive();
    if (subscriptions.length === 0) return [];
    const ctx: RunContext = { catalog: await deps.catalogAt(at), spend: new Map() };
    return mapLimit(subscriptions, deps.concurrency ?? 4, (s) =>
      one(ctx, s, at).catch((error: unknown) => {
        deps.logger.error({ subscriptionId: s.id, err: error }, "digest run failed for a subscription");
        return {
          subscriptionId: s.id,
          platform: s.channel.platform,
          periodKey: null,
          outcome: "failed",
          code: "internal",
        };
      }),
    );
  };

  let running = false;
  let handle: unknown = null;
  let current: Promise<void> = Promise.resolve();
  const tick = () => {
    current = runDue(deps.now())
      .then((lines) => {
        const done = lines.filter((l) => l.outcome !== "not-due" && l.outcome !== "already-posted");
        if (done.length > 0) deps.logger.debug({ deliveries: done.length }, "digest tick");
      })
      .catch((error: unknown) => deps.logger.error({ err: error }, "digest tick failed"))
      .finally(() => {
        if (running) handle = timers.setTimeout(tick, tickMs);
      });
  };

  return {
    runDue,
    async preview(subscriptionId, at) {
      const subscription = await deps.store.subscriptions.get(subscriptionId);
      if (!subscription) return null;
      const ctx: RunContext = { catalog: await deps.catalogAt(at), spend: new Map() };
      const run = latestRun(subscription.schedule, at) ?? { at, periodKey: periodKeyOf(at) };
      return { subscription, ...(await composeFor(d, ctx, subscription, run)) };
    },
    start() {
      if (running) return;
      running = true;
      tick();
    },
    async stop() {
      running = false;
      if (handle !== null) timers.clearTimeout(handle);
      handle = null;
      await current;
    },
  };
}

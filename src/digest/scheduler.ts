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
  store: Pick<Store, "subscriptions" | "deliveries" | "snapshots" | "threads">;
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
  /** How much of the delivery ledger and the catalog snapshots to keep (pruned at most hourly). */
  retention?: Retention;
}

export interface Retention {
  /** Deliveries kept per subscription, newest first. */
  deliveriesPerSubscription: number;
  /** Older deliveries and unused catalog snapshots are deleted (the newest and last posted are kept). */
  maxAgeDays: number;
}

/** A year and a month: a year-on-year comparison stays possible for a monthly digest. */
export const DEFAULT_RETENTION: Retention = { deliveriesPerSubscription: 100, maxAgeDays: 400 };
const PRUNE_EVERY_MS = 60 * 60_000;
const DAY_MS = 86_400_000;

export interface DigestScheduler {
  /** Everything due at `at`, once; one line per active subscription. */
  runDue(at: Date): Promise<Delivered[]>;
  /** The digest a subscription would get at `at`, composed but neither claimed, recorded nor posted. */
  preview(subscriptionId: string, at: Date): Promise<PreviewedDigest | null>;
  /** Deletes deliveries and catalog snapshots past the retention; returns how many of each. */
  prune(at: Date): Promise<{ deliveries: number; snapshots: number }>;
  /**
   * Runs at once (catching up on anything missed while down), then every `tickMs`; prunes on the
   * first tick and then at most hourly.
   */
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
    if (
      result.outcome === "posted" ||
      result.outcome === "recovered" ||
      result.outcome === "already-posted" ||
      result.outcome === "posted-after-takeover"
    )
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

  const retention = deps.retention ?? DEFAULT_RETENTION;
  const prune = async (at: Date) => {
    const olderThan = new Date(at.getTime() - retention.maxAgeDays * DAY_MS);
    const deliveries = await deps.store.deliveries.prune({
      keepPerSubscription: retention.deliveriesPerSubscription,
      olderThan,
    });
    // After the deliveries: a snapshot is kept while any delivery names it.
    const snapshots = await deps.store.snapshots.prune(olderThan);
    if (deliveries + snapshots > 0) deps.logger.info({ deliveries, snapshots }, "digest history pruned");
    return { deliveries, snapshots };
  };

  /** Says at start what a crash left unfinished; the ticks take those deliveries over. */
  const reportUnfinished = async () => {
    const unfinished = await deps.store.deliveries.listUnfinished();
    if (unfinished.length > 0)
      deps.logger.warn(
        {
          count: unfinished.length,
          deliveries: unfinished.slice(0, 20).map((d) => `${d.subscriptionId}@${d.periodKey}`),
        },
        "digest deliveries left unfinished by a stopped process; they are looked for before posting again",
      );
  };

  let running = false;
  let handle: unknown = null;
  let current: Promise<void> = Promise.resolve();
  let prunedAt: number | null = null;
  const maintain = async (at: Date) => {
    if (prunedAt === null) await reportUnfinished();
    if (prunedAt !== null && at.getTime() - prunedAt < PRUNE_EVERY_MS) return;
    prunedAt = at.getTime();
    await prune(at);
  };
  const tick = () => {
    current = maintain(deps.now())
      .catch((error: unknown) => deps.logger.error({ err: error }, "digest upkeep failed"))
      .then(() => runDue(deps.now()))
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
    prune,
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

import { Writable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createDigestScheduler, type DigestScheduler, type Retention } from "../src/digest/scheduler.js";
import { buildCatalog } from "../src/domain/catalog/catalog.js";
import { createLogger, silentLogger } from "../src/logging.js";
import { createMetrics } from "../src/metrics.js";
import {
  manualClock,
  pgliteHarness,
  postgresHarness,
  type StoreHarness,
} from "../src/store/contract/harness.js";
import type { DeliveryClaim, Store } from "../src/store/index.js";

/**
 * The delivery ledger and the catalog snapshots stay bounded: the scheduler prunes them on its first
 * tick and then hourly, on the real store (PGlite, and PostgreSQL when TEST_DATABASE_URL is set).
 * Each test has a database of its own, so the counts are exact.
 */

const url = process.env.TEST_DATABASE_URL;
const DAY = 86_400_000;
const POSTED = { platform: "slack" as const, channel: "C1", ts: "1735689600.000100" };
const harnesses: Array<[string, () => Promise<StoreHarness>]> = [["PGlite", pgliteHarness]];
if (url) harnesses.push(["PostgreSQL", () => postgresHarness(url)]);
else it.skip("PostgreSQL runs (skipped: set TEST_DATABASE_URL to run)", () => {});

describe.each(harnesses)("digest history retention on %s", (_name, makeHarness) => {
  let h: StoreHarness;
  let store: Store;
  let clock: ReturnType<typeof manualClock>;
  beforeEach(async () => {
    h = await makeHarness();
    clock = manualClock("2025-01-01T00:00:00Z");
    store = await h.open({ clock: clock.now });
  }, 60_000);
  afterEach(() => h?.dispose());

  const scheduler = (retention: Retention, extra: { lines?: string[]; timers?: unknown[] } = {}) =>
    createDigestScheduler({
      store,
      posters: [],
      catalogAt: (t) => buildCatalog({ pricesAt: t }),
      costs: null,
      logger: extra.lines
        ? createLogger(
            "info",
            new Writable({
              write(chunk, _enc, done) {
                extra.lines?.push(String(chunk));
                done();
              },
            }),
          )
        : silentLogger(),
      metrics: createMetrics(false),
      now: clock.now,
      retention,
      ...(extra.timers
        ? { timers: { setTimeout: (fn: () => void) => extra.timers?.push(fn), clearTimeout: () => {} } }
        : {}),
    });
  const subscribe = async () =>
    (
      await store.subscriptions.create({
        channel: { platform: "slack", workspaceId: "T0TEAM", channelId: `C${Math.random()}` },
        profile: { requestsPerMonth: 1_000_000 },
        schedule: { cron: "0 9 1 1 *", timezone: "UTC" },
        createdBy: "U0ADA",
      })
    ).subscription.id;
  const claim = async (sub: string, period: string, leaseMs = 60_000): Promise<DeliveryClaim> => {
    const r = await store.deliveries.claim(sub, period, { leaseMs });
    if (!r.claimed) throw new Error(`not claimed: ${r.state}`);
    return r;
  };
  const snapshot = (tag: string) => store.snapshots.save({ asOf: "2025-01-01", data: { tag } });
  const periods = async (sub: string) => {
    const rows = await h.raw().query("SELECT period_key FROM deliveries WHERE subscription_id = $1", [sub]);
    return rows.map((r) => String(r.period_key)).sort();
  };
  const snapshotTags = async () =>
    (await h.raw().query("SELECT data->>'tag' AS tag FROM catalog_snapshots"))
      .map((r) => String(r.tag))
      .sort();

  it("keeps the newest deliveries, the latest posted one and any in flight, and only snapshots still named", async () => {
    const a = await subscribe();
    const b = await subscribe();
    // One row a day: day 1 (2025-01-01) to day 6 for A; B's only row on day 1.
    const oldShot = await snapshot("named-by-p1");
    await snapshot("never-named");
    await store.deliveries.markPosted(await claim(a, "2025-01-01T09:00Z"), POSTED, {
      snapshotId: oldShot.id,
    });
    await store.deliveries.markFailed(await claim(b, "2025-01-01T09:00Z"), "channel_not_found");
    clock.advance(DAY);
    await store.deliveries.markFailed(await claim(a, "2025-01-02T09:00Z"), "channel_not_found");
    clock.advance(DAY);
    await store.deliveries.markPosted(await claim(a, "2025-01-03T09:00Z"), POSTED);
    clock.advance(DAY);
    const kept = await snapshot("named-by-p4");
    await store.deliveries.markPosted(await claim(a, "2025-01-04T09:00Z"), POSTED, { snapshotId: kept.id });
    clock.advance(DAY);
    await store.deliveries.markFailed(await claim(a, "2025-01-05T09:00Z"), "channel_not_found");
    clock.advance(DAY);
    await snapshot("seen-recently");
    await claim(a, "2025-01-06T09:00Z", 3_600_000); // in flight
    clock.advance(DAY / 2);

    // Keep 3 per subscription, and nothing older than a day (the cutoff is day 5 at 12:00).
    // A, newest first: day 6 (in flight: kept), day 5 (failed, old: gone), day 4 (latest posted: kept),
    // days 3, 2, 1 (past the newest 3: gone) → 4 deleted. B's day 1 is its newest row: kept.
    // Snapshots: "named-by-p1" lost its delivery and "never-named" is old → 2 deleted;
    // "named-by-p4" is still named and "seen-recently" is newer than the cutoff.
    const s = scheduler({ deliveriesPerSubscription: 3, maxAgeDays: 1 });
    expect(await s.prune(clock.now())).toEqual({ deliveries: 4, snapshots: 2 });
    expect(await periods(a)).toEqual(["2025-01-04T09:00Z", "2025-01-06T09:00Z"]);
    expect(await periods(b)).toEqual(["2025-01-01T09:00Z"]);
    expect(await snapshotTags()).toEqual(["named-by-p4", "seen-recently"]);
    expect((await store.deliveries.lastPosted(a))?.periodKey).toBe("2025-01-04T09:00Z");
    expect(await s.prune(clock.now())).toEqual({ deliveries: 0, snapshots: 0 });
  });

  it("prunes on its first tick and then hourly, and says at start what a stopped process left unfinished", async () => {
    const sub = await subscribe();
    await store.deliveries.markFailed(await claim(sub, "2025-01-01T09:00Z"), "channel_not_found");
    clock.advance(DAY);
    await store.deliveries.markPosted(await claim(sub, "2025-01-02T09:00Z"), POSTED);
    clock.advance(DAY);
    await claim(sub, "2025-01-03T09:00Z", 60_000); // its process stopped: the lease runs out
    clock.advance(DAY);
    const lines: string[] = [];
    const timers: Array<() => void> = [];
    const s: DigestScheduler = scheduler(
      { deliveriesPerSubscription: 1, maxAgeDays: 400 },
      { lines, timers },
    );
    s.start();
    await vi.waitFor(() => expect(timers).toHaveLength(1));
    // Keep 1: the in-flight day 3 and the latest posted day 2 stay; day 1 goes.
    expect(await periods(sub)).toEqual(["2025-01-02T09:00Z", "2025-01-03T09:00Z"]);
    const unfinished = lines.map((l) => JSON.parse(l)).find((l) => l.count !== undefined);
    expect(unfinished).toMatchObject({ count: 1, deliveries: [`${sub}@2025-01-03T09:00Z`] });

    // Half an hour later a new row past the retention is left alone; after the hour it goes.
    await store.deliveries.markPosted(await claim(sub, "2025-01-04T09:00Z"), POSTED);
    clock.advance(30 * 60_000);
    timers.shift()?.();
    await vi.waitFor(() => expect(timers).toHaveLength(1));
    expect(await periods(sub)).toEqual(["2025-01-02T09:00Z", "2025-01-03T09:00Z", "2025-01-04T09:00Z"]);
    clock.advance(30 * 60_000);
    timers.shift()?.();
    await vi.waitFor(() => expect(timers).toHaveLength(1));
    await s.stop();
    expect(await periods(sub)).toEqual(["2025-01-03T09:00Z", "2025-01-04T09:00Z"]);
  });
});

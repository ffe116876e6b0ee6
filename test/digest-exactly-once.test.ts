import type { FetchFunction } from "@slack/web-api";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSlackDigestPoster } from "../src/channels/slack/digest-poster.js";
import { createDigestScheduler, type DigestSchedulerDeps } from "../src/digest/scheduler.js";
import { buildCatalog } from "../src/domain/catalog/catalog.js";
import type { Profile } from "../src/domain/profile.js";
import { silentLogger } from "../src/logging.js";
import { createMetrics, type Metrics } from "../src/metrics.js";
import {
  manualClock,
  pgliteHarness,
  postgresHarness,
  type StoreHarness,
} from "../src/store/contract/harness.js";
import type { ChannelKey, Schedule, Store } from "../src/store/index.js";
import { type FakeSlack, startFakeSlack } from "./fakes/slack-api.js";

/**
 * At most one digest per subscription and period, across processes and crashes: the real store
 * (PGlite, and PostgreSQL when TEST_DATABASE_URL is set, each process its own pool), the real
 * SlackDigestPoster and Slack SDK, and the loopback fake Slack; fixed instants throughout.
 */

const url = process.env.TEST_DATABASE_URL;
const BOT_TOKEN = "xoxb-test-0000000000-abcdefghijkl";
const WEEKLY: Schedule = { cron: "0 9 * * 1", timezone: "Europe/Berlin" };
const PROFILE: Profile = {
  requestsPerMonth: 2_000_000,
  inputTokensPerRequest: 500,
  outputTokensPerRequest: 200,
  currentModel: "gpt-4o-mini",
};
const harnesses: Array<[string, () => Promise<StoreHarness>]> = [["PGlite", pgliteHarness]];
if (url) harnesses.push(["PostgreSQL", () => postgresHarness(url)]);
else it.skip("PostgreSQL runs (skipped: set TEST_DATABASE_URL to run)", () => {});

describe.each(harnesses)("digests exactly once on %s", (_name, open) => {
  let h: StoreHarness;
  let slack: FakeSlack;
  let metrics: Metrics;
  let clock: ReturnType<typeof manualClock>;
  let store: Store;
  let n = 0;

  // One database and one fake Slack for the file (PGlite takes seconds to start); each test starts
  // from no active subscriptions, no Slack calls and fresh metrics.
  beforeAll(async () => {
    h = await open();
    slack = await startFakeSlack();
    clock = manualClock("2026-03-16T12:00:00Z");
    store = await h.open({ clock: clock.now });
  }, 60_000);
  afterAll(async () => {
    await slack?.close();
    await h?.dispose();
  });
  beforeEach(async () => {
    for (const s of await store.subscriptions.listActive()) await store.subscriptions.delete(s.id);
    slack.calls.length = 0;
    slack.messages.length = 0;
    metrics = createMetrics(false);
    at("2026-03-16T12:00:00Z");
  });

  /** Moves the store's clock (leases, created_at) to the instant the scheduler runs at. */
  const at = (iso: string) => {
    const t = new Date(iso);
    clock.advance(t.getTime() - clock.now().getTime());
    return t;
  };
  const poster = (extra: { fetch?: FetchFunction } = {}) =>
    createSlackDigestPoster(
      { botToken: BOT_TOKEN, apiUrl: slack.apiUrl },
      { metrics },
      {
        retryConfig: { retries: 0 },
        ...extra,
      },
    );
  const scheduler = (s: Store, extra: Partial<DigestSchedulerDeps> = {}) =>
    createDigestScheduler({
      store: s,
      posters: [poster()],
      catalogAt: (t) => buildCatalog({ pricesAt: t }),
      costs: null,
      logger: silentLogger(),
      metrics,
      now: clock.now,
      ...extra,
    });
  const channel = (): ChannelKey => ({
    platform: "slack",
    workspaceId: "T0TEAM",
    channelId: `C${++n}DIGEST`,
  });
  const subscribe = async (schedule: Schedule = WEEKLY, profile: Profile = PROFILE) =>
    (await store.subscriptions.create({ channel: channel(), profile, schedule, createdBy: "U0ADA" }))
      .subscription;
  const posts = () => slack.callsOf("chat.postMessage");

  it("posts once per subscription when two scheduler processes race on the same database", async () => {
    const subs = await Promise.all(Array.from({ length: 12 }, () => subscribe()));
    const other = await h.open({ clock: clock.now }); // a second process: its own pool
    const monday = at("2026-03-23T08:00:00Z");
    const [a, b] = await Promise.all([scheduler(store).runDue(monday), scheduler(other).runDue(monday)]);
    expect(posts()).toHaveLength(subs.length);
    for (const sub of subs) {
      const outcomes = [...a, ...b].filter((l) => l.subscriptionId === sub.id).map((l) => l.outcome);
      expect(outcomes.filter((o) => o === "posted")).toHaveLength(1);
      expect(outcomes.filter((o) => o !== "posted")).toEqual([
        expect.stringMatching(/^(in-progress|already-posted)$/),
      ]);
    }
    expect(new Set(slack.messages.map((m) => m.channel)).size).toBe(subs.length);
  });

  it("does not post again after a crash between posting and recording", async () => {
    // The fake stamps messages from ts 1700000100 (2023-11-14T22:15Z) and filters history by
    // `oldest`, so this test's clock sits just before that for the history search to see the post.
    at("2023-11-06T12:00:00Z");
    const sub = await subscribe();
    const crashing = await h.open({ clock: clock.now });
    // The process dies right after Slack took the message: it never gets to record the post.
    let reachedSlack = () => {};
    const posted = new Promise<void>((resolve) => {
      reachedSlack = resolve;
    });
    const dying: FetchFunction = async (u, init) => {
      const res = await fetch(u, init as RequestInit);
      if (!String(u).includes("chat.postMessage")) return res;
      reachedSlack();
      return new Promise<never>(() => {});
    };
    void scheduler(crashing, { posters: [poster({ fetch: dying })] }).runDue(at("2023-11-13T08:00:00Z"));
    await posted;
    expect(posts()).toHaveLength(1);
    expect(await store.deliveries.get(sub.id, "2023-11-13T08:00:00.000Z")).toMatchObject({
      state: "intended",
    });

    const restarted = scheduler(await h.open({ clock: clock.now }), { leaseMs: 5 * 60_000 });
    // Within the dead process's lease the period is still its own.
    expect((await restarted.runDue(at("2023-11-13T08:02:00Z")))[0]).toMatchObject({ outcome: "in-progress" });
    // After it, the restarted process finds the message by its key instead of posting again.
    const recovered = (await restarted.runDue(at("2023-11-13T08:06:00Z")))[0];
    expect(recovered).toMatchObject({ outcome: "recovered", messageRef: { ts: slack.messages[0]?.ts } });
    expect(posts()).toHaveLength(1);
    expect(slack.callsOf("conversations.history")).toHaveLength(1);
    expect(await store.deliveries.get(sub.id, "2023-11-13T08:00:00.000Z")).toMatchObject({
      state: "posted",
      attempt: 2,
      messageRef: { ts: slack.messages[0]?.ts },
    });
    expect((await restarted.runDue(at("2023-11-13T09:00:00Z")))[0]?.outcome).toBe("already-posted");
    expect(posts()).toHaveLength(1);
  });

  it("never reads a rate-limited search as 'not posted': it retries the search, then gives the period up", async () => {
    // Slack allows non-Marketplace commercial apps one conversations.history call a minute (2025-05-29).
    at("2023-11-06T12:00:00Z"); // see the crash test for why 2023
    const sub = await subscribe();
    const crashing = await h.open({ clock: clock.now });
    let reachedSlack = () => {};
    const posted = new Promise<void>((resolve) => {
      reachedSlack = resolve;
    });
    const dying: FetchFunction = async (u, init) => {
      const res = await fetch(u, init as RequestInit);
      if (!String(u).includes("chat.postMessage")) return res;
      reachedSlack();
      return new Promise<never>(() => {});
    };
    void scheduler(crashing, { posters: [poster({ fetch: dying })] }).runDue(at("2023-11-13T08:00:00Z"));
    await posted;
    slack.failNext("conversations.history", { status: 429, retryAfterSeconds: 1 }, 2);
    const restarted = scheduler(await h.open({ clock: clock.now }), { maxAttempts: 3 });
    // Attempt 2 (lease over at 08:05) and attempt 3: the search is refused both times, so nothing is posted.
    // (The Slack SDK, told not to retry, reports the 429 as a request error after its Retry-After.)
    expect((await restarted.runDue(at("2023-11-13T08:06:00Z")))[0]).toMatchObject({
      outcome: "failed",
      code: expect.stringMatching(/^search-/),
    });
    expect((await restarted.runDue(at("2023-11-13T08:07:00Z")))[0]).toMatchObject({
      outcome: "failed",
      code: "outcome-unknown",
    });
    expect((await restarted.runDue(at("2023-11-13T08:08:00Z")))[0]).toMatchObject({ outcome: "failed" });
    expect(posts()).toHaveLength(1);
    expect(slack.callsOf("conversations.history")).toHaveLength(2);
    expect(await store.deliveries.get(sub.id, "2023-11-13T08:00:00.000Z")).toMatchObject({
      state: "failed",
      errorCode: "outcome-unknown",
      retryable: false,
      attempt: 3,
    });
  });

  it("finds a post whose reply was lost before retrying it", async () => {
    at("2023-11-06T12:00:00Z"); // see the crash test for why 2023
    await subscribe();
    let lose = true;
    const lossy: FetchFunction = async (u, init) => {
      const res = await fetch(u, init as RequestInit);
      if (lose && String(u).includes("chat.postMessage")) {
        lose = false;
        throw new TypeError("fetch failed: socket hang up");
      }
      return res;
    };
    const s = scheduler(store, { posters: [poster({ fetch: lossy })] });
    expect((await s.runDue(at("2023-11-13T08:00:00Z")))[0]).toMatchObject({
      outcome: "failed",
      code: "request_error",
    });
    expect((await s.runDue(at("2023-11-13T08:01:00Z")))[0]).toMatchObject({ outcome: "recovered" });
    expect(posts()).toHaveLength(1);
  });

  it("records a refused post, counts it, retries it (searching first) and gives up after the last attempt", async () => {
    const sub = await subscribe();
    const s = scheduler(store, { maxAttempts: 2 });
    slack.failNext("chat.postMessage", { error: "channel_not_found" }, 2);
    expect((await s.runDue(at("2026-03-23T08:00:00Z")))[0]).toMatchObject({
      outcome: "failed",
      code: "channel_not_found",
    });
    expect((await s.runDue(at("2026-03-23T08:01:00Z")))[0]).toMatchObject({
      outcome: "failed",
      code: "channel_not_found",
    });
    expect((await s.runDue(at("2026-03-23T08:02:00Z")))[0]).toMatchObject({
      outcome: "failed",
      code: "channel_not_found",
    });
    expect(await store.deliveries.get(sub.id, "2026-03-23T08:00:00.000Z")).toMatchObject({
      state: "failed",
      retryable: false,
      attempt: 2,
    });
    expect(slack.callsOf("conversations.history")).toHaveLength(1); // the retry looked first
    expect((await metrics.digestsFailed.get()).values).toEqual([
      expect.objectContaining({ labels: { platform: "slack", reason: "channel_not_found" }, value: 2 }),
    ]);
    // The next period is a fresh start.
    expect((await s.runDue(at("2026-03-30T07:00:00Z")))[0]).toMatchObject({ outcome: "posted" });
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createSlackDigestPoster } from "../src/channels/slack/digest-poster.js";
import { createOpenAiCostsSdk, OpenAiCosts } from "../src/digest/openai-costs.js";
import { createDigestScheduler, type DigestSchedulerDeps } from "../src/digest/scheduler.js";
import { buildCatalog } from "../src/domain/catalog/catalog.js";
import { CatalogOverrideSchema } from "../src/domain/catalog/schema.js";
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
import { startCostsFake } from "./fakes/openai-costs.js";
import { type FakeSlack, startFakeSlack } from "./fakes/slack-api.js";

/**
 * When digests go out and what they say, end to end with fixed instants: the real store (PGlite, and PostgreSQL when
 * TEST_DATABASE_URL is set), the real SlackDigestPoster and Slack SDK, and the loopback fake Slack.
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
const CHEAPER_MINI = CatalogOverrideSchema.parse({
  hostedPrices: [
    {
      id: "openai:gpt-4o-mini",
      providerId: "openai",
      model: "gpt-4o-mini",
      inputPerMTokUsd: 0.12,
      outputPerMTokUsd: 0.6,
      asOf: "2026-11-25",
      source: "https://openai.com/api/pricing (test)",
    },
  ],
});

const harnesses: Array<[string, () => Promise<StoreHarness>]> = [["PGlite", pgliteHarness]];
if (url) harnesses.push(["PostgreSQL", () => postgresHarness(url)]);
else it.skip("PostgreSQL runs (skipped: set TEST_DATABASE_URL to run)", () => {});

describe.each(harnesses)("digest scheduler on %s", (_name, open) => {
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
  const poster = () =>
    createSlackDigestPoster(
      { botToken: BOT_TOKEN, apiUrl: slack.apiUrl },
      { metrics },
      { retryConfig: { retries: 0 } },
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

  it("posts a weekly Monday 09:00 digest at 09:00 Berlin time on both sides of each DST change", async () => {
    const sub = await subscribe();
    const s = scheduler(store);
    const outcome = async (iso: string) => (await s.runDue(at(iso)))[0];
    // CET (UTC+1) before 2026-03-29, CEST (UTC+2) until 2026-10-25, CET again after.
    expect(await outcome("2026-03-23T07:59:59Z")).toMatchObject({ outcome: "not-due" });
    expect(await outcome("2026-03-23T08:00:00Z")).toMatchObject({
      outcome: "posted",
      periodKey: "2026-03-23T08:00:00.000Z",
    });
    expect(await outcome("2026-03-23T08:01:00Z")).toMatchObject({ outcome: "already-posted" });
    expect(await outcome("2026-03-30T06:59:59Z")).toMatchObject({
      outcome: "already-posted",
      periodKey: "2026-03-23T08:00:00.000Z",
    });
    expect(await outcome("2026-03-30T07:00:00Z")).toMatchObject({
      outcome: "posted",
      periodKey: "2026-03-30T07:00:00.000Z",
    });
    expect(await outcome("2026-10-19T07:00:00Z")).toMatchObject({
      outcome: "posted",
      periodKey: "2026-10-19T07:00:00.000Z",
    });
    expect(await outcome("2026-10-26T07:59:59Z")).toMatchObject({ outcome: "already-posted" });
    expect(await outcome("2026-10-26T08:00:00Z")).toMatchObject({
      outcome: "posted",
      periodKey: "2026-10-26T08:00:00.000Z",
    });
    expect(posts()).toHaveLength(4);
    // Each message carries its delivery's idempotency key, for a restarted scheduler to find it.
    const delivery = await store.deliveries.get(sub.id, "2026-03-30T07:00:00.000Z");
    expect(slack.messages[1]?.metadata).toEqual({
      event_type: "llm_advisor_digest",
      event_payload: { idempotency_key: delivery?.idempotencyKey },
    });
    expect(delivery).toMatchObject({
      state: "posted",
      messageRef: { platform: "slack", ts: slack.messages[1]?.ts },
    });
    expect((await metrics.digestsPosted.get()).values[0]?.value).toBe(4);
  });

  it("posts a monthly digest at the end of each month, February included", async () => {
    at("2026-01-20T12:00:00Z");
    await subscribe({ cron: "0 18 L * *", timezone: "Europe/Berlin" });
    const s = scheduler(store);
    const outcome = async (iso: string) => (await s.runDue(at(iso)))[0]?.outcome;
    expect(await outcome("2026-01-31T16:59:59Z")).toBe("not-due");
    expect(await outcome("2026-01-31T17:00:00Z")).toBe("posted");
    expect(await outcome("2026-02-28T16:59:59Z")).toBe("already-posted");
    expect(await outcome("2026-02-28T17:00:00Z")).toBe("posted");
    expect(await outcome("2026-03-31T16:00:00Z")).toBe("posted"); // 18:00 CEST
    expect(posts()).toHaveLength(3);
  });

  it("catches up three missed weeks with one digest when started, not one per missed week", async () => {
    at("2026-10-28T12:00:00Z");
    const sub = await subscribe();
    expect((await scheduler(store).runDue(at("2026-11-02T08:00:00Z")))[0]?.outcome).toBe("posted");
    // Down from then until Tuesday 2026-11-24: 11-09, 11-16 and 11-23 were missed.
    at("2026-11-24T10:00:00Z");
    const pending: Array<{ fn: () => void; ms: number }> = [];
    const s = scheduler(store, {
      tickMs: 60_000,
      timers: { setTimeout: (fn, ms) => pending.push({ fn, ms }), clearTimeout: () => {} },
    });
    s.start();
    await vi.waitFor(() => expect(pending).toHaveLength(1));
    expect(pending[0]?.ms).toBe(60_000);
    pending.shift()?.fn(); // the next tick: nothing more is owed
    await vi.waitFor(() => expect(pending).toHaveLength(1));
    await s.stop();
    expect(posts()).toHaveLength(2);
    expect(await store.deliveries.get(sub.id, "2026-11-23T08:00:00.000Z")).toMatchObject({ state: "posted" });
    expect(await store.deliveries.get(sub.id, "2026-11-09T08:00:00.000Z")).toBeNull();
    expect(await store.deliveries.get(sub.id, "2026-11-16T08:00:00.000Z")).toBeNull();
  });

  it("shows a catalog price change in the next digest with the before and after figures", async () => {
    at("2026-11-16T12:00:00Z");
    await subscribe();
    const cut = new Date("2026-11-25T00:00:00Z");
    const s = scheduler(store, {
      catalogAt: (t) => buildCatalog({ pricesAt: t }, t >= cut ? CHEAPER_MINI : undefined),
    });
    await s.runDue(at("2026-11-23T08:00:00Z"));
    await s.runDue(at("2026-11-30T08:00:00Z"));
    const [before, after] = slack.messages.map((m) => JSON.stringify(m.blocks));
    expect(before).toContain("gpt-4o-mini, OpenAI API: $390.00 a month");
    expect(after).toContain("Since the digest of 2026-11-23");
    expect(after).toContain("Price: gpt-4o-mini input $0.15 → $0.12 per 1M tokens");
    expect(after).toContain(
      "gpt-4o-mini, OpenAI API: $360.00 a month (was $390.00; −$30.00: prices −$30.00)",
    );
  });

  it("skips subscriptions of platforms it has no poster for, and those switched off", async () => {
    const teams = (
      await store.subscriptions.create({
        channel: { platform: "teams", workspaceId: "tenant", channelId: "19:x@thread.tacv2" },
        profile: PROFILE,
        schedule: WEEKLY,
        createdBy: "U0ADA",
      })
    ).subscription;
    const off = await subscribe();
    await store.subscriptions.update(off.id, { active: false });
    at("2026-03-16T12:00:01Z");
    const lines = await scheduler(store).runDue(at("2026-03-23T08:00:00Z"));
    expect(lines).toEqual([
      {
        subscriptionId: teams.id,
        platform: "teams",
        periodKey: "2026-03-23T08:00:00.000Z",
        outcome: "skipped",
        code: "no-poster",
      },
    ]);
    expect(await store.deliveries.get(teams.id, "2026-03-23T08:00:00.000Z")).toBeNull();
  });

  it("adds the actual spend from OpenAI's costs API, asked once for every subscription of a run", async () => {
    const costs = await startCostsFake();
    try {
      costs.days = [
        { day: "2026-03-16", usd: 40 },
        { day: "2026-03-22", usd: 45.2 },
      ];
      await Promise.all([subscribe(), subscribe(), subscribe()]);
      const sdk = createOpenAiCostsSdk({
        adminKey: costs.adminKey,
        baseUrl: `${costs.url}/v1`,
        timeoutMs: 5000,
      });
      await scheduler(store, { costs: new OpenAiCosts(sdk) }).runDue(at("2026-03-23T08:00:00Z"));
      expect(costs.queries()).toHaveLength(1);
      expect(slack.messages).toHaveLength(3);
      // $390 a month × 7 / 30 = $91 projected beside $85.20 spent.
      expect(JSON.stringify(slack.messages[0]?.blocks)).toContain(
        "OpenAI spend 2026-03-16 to 2026-03-22 (7 days): $85.20 actual; $91.00 projected for gpt-4o-mini",
      );
    } finally {
      await costs.close();
    }
  });
});

import type { FetchFunction } from "@slack/web-api";
import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSlackDigestPoster } from "../src/channels/slack/digest-poster.js";
import { OpenAiCosts } from "../src/digest/openai-costs.js";
import { createDigestScheduler, type DigestSchedulerDeps } from "../src/digest/scheduler.js";
import { buildCatalog } from "../src/domain/catalog/catalog.js";
import { silentLogger } from "../src/logging.js";
import { createMetrics, type Metrics } from "../src/metrics.js";
import {
  manualClock,
  pgliteHarness,
  postgresHarness,
  type StoreHarness,
} from "../src/store/contract/harness.js";
import type { Delivery, Store } from "../src/store/index.js";
import { startCostsFake } from "./fakes/openai-costs.js";
import { type FakeSlack, startFakeSlack } from "./fakes/slack-api.js";

/**
 * A slow claimer and the process that takes its period over, on the real store (PGlite, and
 * PostgreSQL when TEST_DATABASE_URL is set, each process its own pool), the real Slack poster and SDK
 * and the loopback fake Slack. The fake stamps messages from ts 1700000100 (2023-11-14T22:15Z) and
 * filters history by `oldest`, so the clock sits in 2023-11 for searches to see posts.
 */

const url = process.env.TEST_DATABASE_URL;
const BOT_TOKEN = "xoxb-test-0000000000-abcdefghijkl";
const WEEKLY = { cron: "0 9 * * 1", timezone: "Europe/Berlin" };
const PERIOD = "2023-11-13T08:00:00.000Z";
const LEASE_MS = 60_000;

const harnesses: Array<[string, () => Promise<StoreHarness>]> = [["PGlite", pgliteHarness]];
if (url) harnesses.push(["PostgreSQL", () => postgresHarness(url)]);
else it.skip("PostgreSQL runs (skipped: set TEST_DATABASE_URL to run)", () => {});

/** A gate a test opens by hand, and a promise saying the stalled call reached it. */
function gate() {
  let open = () => {};
  let reached = () => {};
  const opened = new Promise<void>((r) => {
    open = r;
  });
  const arrived = new Promise<void>((r) => {
    reached = r;
  });
  return { open, opened, reached, arrived };
}

describe.each(harnesses)("a slow claimer and its successor on %s", (_name, makeHarness) => {
  let h: StoreHarness;
  let slack: FakeSlack;
  let metrics: Metrics;
  const clock = manualClock("2023-11-06T12:00:00Z");
  let a: Store;
  let b: Store;
  let n = 0;

  beforeAll(async () => {
    h = await makeHarness();
    slack = await startFakeSlack();
    a = await h.open({ clock: clock.now });
    b = await h.open({ clock: clock.now }); // the other process: its own pool
  }, 60_000);
  afterAll(async () => {
    await slack?.close();
    await h?.dispose();
  });
  // Each test starts from no active subscriptions, no Slack calls and fresh metrics.
  beforeEach(async () => {
    for (const s of await a.subscriptions.listActive()) await a.subscriptions.delete(s.id);
    slack.calls.length = 0;
    slack.messages.length = 0;
    metrics = createMetrics(false);
    at("2023-11-06T12:00:00Z");
  });

  const at = (iso: string) => {
    const t = new Date(iso);
    clock.advance(t.getTime() - clock.now().getTime());
    return t;
  };
  const scheduler = (store: Store, fetch?: FetchFunction, extra: Partial<DigestSchedulerDeps> = {}) =>
    createDigestScheduler({
      store,
      posters: [
        createSlackDigestPoster(
          { botToken: BOT_TOKEN, apiUrl: slack.apiUrl },
          { metrics },
          { retryConfig: { retries: 0 }, ...(fetch ? { fetch } : {}) },
        ),
      ],
      catalogAt: (t) => buildCatalog({ pricesAt: t }),
      costs: null,
      logger: silentLogger(),
      metrics,
      now: clock.now,
      leaseMs: LEASE_MS,
      ...extra,
    });
  const subscribe = async () =>
    (
      await a.subscriptions.create({
        channel: { platform: "slack", workspaceId: "T0TEAM", channelId: `C${++n}SLOW` },
        profile: { requestsPerMonth: 2_000_000, inputTokensPerRequest: 500, outputTokensPerRequest: 200 },
        schedule: WEEKLY,
        createdBy: "U0ADA",
      })
    ).subscription;
  /** Holds the reply to the first call of `method` until the gate opens (the request itself goes through). */
  const holdReply = (method: string, g: ReturnType<typeof gate>): FetchFunction => {
    let held = false;
    return async (u, init) => {
      const res = await fetch(u, init as RequestInit);
      if (held || !String(u).includes(method)) return res;
      held = true;
      g.reached();
      await g.opened;
      return res;
    };
  };
  /** Holds the first request of `method` before it reaches Slack, so it lands when the gate opens. */
  const holdRequest = (method: string, g: ReturnType<typeof gate>): FetchFunction => {
    let held = false;
    return async (u, init) => {
      if (!held && String(u).includes(method)) {
        held = true;
        g.reached();
        await g.opened;
      }
      return fetch(u, init as RequestInit);
    };
  };
  const posts = () => slack.callsOf("chat.postMessage");
  const counted = async () => ({
    posted: (await metrics.digestsPosted.get()).values.reduce((t, v) => t + v.value, 0),
    failed: (await metrics.digestsFailed.get()).values.map((v) => [v.labels.reason, v.value]),
  });

  it("does not post when another process took the period over while it was still searching", async () => {
    const sub = await subscribe();
    // A crashed process left an intent at 08:00 with a one-minute lease.
    at("2023-11-13T08:00:00Z");
    expect((await a.deliveries.claim(sub.id, PERIOD, { leaseMs: LEASE_MS })).claimed).toBe(true);
    // 08:01: A takes it over (attempt 2, lease to 08:02) and searches the channel; the answer
    // ("nothing there") is slow to come back.
    at("2023-11-13T08:01:00Z");
    const slow = gate();
    const runA = scheduler(a, holdReply("conversations.history", slow)).runDue(clock.now());
    await slow.arrived;
    // 08:02:01: A's lease has run out; B takes over (attempt 3), searches, finds nothing and posts.
    const [lineB] = await scheduler(b).runDue(at("2023-11-13T08:02:01Z"));
    expect(lineB).toMatchObject({ outcome: "posted" });
    // A finally hears "nothing there", but renewing its lease tells it the period is no longer its own.
    slow.open();
    const [lineA] = await runA;
    expect(lineA).toMatchObject({ outcome: "in-progress", code: "lease-lost" });
    expect(posts()).toHaveLength(1);
    expect(await a.deliveries.get(sub.id, PERIOD)).toMatchObject<Partial<Delivery>>({
      state: "posted",
      attempt: 3,
      messageRef: { platform: "slack", channel: sub.channel.channelId, ts: slack.messages[0]?.ts ?? "" },
    });
    expect(await counted()).toEqual({ posted: 1, failed: [] });
  });

  it("reports a post that landed after its lease ran out as posted-after-takeover, counted once", async () => {
    const sub = await subscribe();
    // 08:00: A claims, renews its lease to 08:01 right before posting, and its post is held up.
    at("2023-11-13T08:00:00Z");
    const slow = gate();
    const runA = scheduler(a, holdRequest("chat.postMessage", slow)).runDue(clock.now());
    await slow.arrived;
    // 08:01:01: B takes over (attempt 2), finds nothing in the channel yet, and posts.
    const [lineB] = await scheduler(b).runDue(at("2023-11-13T08:01:01Z"));
    expect(lineB).toMatchObject({ outcome: "posted" });
    // A's post lands afterwards: the guarantee's known gap, reported rather than hidden.
    slow.open();
    const [lineA] = await runA;
    expect(lineA).toMatchObject({
      outcome: "posted-after-takeover",
      messageRef: { ts: slack.messages[1]?.ts },
    });
    expect(posts()).toHaveLength(2);
    expect(await a.deliveries.get(sub.id, PERIOD)).toMatchObject({
      state: "posted",
      attempt: 2,
      messageRef: { ts: slack.messages[0]?.ts },
    });
    expect(await counted()).toEqual({ posted: 1, failed: [["posted-after-takeover", 1]] });
  });

  it("reads OpenAI's costs before claiming the period, so the lease covers only composing and posting", async () => {
    const costsFake = await startCostsFake();
    try {
      const sub = await subscribe();
      const seen: Array<Delivery | null> = [];
      const sdk = new OpenAI({
        apiKey: null,
        adminAPIKey: costsFake.adminKey,
        baseURL: `${costsFake.url}/v1`,
        organization: null,
        project: null,
        webhookSecret: null,
        maxRetries: 0,
        // What the ledger holds for the period while the costs request is made.
        fetch: async (u, init) => {
          seen.push(await a.deliveries.get(sub.id, PERIOD));
          return fetch(u, init);
        },
      });
      const [line] = await scheduler(a, undefined, { costs: new OpenAiCosts(sdk) }).runDue(
        at("2023-11-13T08:00:00Z"),
      );
      expect(line).toMatchObject({ outcome: "posted" });
      expect(seen).toEqual([null]);
      expect(JSON.stringify(slack.messages[0]?.blocks)).toContain("OpenAI spend 2023-11-06 to 2023-11-12");
    } finally {
      await costsFake.close();
    }
  });
});

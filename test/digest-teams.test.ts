import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDigestScheduler } from "../src/digest/scheduler.js";
import { buildCatalog } from "../src/domain/catalog/catalog.js";
import { silentLogger } from "../src/logging.js";
import { createMetrics } from "../src/metrics.js";
import { manualClock, pgliteHarness, type StoreHarness } from "../src/store/contract/harness.js";
import type { ChannelKey, Store } from "../src/store/index.js";
import { adaptiveCardProblems } from "./support/adaptive-card.js";
import { CHANNEL, cardOf, channelMention, startTeams, TENANT, type TeamsHarness } from "./support/teams.js";

/**
 * Digests through the real TeamsDigestPoster and the fake Bot Connector. The Bot Connector cannot
 * search a channel, so a delivery a crash left unfinished is recorded as "outcome-unknown" and not
 * posted again: at most once, never twice.
 */

let t: TeamsHarness;
let h: StoreHarness;
let store: Store;
const clock = manualClock("2026-11-16T12:00:00Z");
const metrics = createMetrics(false);
const channel: ChannelKey = { platform: "teams", workspaceId: TENANT, channelId: CHANNEL };

beforeAll(async () => {
  t = await startTeams();
  // The bot learns how to reach the channel when it is first addressed there.
  await t.post(channelMention("help"));
  await t.connector.waitFor((calls) => calls.some((c) => c.activity.type === "message"));
  h = await pgliteHarness();
  store = await h.open({ clock: clock.now });
}, 60_000);
afterAll(async () => {
  await t.close();
  await h.dispose();
});

const scheduler = () =>
  createDigestScheduler({
    store,
    posters: [t.surface.digestPoster],
    catalogAt: (at) => buildCatalog({ pricesAt: at }),
    costs: null,
    logger: silentLogger(),
    metrics,
    now: clock.now,
    leaseMs: 60_000,
  });
const at = (iso: string) => {
  const d = new Date(iso);
  clock.advance(d.getTime() - clock.now().getTime());
  return d;
};
const sends = () => t.connector.calls().filter((c) => c.kind === "send");

describe("digests in Teams", () => {
  it("posts the digest into the channel as a valid Adaptive Card carrying the idempotency key", async () => {
    const sub = (
      await store.subscriptions.create({
        channel,
        profile: { requestsPerMonth: 2_000_000, inputTokensPerRequest: 500, outputTokensPerRequest: 200 },
        schedule: { cron: "0 9 * * 1", timezone: "Europe/Berlin" },
        createdBy: "29:ada",
      })
    ).subscription;
    const before = sends().length;
    const [line] = await scheduler().runDue(at("2026-11-23T08:00:00Z"));
    expect(line).toMatchObject({
      outcome: "posted",
      messageRef: { platform: "teams", conversationId: CHANNEL },
    });
    const sent = sends().slice(before);
    expect(sent).toHaveLength(1);
    const delivery = await store.deliveries.get(sub.id, "2026-11-23T08:00:00.000Z");
    expect(sent[0]?.activity.channelData).toMatchObject({
      llmAdvisor: { idempotencyKey: delivery?.idempotencyKey },
    });
    expect(adaptiveCardProblems(cardOf(sent[0]))).toEqual([]);
    expect(JSON.stringify(cardOf(sent[0]))).toContain("LLM cost digest: 2M requests a month");
    await store.subscriptions.update(sub.id, { active: false });
  });

  it("does not post again after a crash, since it cannot look for the post: the period ends outcome-unknown", async () => {
    at("2026-11-30T12:00:00Z");
    const sub = (
      await store.subscriptions.create({
        channel,
        profile: { requestsPerMonth: 1_000_000 },
        schedule: { cron: "0 9 * * *", timezone: "Europe/Berlin" },
        createdBy: "29:ada",
      })
    ).subscription;
    // What a process that crashed mid-post leaves behind: an intent, and perhaps a message.
    at("2026-12-01T08:00:00Z");
    const crashed = await store.deliveries.claim(sub.id, "2026-12-01T08:00:00.000Z", { leaseMs: 60_000 });
    expect(crashed.claimed).toBe(true);
    const before = sends().length;
    const s = scheduler();
    expect((await s.runDue(at("2026-12-01T08:00:30Z")))[0]).toMatchObject({ outcome: "in-progress" });
    expect((await s.runDue(at("2026-12-01T08:01:00Z")))[0]).toMatchObject({
      outcome: "failed",
      code: "outcome-unknown",
    });
    expect((await s.runDue(at("2026-12-01T08:02:00Z")))[0]).toMatchObject({
      outcome: "failed",
      code: "outcome-unknown",
    });
    expect(sends().length).toBe(before);
    expect(await store.deliveries.get(sub.id, "2026-12-01T08:00:00.000Z")).toMatchObject({
      state: "failed",
      errorCode: "outcome-unknown",
      retryable: false,
    });
    expect((await metrics.digestsFailed.get()).values).toContainEqual(
      expect.objectContaining({ labels: { platform: "teams", reason: "outcome-unknown" }, value: 1 }),
    );
    // The next day is a new period, posted normally.
    expect((await s.runDue(at("2026-12-02T08:00:00Z")))[0]).toMatchObject({ outcome: "posted" });
    expect(sends().length).toBe(before + 1);
  });

  it("retries a period Teams throttled (429) on the next tick, instead of giving the period up", async () => {
    for (const other of await store.subscriptions.listActive())
      await store.subscriptions.update(other.id, { active: false });
    at("2026-12-07T12:00:00Z");
    const sub = (
      await store.subscriptions.create({
        channel,
        profile: { requestsPerMonth: 3_000_000 },
        schedule: { cron: "0 9 * * 2", timezone: "Europe/Berlin" },
        createdBy: "29:ada",
      })
    ).subscription;
    const s = scheduler();
    const before = sends().length;
    t.connector.failNext(429);
    expect(
      (await s.runDue(at("2026-12-08T08:00:00Z"))).find((l) => l.subscriptionId === sub.id),
    ).toMatchObject({
      outcome: "failed",
      code: "http-429",
    });
    expect(await store.deliveries.get(sub.id, "2026-12-08T08:00:00.000Z")).toMatchObject({
      state: "failed",
      retryable: true,
    });
    expect(
      (await s.runDue(at("2026-12-08T08:01:00Z"))).find((l) => l.subscriptionId === sub.id),
    ).toMatchObject({
      outcome: "posted",
    });
    expect(sends().length).toBe(before + 1);
  });
});

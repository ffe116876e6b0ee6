import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSlackDigestPoster } from "../src/channels/slack/digest-poster.js";
import { handleDigestCommand } from "../src/digest/commands.js";
import { createDigestScheduler } from "../src/digest/scheduler.js";
import { buildCatalog } from "../src/domain/catalog/catalog.js";
import type { Profile } from "../src/domain/profile.js";
import { silentLogger } from "../src/logging.js";
import { createMetrics } from "../src/metrics.js";
import {
  answerFor,
  manualClock,
  pgliteHarness,
  postgresHarness,
  type StoreHarness,
} from "../src/store/contract/harness.js";
import type { ChannelKey, Store, ThreadKey } from "../src/store/index.js";
import { type FakeSlack, startFakeSlack } from "./fakes/slack-api.js";

/**
 * A digest made from an answer follows that answer's thread: a follow-up there ("double the
 * volume") shows up in the next digest as a volume change; one made from a question stays as given.
 * The real store, scheduler, Slack poster and SDK, and the loopback fake Slack; fixed instants.
 */

const url = process.env.TEST_DATABASE_URL;
const PROFILE: Profile = {
  requestsPerMonth: 2_000_000,
  inputTokensPerRequest: 500,
  outputTokensPerRequest: 200,
  currentModel: "gpt-4o-mini",
};
const harnesses: Array<[string, () => Promise<StoreHarness>]> = [["PGlite", pgliteHarness]];
if (url) harnesses.push(["PostgreSQL", () => postgresHarness(url)]);
else it.skip("PostgreSQL runs (skipped: set TEST_DATABASE_URL to run)", () => {});

describe.each(harnesses)("digests that follow a thread, on %s", (_name, makeHarness) => {
  let h: StoreHarness;
  let store: Store;
  let slack: FakeSlack;
  const clock = manualClock("2026-11-16T12:00:00Z");
  const at = (iso: string) => {
    const t = new Date(iso);
    clock.advance(t.getTime() - clock.now().getTime());
    return t;
  };

  beforeAll(async () => {
    h = await makeHarness();
    store = await h.open({ clock: clock.now });
    slack = await startFakeSlack();
  }, 60_000);
  afterAll(async () => {
    await slack?.close();
    await h?.dispose();
  });

  it("subscribes to the channel's latest answer whoever asked it, and prices the thread's follow-up next time", async () => {
    const channel: ChannelKey = { platform: "slack", workspaceId: "T0TEAM", channelId: "C0FOLLOW" };
    const thread: ThreadKey = { ...channel, threadId: "1763294400.000100" };
    at("2026-11-16T12:00:00Z");
    await store.threads.saveAnswer({ thread, userId: "U0ADA", profile: PROFILE, advice: answerFor(PROFILE) });
    const deps = { store, catalog: buildCatalog({ pricesAt: clock.now() }), now: clock.now };
    // Bob has asked nothing here; the channel's latest answer (Ada's) is what he subscribes to.
    const bob = { userId: "U0BOB", isChannelMember: true };
    const followed = await handleDigestCommand(deps, {
      channel,
      actor: bob,
      text: "weekly mon 09:00 Europe/Berlin",
    });
    expect(followed).toMatchObject({ kind: "subscribed", from: "latest-answer" });
    clock.advance(1000); // lists are oldest first
    const fixed = await handleDigestCommand(deps, {
      channel,
      actor: bob,
      text: "weekly mon 09:00 Europe/Berlin for 2M requests a month, 500 in / 200 out tokens on gpt-4o-mini",
    });
    expect(fixed).toMatchObject({ kind: "subscribed", from: "question" });
    if (followed.kind !== "subscribed" || fixed.kind !== "subscribed") throw new Error("not subscribed");

    const metrics = createMetrics(false);
    const scheduler = createDigestScheduler({
      store,
      posters: [
        createSlackDigestPoster(
          { botToken: "xoxb-test-0000000000-abcdefghijkl", apiUrl: slack.apiUrl },
          { metrics },
          { retryConfig: { retries: 0 } },
        ),
      ],
      catalogAt: (t) => buildCatalog({ pricesAt: t }),
      costs: null,
      logger: silentLogger(),
      metrics,
      now: clock.now,
    });
    const posted = async (iso: string) => {
      const lines = await scheduler.runDue(at(iso));
      expect(lines.map((l) => l.outcome)).toEqual(["posted", "posted"]);
      const text = (id: string) =>
        JSON.stringify(
          slack.messages.find((m) => JSON.stringify(m.blocks).includes(`Subscription ${id},`))?.blocks,
        );
      const out = { followed: text(followed.subscription.id), fixed: text(fixed.subscription.id) };
      slack.messages.length = 0;
      return out;
    };

    // 2M requests × (500 × $0.15 + 200 × $0.60) / 1M tokens = $390.00 a month.
    const first = await posted("2026-11-23T08:00:00Z");
    expect(first.followed).toContain("gpt-4o-mini, OpenAI API: $390.00 a month");
    expect(first.fixed).toContain("gpt-4o-mini, OpenAI API: $390.00 a month");

    // A follow-up in Ada's thread doubles the volume.
    at("2026-11-24T10:00:00Z");
    const doubled = { ...PROFILE, requestsPerMonth: 4_000_000 };
    await store.threads.saveAnswer({ thread, userId: "U0ADA", profile: doubled, advice: answerFor(doubled) });
    expect(
      await handleDigestCommand(deps, { channel, actor: bob, text: "list" }).then((r) =>
        r.kind === "list" ? r.subscriptions.map((s) => s.profile) : r,
      ),
    ).toEqual([
      "4M requests a month, 500 in / 200 out tokens, on gpt-4o-mini",
      "2M requests a month, 500 in / 200 out tokens, on gpt-4o-mini",
    ]);

    // 4M × $0.000195 a request = $780.00: the whole change is volume, none of it price.
    const next = await posted("2026-11-30T08:00:00Z");
    expect(next.followed).toContain("Since the digest of 2026-11-23");
    expect(next.followed).toContain("Volume: requests a month 2M → 4M");
    expect(next.followed).toContain(
      "gpt-4o-mini, OpenAI API: $780.00 a month (was $390.00; +$390.00: volume +$390.00)",
    );
    expect(next.fixed).toContain("No price or volume changed.");
    expect(next.fixed).toContain("gpt-4o-mini, OpenAI API: $390.00 a month (unchanged)");

    // Previewing the period just posted compares it with the one before, not with itself.
    const preview = await scheduler.preview(followed.subscription.id, at("2026-11-30T09:00:00Z"));
    expect(preview?.model.change).toMatchObject({
      kind: "compared",
      since: "2026-11-23",
      causes: ["volume"],
      volume: [{ field: "requestsPerMonth", before: 2_000_000, after: 4_000_000 }],
    });
  });
});

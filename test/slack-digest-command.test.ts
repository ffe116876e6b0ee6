import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type SlackHarness, startSlackHarness } from "./support/slack-app.js";
import { askInChannel, slash } from "./support/slack-flows.js";
import { closeSharedStore, warmSharedStore } from "./support/slack-store.js";

/** `/llm-advise digest …` end to end: signed slash commands in, replies through response_url. */

let h: SlackHarness | null = null;
beforeAll(warmSharedStore);
afterAll(closeSharedStore);
afterEach(async () => {
  await h?.close();
  h = null;
});

/** The n-th response_url post (1-based) the app made. */
async function nthResponse(harness: SlackHarness, n: number): Promise<Record<string, unknown>> {
  await harness.fake.waitFor("response_url", () => harness.fake.callsOf("response_url").length >= n);
  return harness.fake.callsOf("response_url")[n - 1]?.args ?? {};
}

describe("/llm-advise digest", () => {
  it("subscribes the channel to its latest answer, lists it and stops it", async () => {
    h = await startSlackHarness({
      memberships: { U0ALICE: ["C0GENERAL"] },
      timezones: { U0ALICE: "Europe/Berlin" },
    });
    await askInChannel(h, "500k requests a month, 500 in / 200 out tokens, on gpt-4o-mini");
    await slash(h, "digest weekly mon 09:00 Europe/Berlin");
    const subscribed = await nthResponse(h, 1);
    expect(subscribed).toMatchObject({ response_type: "in_channel" });
    expect(String(subscribed.text)).toContain("Subscribed this channel to this channel's latest answer");
    const [sub] = await h.store.subscriptions.list({
      platform: "slack",
      workspaceId: "T0TEAM",
      channelId: "C0GENERAL",
    });
    expect(sub).toMatchObject({
      schedule: { cron: "0 9 * * 1", timezone: "Europe/Berlin" },
      profile: { requestsPerMonth: 500_000 },
    });

    await slash(h, "digest list");
    const list = await nthResponse(h, 2);
    expect(list).toMatchObject({ response_type: "ephemeral" });
    expect(String(list.text)).toContain(sub?.id ?? "missing");

    await slash(h, `digest off ${sub?.id}`);
    expect(String((await nthResponse(h, 3)).text)).toContain(`Stopped digest ${sub?.id}`);
    expect((await h.store.subscriptions.get(sub?.id ?? ""))?.active).toBe(false);
  });

  it("subscribes to a question given after the schedule", async () => {
    h = await startSlackHarness({ memberships: { U0ALICE: ["C0GENERAL"] } });
    await slash(h, "digest daily 08:30 UTC for 2M requests a month on gpt-4o");
    expect(String((await nthResponse(h, 1)).text)).toContain("the question you gave");
    const [sub] = await h.store.subscriptions.list({ platform: "slack", workspaceId: "T0TEAM" });
    expect(sub).toMatchObject({
      schedule: { cron: "30 8 * * *", timezone: "UTC" },
      profile: { requestsPerMonth: 2_000_000, currentModel: "gpt-4o" },
    });
  });

  it("refuses a change from someone who is not in the channel, privately", async () => {
    h = await startSlackHarness({ memberships: { U0ALICE: [] } });
    await slash(h, "digest daily 08:30 UTC for 2M requests a month");
    const refused = await nthResponse(h, 1);
    expect(refused).toMatchObject({ response_type: "ephemeral" });
    expect(String(refused.text)).toMatch(/member/i);
    expect(await h.store.subscriptions.list({ platform: "slack", workspaceId: "T0TEAM" })).toEqual([]);
  });
});

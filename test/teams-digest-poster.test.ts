import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TeamsError } from "../src/channels/teams/index.js";
import type { DigestMessage } from "../src/digest/poster.js";
import { card } from "../src/render/teams/answer-card.js";
import type { ChannelKey } from "../src/store/index.js";
import { adaptiveCardProblems } from "./support/adaptive-card.js";
import { CHANNEL, cardOf, channelMention, startTeams, TENANT, type TeamsHarness } from "./support/teams.js";

/** Starting PGlite and the bot takes seconds, more on a busy machine. */
const STARTUP_MS = 60_000;

const digest: DigestMessage = {
  text: "Weekly LLM cost digest: gpt-4o-mini $97.50 a month",
  slackBlocks: [],
  teamsCard: card([{ type: "TextBlock", text: "Weekly LLM cost digest", wrap: true }]),
};
const channel: ChannelKey = { platform: "teams", workspaceId: TENANT, channelId: CHANNEL };

let t: TeamsHarness;
beforeAll(async () => {
  t = await startTeams();
  // The bot learns how to reach the channel when it is first addressed there.
  await t.post(channelMention("help"));
  await t.connector.waitFor((calls) => calls.some((c) => c.activity.type === "message"));
}, STARTUP_MS);
afterAll(async () => {
  await t.close();
});

describe("Teams digest poster", () => {
  it("posts a new message into the channel from the stored conversation reference, with the idempotency key", async () => {
    const before = t.connector.calls().length;
    const ref = await t.surface.digestPoster.post(channel, digest, "digest-key-1");
    const call = await t.connector.waitFor((calls) => calls.slice(before).find((c) => c.kind === "send"));
    // A top-level post in the channel, not a reply in the thread the bot was addressed in.
    expect(call.conversationId).toBe(CHANNEL);
    expect(call.activity).toMatchObject({
      type: "message",
      summary: digest.text,
      channelData: { llmAdvisor: { idempotencyKey: "digest-key-1" } },
    });
    expect(call.activity.replyToId).toBeUndefined();
    expect(adaptiveCardProblems(cardOf(call))).toEqual([]);
    expect(ref).toEqual({ platform: "teams", conversationId: CHANNEL, activityId: call.postedId });
  });

  it("cannot search a channel's messages, so it never claims to have found a post", async () => {
    expect(t.surface.digestPoster.canSearch).toBe(false);
    expect(await t.surface.digestPoster.findPosted(channel, "digest-key-1", new Date(0))).toBeNull();
  });

  it("refuses a channel it has never been addressed in", async () => {
    const unknown = { ...channel, channelId: "19:never-installed@thread.tacv2" };
    await expect(t.surface.digestPoster.post(unknown, digest, "k")).rejects.toMatchObject({
      code: "no-conversation-reference",
    });
  });

  it("reports a refused post as a coded error and counts it, without posting an error into the channel", async () => {
    const before = t.connector.calls().length;
    t.connector.failNext(403);
    const failed = t.surface.digestPoster.post(channel, digest, "digest-key-2");
    await expect(failed).rejects.toBeInstanceOf(TeamsError);
    await expect(failed).rejects.toMatchObject({ code: "connector" });
    expect(t.connector.calls().slice(before)).toEqual([]);
    const metrics = await t.metrics.registry.metrics();
    expect(metrics).toContain(
      'llm_advisor_platform_api_errors_total{platform="teams",method="sendToConversation",code="403"} 1',
    );
  });
});

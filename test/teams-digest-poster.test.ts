import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classifyPostFailure, TeamsDigestPostError } from "../src/channels/teams/digest-poster.js";
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

  it("refuses a channel it has never been addressed in, retryably: it may be addressed there before the next attempt", async () => {
    const unknown = { ...channel, channelId: "19:never-installed@thread.tacv2" };
    await expect(t.surface.digestPoster.post(unknown, digest, "k")).rejects.toMatchObject({
      code: "no-conversation-reference",
      ledgerCode: "no-conversation-reference",
      retryable: true,
    });
  });

  it.each([
    [429, true],
    [503, true],
    [500, true],
    [403, false],
    [404, false],
  ])("marks an HTTP %i from the Bot Connector retryable: %s", async (status, retryable) => {
    // The SDK's own retry policy tries a 5xx four times (three retries); the rest once.
    t.connector.failNext(...Array.from({ length: status >= 500 ? 4 : 1 }, () => status));
    const failed = t.surface.digestPoster.post(channel, digest, `digest-key-${status}`);
    await expect(failed).rejects.toBeInstanceOf(TeamsDigestPostError);
    await expect(failed).rejects.toMatchObject({ ledgerCode: `http-${status}`, retryable });
  });

  /** A conversation whose stored reference sends the bot to `serviceUrl` instead of the fake connector. */
  async function conversationAt(serviceUrl: string): Promise<ChannelKey> {
    const conversationId = `19:elsewhere-${serviceUrl.length}-${Date.now()}@thread.tacv2`;
    const stored = await t.store.conversations.get(TENANT, CHANNEL);
    if (!stored) throw new Error("the channel's reference was not stored");
    await t.store.conversations.save({
      tenantId: TENANT,
      conversationId,
      reference: {
        ...stored.reference,
        serviceUrl,
        conversation: { ...stored.reference.conversation, id: conversationId },
      },
    });
    return { ...channel, channelId: conversationId };
  }

  it("marks a refused connection retryable: nothing reached Teams", async () => {
    const refused = await conversationAt("http://127.0.0.1:1/");
    await expect(t.surface.digestPoster.post(refused, digest, "k-refused")).rejects.toMatchObject({
      ledgerCode: "ECONNREFUSED",
      retryable: true,
    });
  });

  it("marks a reset connection retryable", async () => {
    // A server that accepts the connection and resets it before answering.
    const server: Server = createServer((socket) => socket.resetAndDestroy());
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const address = server.address() as { port: number };
      const reset = await conversationAt(`http://127.0.0.1:${address.port}/`);
      await expect(t.surface.digestPoster.post(reset, digest, "k-reset")).rejects.toMatchObject({
        ledgerCode: "ECONNRESET",
        retryable: true,
      });
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it("keeps a timeout final: the post may have reached the channel, and it cannot be looked for", () => {
    expect(classifyPostFailure(new DOMException("The operation was aborted.", "AbortError"))).toEqual({
      ledgerCode: "outcome-unknown",
      retryable: false,
    });
    expect(classifyPostFailure(Object.assign(new Error("socket timeout"), { code: "ETIMEDOUT" }))).toEqual({
      ledgerCode: "outcome-unknown",
      retryable: false,
    });
  });

  it("reports a refused post as a coded error and counts it, without posting an error into the channel", async () => {
    const before = t.connector.calls().length;
    const counted = async () =>
      (await t.metrics.platformApiErrors.get()).values.find(
        (v) => v.labels.method === "sendToConversation" && v.labels.code === "403",
      )?.value ?? 0;
    const countedBefore = await counted();
    t.connector.failNext(403);
    const failed = t.surface.digestPoster.post(channel, digest, "digest-key-2");
    await expect(failed).rejects.toBeInstanceOf(TeamsError);
    await expect(failed).rejects.toMatchObject({ code: "connector" });
    expect(t.connector.calls().slice(before)).toEqual([]);
    expect(await counted()).toBe(countedBefore + 1);
    expect(await t.metrics.registry.metrics()).toContain(
      'llm_advisor_platform_api_errors_total{platform="teams",method="sendToConversation",code="403"}',
    );
  });
});

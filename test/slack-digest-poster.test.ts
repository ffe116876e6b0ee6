import { afterEach, describe, expect, it } from "vitest";
import { createSlackDigestPoster, DIGEST_EVENT_TYPE } from "../src/channels/slack/index.js";
import type { DigestMessage } from "../src/digest/poster.js";
import { silentLogger } from "../src/logging.js";
import { createMetrics } from "../src/metrics.js";
import type { ChannelKey } from "../src/store/index.js";
import { type FakeSlack, startFakeSlack } from "./fakes/slack-api.js";
import { BOT_TOKEN, FAST_RETRIES } from "./support/slack-app.js";

/** The Slack side of the digest scheduler: posting with an idempotency key, and finding it again. */

let fake: FakeSlack | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

const channel: ChannelKey = { platform: "slack", workspaceId: "T0TEAM", channelId: "C0COSTS" };
const digest: DigestMessage = {
  text: "Weekly LLM cost digest",
  slackBlocks: [
    { type: "section", block_id: "d", text: { type: "mrkdwn", text: "gpt-6-luna: $75.00 a month" } },
  ],
  teamsCard: {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body: [],
  },
};

async function setup() {
  fake = await startFakeSlack({ botToken: BOT_TOKEN, notMemberOf: ["C0LEFT"] });
  const metrics = createMetrics(false);
  const poster = createSlackDigestPoster(
    { botToken: BOT_TOKEN, apiUrl: fake.apiUrl },
    { metrics, logger: silentLogger() },
    { retryConfig: FAST_RETRIES },
  );
  return { fake, metrics, poster };
}

describe("SlackDigestPoster", () => {
  it("posts the digest with its idempotency key in the message metadata", async () => {
    const { fake, poster } = await setup();
    expect(poster).toMatchObject({ platform: "slack", canSearch: true });
    const ref = await poster.post(channel, digest, "key-2026-11-23");
    const call = fake.callsOf("chat.postMessage")[0];
    expect(call?.args).toMatchObject({
      channel: "C0COSTS",
      text: "Weekly LLM cost digest",
      metadata: { event_type: DIGEST_EVENT_TYPE, event_payload: { idempotency_key: "key-2026-11-23" } },
    });
    expect(ref).toEqual({ platform: "slack", channel: "C0COSTS", ts: fake.messages[0]?.ts });
  });

  it("finds a posted digest by its key in the channel's history, with metadata asked for", async () => {
    const { fake, poster } = await setup();
    const since = new Date(1_699_999_000_000);
    await poster.post(channel, digest, "key-a");
    const b = await poster.post(channel, digest, "key-b");
    expect(await poster.findPosted(channel, "key-b", since)).toEqual(b);
    expect(await poster.findPosted(channel, "key-never-posted", since)).toBeNull();
    expect(fake.callsOf("conversations.history")[0]?.args).toMatchObject({
      channel: "C0COSTS",
      include_all_metadata: "true",
      oldest: String(Math.floor(since.getTime() / 1000) - 1),
    });
    // Another channel's history does not have it.
    expect(await poster.findPosted({ ...channel, channelId: "C0OTHER" }, "key-b", since)).toBeNull();
  });

  it("reads the history page by page, and says it could not tell when the pages run out", async () => {
    // 15 messages a page, as Slack serves commercially distributed non-Marketplace apps; 10 pages are read.
    fake = await startFakeSlack({ botToken: BOT_TOKEN, historyPageLimit: 15 });
    const poster = createSlackDigestPoster(
      { botToken: BOT_TOKEN, apiUrl: fake.apiUrl },
      { metrics: createMetrics(false), logger: silentLogger() },
      { retryConfig: FAST_RETRIES },
    );
    const since = new Date(1_699_999_000_000);
    const first = await poster.post(channel, digest, "key-oldest");
    // 40 newer messages: the oldest is on the third page (messages 31-45, newest first).
    for (let i = 0; i < 40; i++) await poster.post(channel, digest, `key-${i}`);
    expect(await poster.findPosted(channel, "key-oldest", since)).toEqual(first);
    expect(fake.callsOf("conversations.history")).toHaveLength(3);
    // 110 more: 151 messages are more than 10 pages of 15 hold, so a key not among them is not "not posted".
    for (let i = 40; i < 150; i++) await poster.post(channel, digest, `key-${i}`);
    await expect(poster.findPosted(channel, "key-never-posted", since)).rejects.toMatchObject({
      code: "slack-web-api",
      apiError: "search_incomplete",
    });
  });

  it("throws a coded error when Slack refuses, and counts it", async () => {
    const { metrics, poster } = await setup();
    await expect(poster.post({ ...channel, channelId: "C0LEFT" }, digest, "k")).rejects.toMatchObject({
      code: "slack-web-api",
      method: "chat.postMessage",
      apiError: "not_in_channel",
    });
    expect(await metrics.registry.metrics()).toContain(
      'llm_advisor_platform_api_errors_total{platform="slack",method="chat.postMessage",code="not_in_channel"} 1',
    );
  });

  it("retries a rate-limited post (429 with Retry-After) and posts once", async () => {
    const { fake, poster } = await setup();
    fake.failNext("chat.postMessage", { status: 429, retryAfterSeconds: 1 });
    await poster.post(channel, digest, "k-429");
    expect(fake.callsOf("chat.postMessage").map((c) => c.reply?.status ?? 200)).toEqual([429, 200]);
    expect(fake.messages).toHaveLength(1);
  });
});

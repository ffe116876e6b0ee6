import { describe, expect, it } from "vitest";
import {
  answerIdOf,
  BOT,
  cardOf,
  channelMention,
  executeInvoke,
  newPersonalChat,
  personalMessage,
  TENANT,
} from "./support/teams.js";
import {
  callsIn,
  expectValidAnswerCard,
  nthCard,
  nthText,
  QUESTION,
  sharedBot,
  threadOfPost,
} from "./support/teams-flows.js";

/** The bot's life outside questions: installation, bad requests, failures, shutdown. */
describe("Teams: installation, failures, shutdown", () => {
  // A bot of its own: these tests take its database away and stop it, in this order.
  const bot = sharedBot();

  it("welcomes a person who installs it in a 1:1 chat, and keeps the chat's reference", async () => {
    const t = bot();
    const chat = newPersonalChat();
    const install = {
      ...personalMessage("", chat),
      type: "conversationUpdate",
      text: undefined,
      membersAdded: [{ id: BOT.id }],
    };
    expect((await t.post(install)).status).toBe(200);
    expect(String((await nthText(t, chat, 1)).activity.text)).toContain("`llm-advise <question>`");
    expect(await t.store.conversations.get(TENANT, chat)).not.toBeNull();
  });

  it("answers a body that is not JSON with a short 400", async () => {
    const t = bot();
    const res = await fetch(`${t.url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "the body must be a Bot Framework activity in JSON" });
  });

  it("still answers when Teams refuses the typing indicator (429), and counts the refusal", async () => {
    const t = bot();
    const chat = newPersonalChat();
    t.connector.failNext(429);
    await t.post(personalMessage(QUESTION, chat));
    // The indicator goes first in a 1:1 chat; the fake refuses it, and the answer still comes.
    expectValidAnswerCard(cardOf(await nthCard(t, chat, 1)), "chat");
    const counted = (await t.metrics.platformApiErrors.get()).values.find(
      (v) => v.labels.platform === "teams" && v.labels.code === "429",
    );
    expect(counted?.value).toBe(1);
  });

  it("tells the person in one line when Teams refuses the answer itself (413)", async () => {
    const t = bot();
    const post = channelMention(QUESTION);
    // No typing indicator in a channel: the answer card is the first call, and it is refused.
    t.connector.failNext(413);
    await t.post(post);
    expect((await nthText(t, threadOfPost(post), 1)).activity.text).toBe(
      "Teams did not accept my reply; please try again in a moment.",
    );
    expect(callsIn(t.connector.calls(), threadOfPost(post)).filter((c) => cardOf(c))).toEqual([]);
  });

  it("tells the person in one short line, never with a stack trace, and an invoke gets an error response", async () => {
    const t = bot();
    const post = channelMention(QUESTION);
    await t.post(post);
    const call = await nthCard(t, threadOfPost(post), 1);
    const answerId = answerIdOf(cardOf(call));
    // The database goes away under the bot: an infrastructure failure, not a user mistake.
    await t.store.close();

    const chat = newPersonalChat();
    await t.post(personalMessage("200k requests a month", chat));
    expect((await nthText(t, chat, 1)).activity.text).toBe(
      "Something went wrong on my side while answering; please try again.",
    );

    const res = await t.post(
      executeInvoke(post.conversation as Record<string, unknown>, call.postedId, {
        answerId,
        action: "breakdown",
      }),
    );
    expect(res.status).toBe(500);
    expect(res.body).toEqual({
      statusCode: 500,
      type: "application/vnd.microsoft.error",
      value: {
        code: "internal",
        message: "Something went wrong on my side while answering; please try again.",
      },
    });
    expect(JSON.stringify(t.connector.calls())).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  it("stops taking activities once stopping, with 503 so that the Bot Framework retries", async () => {
    const t = bot();
    await t.surface.stop(1000);
    const res = await t.post(personalMessage(QUESTION, newPersonalChat()));
    expect(res.status).toBe(503);
  });
});

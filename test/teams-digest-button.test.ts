import { describe, expect, it } from "vitest";
import {
  ADA,
  answerIdOf,
  CHANNEL,
  cardOf,
  channelMention,
  executeInvoke,
  GRACE,
  newPersonalChat,
  personalMessage,
  submitMessage,
  TEAM,
  TENANT,
  type TeamsHarness,
} from "./support/teams.js";
import { nthCard, nthText, QUESTION, sharedBot, threadOfPost } from "./support/teams-flows.js";

/**
 * The Subscribe button goes through the digest module's rule, as Slack's does: only members of the
 * channel may subscribe it. Teams tells who belongs to a channel's team; a chat's members are the
 * people writing in it.
 */
const bot = sharedBot();

async function answeredInChannel(t: TeamsHarness) {
  const post = channelMention(QUESTION);
  await t.post(post);
  const call = await nthCard(t, threadOfPost(post), 1);
  return {
    call,
    thread: threadOfPost(post),
    answerId: answerIdOf(cardOf(call)),
    conversation: post.conversation as Record<string, unknown>,
  };
}

const subsFor = async (t: TeamsHarness, answerId: string, channelId = CHANNEL) =>
  (await t.store.subscriptions.list({ platform: "teams", workspaceId: TENANT, channelId })).filter(
    (s) => s.answerId === answerId,
  );

describe("Teams: the Subscribe button and channel membership", () => {
  it("subscribes the channel for a member of its team, after asking Teams who belongs", async () => {
    const t = bot();
    t.connector.setMembers(TEAM, [ADA.id]);
    const { call, answerId, conversation } = await answeredInChannel(t);
    const res = await t.post(executeInvoke(conversation, call.postedId, { answerId, action: "subscribe" }));
    expect(res.body).toMatchObject({ statusCode: 200, value: "Subscribed to a weekly digest." });
    expect(t.connector.memberLookups()).toContainEqual({ conversationId: TEAM, userId: ADA.id });
    expect(await subsFor(t, answerId)).toHaveLength(1);
  });

  it("refuses someone outside the team (Action.Execute): says why, subscribes nothing, posts nothing", async () => {
    const t = bot();
    t.connector.setMembers(TEAM, [ADA.id]);
    const { call, thread, answerId, conversation } = await answeredInChannel(t);
    const before = t.connector.messages().filter((c) => c.conversationId === thread).length;
    const res = await t.post(
      executeInvoke(conversation, call.postedId, { answerId, action: "subscribe" }, "subscribe", GRACE),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ value: "Only members of this channel can change its digests." });
    expect(t.connector.memberLookups()).toContainEqual({ conversationId: TEAM, userId: GRACE.id });
    expect(await subsFor(t, answerId)).toEqual([]);
    expect(t.connector.messages().filter((c) => c.conversationId === thread)).toHaveLength(before);
  });

  it("refuses someone outside the team on older clients too (Action.Submit), in the thread", async () => {
    const t = bot();
    t.connector.setMembers(TEAM, [ADA.id]);
    const { call, thread, answerId, conversation } = await answeredInChannel(t);
    await t.post(submitMessage(conversation, call.postedId, { answerId, action: "subscribe" }, GRACE));
    expect((await nthText(t, thread, 1)).activity.text).toBe(
      "Sorry: Only members of this channel can change its digests.",
    );
    expect(await subsFor(t, answerId)).toEqual([]);
  });

  it("subscribes a 1:1 chat without a lookup, and says 'this chat'", async () => {
    const t = bot();
    const chat = newPersonalChat();
    await t.post(personalMessage(QUESTION, chat));
    const call = await nthCard(t, chat, 1);
    const answerId = answerIdOf(cardOf(call));
    const lookups = t.connector.memberLookups().length;
    const conversation = { conversationType: "personal", tenantId: TENANT, id: chat };
    await t.post(executeInvoke(conversation, call.postedId, { answerId, action: "subscribe" }));
    expect(String((await nthText(t, chat, 1)).activity.text)).toMatch(
      /^Subscribed: this chat gets a cost digest/,
    );
    expect(t.connector.memberLookups()).toHaveLength(lookups);
    expect(await subsFor(t, answerId, chat)).toHaveLength(1);
  });
});

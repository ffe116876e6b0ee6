import { describe, expect, it } from "vitest";
import type { AdaptiveCard } from "../src/render/teams/answer-card.js";
import { adaptiveCardProblems } from "./support/adaptive-card.js";
import {
  ADA,
  answerIdOf,
  CHANNEL,
  cardOf,
  cardText,
  channelMention,
  executeInvoke,
  newPersonalChat,
  submitMessage,
  TENANT,
  type TeamsHarness,
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

/** The answer card's buttons, pressed as Action.Execute invokes and as Action.Submit messages. */
const bot = sharedBot();

describe("Teams: the answer card's actions", () => {
  async function answered(t: TeamsHarness, question = QUESTION) {
    const post = channelMention(question);
    await t.post(post);
    const thread = threadOfPost(post);
    const call = await nthCard(t, thread, 1);
    return {
      call,
      thread,
      answerId: answerIdOf(cardOf(call)),
      conversation: post.conversation as Record<string, unknown>,
    };
  }

  it("Action.Execute Cost breakdown: 200 with the answer's card, the breakdown opened in it, updated for everyone", async () => {
    const t = bot();
    const { call, thread, answerId, conversation } = await answered(t);
    const res = await t.post(executeInvoke(conversation, call.postedId, { answerId, action: "breakdown" }));
    expect(res.status).toBe(200);
    const body = res.body as { statusCode: number; type: string; value: AdaptiveCard };
    expect(body).toMatchObject({ statusCode: 200, type: "application/vnd.microsoft.card.adaptive" });
    expectValidAnswerCard(body.value);
    expect(cardText(body.value)).toContain("Cost breakdown");
    // The card keeps the summary it was posted with (verdict first, then the summary).
    const summary = cardText(cardOf(call)).split("\n")[1];
    expect(summary?.length).toBeGreaterThan(20);
    expect(cardText(body.value).split("\n")[1]).toBe(summary);
    expect(cardText(body.value)).toMatch(/Total: \$[\d,.]+ a month/);
    const update = await t.connector.waitFor((calls) =>
      callsIn(calls, thread).find((c) => c.kind === "update"),
    );
    expect(update.activityId).toBe(call.postedId);
    expect(cardOf(update)).toEqual(body.value);
  });

  it("Action.Execute Migration plan opens the plan in the card", async () => {
    const t = bot();
    const { call, answerId, conversation } = await answered(t);
    const res = await t.post(executeInvoke(conversation, call.postedId, { answerId, action: "plan" }));
    expect(res.status).toBe(200);
    const card = (res.body as { value: AdaptiveCard }).value;
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(cardText(card)).toMatch(/Migration plan: /);
  });

  it("Action.Execute What if 10×: posts a recomputed answer in the thread and says so", async () => {
    const t = bot();
    const { call, thread, answerId, conversation } = await answered(t);
    const res = await t.post(executeInvoke(conversation, call.postedId, { answerId, action: "what-if-10x" }));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      statusCode: 200,
      type: "application/vnd.microsoft.activity.message",
      value: "Posted the answer at 10× the volume in the thread.",
    });
    const next = await nthCard(t, thread, 2);
    const card = cardOf(next);
    expectValidAnswerCard(card);
    expect(cardText(card)).toContain("volume 500K a month → 5M a month");
    const stored = await t.store.threads.getAnswer(answerIdOf(card));
    expect(stored?.profile.requestsPerMonth).toBe(5_000_000);
    expect(stored?.messageRef).toMatchObject({ activityId: next.postedId });
  });

  it("Action.Submit fallback: a message with the button's value draws the break-even chart as an inline PNG", async () => {
    const t = bot();
    const { call, thread, answerId, conversation } = await answered(
      t,
      "2M requests a month on gpt-4o, small DevOps team",
    );
    const res = await t.post(submitMessage(conversation, call.postedId, { answerId, action: "chart" }));
    expect(res.status).toBe(200);
    const image = await nthText(t, thread, 1);
    const [attachment] = image.activity.attachments as Array<{
      contentType: string;
      contentUrl: string;
      name: string;
    }>;
    expect(attachment).toMatchObject({ contentType: "image/png", name: `break-even-${answerId}.png` });
    const png = Buffer.from(String(attachment?.contentUrl).replace(/^data:image\/png;base64,/, ""), "base64");
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(String(image.activity.text)).toContain("Monthly cost by volume");
  });

  it("Action.Submit fallback for the breakdown updates the card in place", async () => {
    const t = bot();
    const { call, thread, answerId, conversation } = await answered(t);
    await t.post(submitMessage(conversation, call.postedId, { answerId, action: "breakdown" }));
    const update = await t.connector.waitFor((calls) =>
      callsIn(calls, thread).find((c) => c.kind === "update"),
    );
    expect(update.activityId).toBe(call.postedId);
    expect(cardText(cardOf(update))).toContain("Cost breakdown");
  });

  it("Subscribe to digest: the channel gets a weekly Monday 09:00 UTC subscription and is told how to change or stop it", async () => {
    const t = bot();
    const { call, thread, answerId, conversation } = await answered(t);
    const res = await t.post(executeInvoke(conversation, call.postedId, { answerId, action: "subscribe" }));
    expect(res.body).toMatchObject({ statusCode: 200, value: "Subscribed to a weekly digest." });
    const subs = await t.store.subscriptions.list({
      platform: "teams",
      workspaceId: TENANT,
      channelId: CHANNEL,
    });
    const mine = subs.filter((s) => s.answerId === answerId);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      schedule: { cron: "0 9 * * 1", timezone: "UTC" },
      profile: { requestsPerMonth: 500_000 },
      createdBy: ADA.aadObjectId,
      active: true,
    });
    const confirm = String((await nthText(t, thread, 1)).activity.text);
    expect(confirm).toMatch(/^Subscribed: this channel gets a cost digest/);
    expect(confirm).toContain(`digest off ${mine[0]?.id}`);
    // The channel's conversation reference is kept for posting the digest later.
    expect(await t.store.conversations.get(TENANT, CHANNEL)).toMatchObject({
      reference: { conversation: { id: CHANNEL } },
    });
    // A second press makes no second subscription.
    const again = await t.post(executeInvoke(conversation, call.postedId, { answerId, action: "subscribe" }));
    expect(again.body).toMatchObject({ value: "Already subscribed." });
    expect(
      (await t.store.subscriptions.list({ platform: "teams", workspaceId: TENANT })).filter(
        (s) => s.answerId === answerId,
      ),
    ).toHaveLength(1);
  });

  it("says so when the answer a button names is no longer stored", async () => {
    const t = bot();
    const { call, conversation } = await answered(t);
    const gone = { answerId: "00000000-0000-0000-0000-000000000000", action: "breakdown" };
    const res = await t.post(executeInvoke(conversation, call.postedId, gone));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ type: "application/vnd.microsoft.activity.message" });
    expect(String((res.body as { value: string }).value)).toContain("no longer stored");
  });

  it("refuses an invoke whose data is not one of its buttons with 400", async () => {
    const t = bot();
    const chat = { id: newPersonalChat(), conversationType: "personal" };
    const res = await t.post(executeInvoke(chat, "1", { foo: 1 }, "approve"));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, type: "application/vnd.microsoft.error" });
  });
});

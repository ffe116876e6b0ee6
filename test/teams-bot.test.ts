import { describe, expect, it } from "vitest";
import { TEAMS_COMMANDS } from "../src/channels/teams/commands.js";
import { answerView } from "../src/render/answer-view.js";
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
  personalMessage,
  startTeams,
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
  STARTUP_MS,
  sharedBot,
  threadOfPost,
} from "./support/teams-flows.js";

/** Questions, follow-ups and buttons share one bot; each test talks in a chat or thread of its own. */
const bot = sharedBot();

describe("Teams: questions and follow-ups", () => {
  it("answers a 1:1 message with a valid Adaptive Card 1.5 under 28 KB, in that chat", async () => {
    const t = bot();
    const chat = newPersonalChat();
    const msg = personalMessage(QUESTION, chat);
    const res = await t.post(msg);
    expect(res.status).toBe(200);
    const call = await nthCard(t, chat, 1);
    expect(call).toMatchObject({ kind: "reply", activityId: msg.id });
    const card = cardOf(call);
    expectValidAnswerCard(card, "chat");
    expect(cardText(card)).toContain("Verdict: Proprietary API");
    // A typing indicator went first, while the answer was computed.
    expect(callsIn(t.connector.calls(), chat)[0]?.activity.type).toBe("typing");
    // The answer remembers where it was posted, and the chat can be reached later for digests.
    const stored = await t.store.threads.getAnswer(answerIdOf(card));
    // Notifications and clients without cards show the answer's headline.
    const headline = stored ? answerView(stored.advice).headline : "no stored answer";
    expect(headline).toMatch(/^Proprietary API: .* a month$/);
    expect(card?.fallbackText).toBe(headline);
    expect(call.activity.summary).toBe(headline);
    expect(stored?.messageRef).toEqual({
      platform: "teams",
      conversationId: chat,
      activityId: call.postedId,
    });
    const ref = await t.store.conversations.get(TENANT, chat);
    expect(ref?.reference).toMatchObject({ serviceUrl: t.connector.serviceUrl, conversation: { id: chat } });
  });

  it("takes `llm-advise <question>` and a plain question alike", async () => {
    const t = bot();
    const chat = newPersonalChat();
    await t.post(personalMessage(`llm-advise ${QUESTION}`, chat));
    const stored = await t.store.threads.getAnswer(answerIdOf(cardOf(await nthCard(t, chat, 1))));
    expect(stored?.profile.requestsPerMonth).toBe(500_000);
  });

  it("recomputes a further message in the same 1:1 chat from the chat's Profile and says what changed", async () => {
    const t = bot();
    const chat = newPersonalChat();
    await t.post(personalMessage(QUESTION, chat));
    await nthCard(t, chat, 1);
    await t.post(personalMessage("double the volume", chat));
    const card = cardOf(await nthCard(t, chat, 2));
    expectValidAnswerCard(card, "chat");
    // gpt-6-luna: 500K × (500 × $0.10 + 200 × $0.50)/1M = $75.00; at 1M, $150.00.
    expect(cardText(card)).toContain("What changed:** volume 500K a month → 1M a month");
    expect(cardText(card)).toContain("$75.00 → $150.00");
    const stored = await t.store.threads.getAnswer(answerIdOf(card));
    expect(stored?.profile.requestsPerMonth).toBe(1_000_000);
  });

  it("answers an @mention in a channel in the post's thread, and follows up on a reply in that thread", async () => {
    const t = bot();
    const post = channelMention(QUESTION);
    await t.post(post);
    const thread = threadOfPost(post);
    expect(thread).toBe(`${CHANNEL};messageid=${post.id}`);
    const first = await nthCard(t, thread, 1);
    expect(first).toMatchObject({ kind: "reply", activityId: post.id });
    const answer = await t.store.threads.getAnswer(answerIdOf(cardOf(first)));
    expect(answer?.thread).toEqual({
      platform: "teams",
      workspaceId: TENANT,
      channelId: CHANNEL,
      threadId: post.id,
    });

    await t.post(channelMention("double the volume", String(post.id)));
    expect(cardText(cardOf(await nthCard(t, thread, 2)))).toContain("volume 500K a month → 1M a month");
    // A new post in the channel is a new thread, with nothing to follow up on.
    const other = channelMention("double the volume");
    await t.post(other);
    expect(cardText(cardOf(await nthCard(t, threadOfPost(other), 1)))).not.toContain("What changed");
  });

  it("ignores a channel message that does not @mention it", async () => {
    const t = bot();
    const post = channelMention(QUESTION);
    const res = await t.post({ ...post, entities: [], text: QUESTION });
    expect(res.status).toBe(200);
    expect(callsIn(t.connector.calls(), threadOfPost(post))).toEqual([]);
  });

  it("lists what it can do on `help`, naming the commands of the app manifest", async () => {
    const t = bot();
    const chat = newPersonalChat();
    await t.post(personalMessage("help", chat));
    const text = String((await nthText(t, chat, 1)).activity.text);
    for (const c of TEAMS_COMMANDS) expect(text).toContain(`\`${c.title}\``);
    expect(text).toContain("@mention");
  });

  it("subscribes the chat with `digest <schedule>`, lists its digests and stops one", async () => {
    const t = bot();
    const chat = newPersonalChat();
    await t.post(personalMessage(QUESTION, chat));
    await nthCard(t, chat, 1);
    await t.post(personalMessage("digest weekly mon 09:00 Europe/Berlin", chat));
    const subscribed = String((await nthText(t, chat, 1)).activity.text);
    // A 1:1 chat is "this chat", never "this channel".
    expect(subscribed).toContain("Subscribed this chat");
    expect(subscribed).not.toContain("channel");
    const [sub] = await t.store.subscriptions.list({
      platform: "teams",
      workspaceId: TENANT,
      channelId: chat,
    });
    // 09:00 in Berlin on Mondays; the thread's answer (500K a month) is what the digest recomputes.
    expect(sub).toMatchObject({
      schedule: { cron: "0 9 * * 1", timezone: "Europe/Berlin" },
      profile: { requestsPerMonth: 500_000 },
    });
    await t.post(personalMessage("digest list", chat));
    const list = String((await nthText(t, chat, 2)).activity.text);
    expect(list).toContain(sub?.id ?? "missing");
    expect(list).toMatch(/^Digests in this chat:/);
    await t.post(personalMessage(`digest off ${sub?.id}`, chat));
    expect(String((await nthText(t, chat, 3)).activity.text)).toContain(`Stopped digest ${sub?.id}`);
    expect((await t.store.subscriptions.get(sub?.id ?? ""))?.active).toBe(false);
  });

  it(
    "reads a schedule without a time zone in DIGEST_DEFAULT_TIMEZONE when Teams sends none",
    async () => {
      const tokyo = await startTeams(null, { digestTimezone: "Asia/Tokyo" });
      try {
        const chat = newPersonalChat();
        // The activity carries no localTimezone, so the configured default applies.
        await tokyo.post(personalMessage("digest daily 09:00 for 1M requests a month", chat));
        expect(String((await nthText(tokyo, chat, 1)).activity.text)).toContain(
          "every day at 09:00 (Asia/Tokyo)",
        );
        const [sub] = await tokyo.store.subscriptions.list({
          platform: "teams",
          workspaceId: TENANT,
          channelId: chat,
        });
        expect(sub?.schedule).toEqual({ cron: "0 9 * * *", timezone: "Asia/Tokyo" });
        // The Subscribe button too: Mondays 09:00 in the default zone.
        const post = channelMention(QUESTION);
        await tokyo.post(post);
        const call = await nthCard(tokyo, threadOfPost(post), 1);
        const answerId = answerIdOf(cardOf(call));
        const conversation = post.conversation as Record<string, unknown>;
        await tokyo.post(executeInvoke(conversation, call.postedId, { answerId, action: "subscribe" }));
        const subs = await tokyo.store.subscriptions.list({
          platform: "teams",
          workspaceId: TENANT,
          channelId: CHANNEL,
        });
        expect(subs.find((x) => x.answerId === answerId)?.schedule).toEqual({
          cron: "0 9 * * 1",
          timezone: "Asia/Tokyo",
        });
        expect(String((await nthText(tokyo, threadOfPost(post), 1)).activity.text)).toContain(
          "every Monday at 09:00 (Asia/Tokyo)",
        );
      } finally {
        await tokyo.close();
      }
    },
    STARTUP_MS,
  );

  it("answers a concept question, and turns absurd input into a clear message", async () => {
    const t = bot();
    const chat = newPersonalChat();
    await t.post(personalMessage("what does shadow mode mean?", chat));
    await t.post(personalMessage("1e15 requests a month", chat));
    expect(String((await nthText(t, chat, 1)).activity.text)).toMatch(/shadow/i);
    expect(String((await nthText(t, chat, 2)).activity.text)).toMatch(
      /^Sorry: .*beyond what this tool models/,
    );
  });
});

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

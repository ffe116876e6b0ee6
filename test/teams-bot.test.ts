import { describe, expect, it } from "vitest";
import { TEAMS_COMMANDS } from "../src/channels/teams/commands.js";
import { answerView } from "../src/render/answer-view.js";
import {
  answerIdOf,
  CHANNEL,
  cardOf,
  cardText,
  channelMention,
  executeInvoke,
  newPersonalChat,
  personalMessage,
  startTeams,
  TENANT,
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

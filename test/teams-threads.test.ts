import { describe, expect, it } from "vitest";
import {
  ADA,
  answerIdOf,
  cardOf,
  cardText,
  GRACE,
  groupMention,
  newGroupChat,
  newPersonalChat,
  personalMessage,
  TENANT,
} from "./support/teams.js";
import { nthCard, nthText, QUESTION, sharedBot } from "./support/teams-flows.js";

/**
 * Threads where Teams has no reply chains: in a 1:1 or group chat a plain message follows up on the
 * sender's latest answer there, and `llm-advise <question>` or `new <question>` starts over.
 */
const bot = sharedBot();

describe("Teams: fresh questions in chats", () => {
  it("starts over on `llm-advise <question>` in a 1:1 chat, and follows the new thread after it", async () => {
    const t = bot();
    const chat = newPersonalChat();
    await t.post(personalMessage(QUESTION, chat));
    await nthCard(t, chat, 1);
    await t.post(personalMessage("double the volume", chat));
    expect(cardText(cardOf(await nthCard(t, chat, 2)))).toContain("volume 500K a month → 1M a month");

    const fresh = personalMessage("llm-advise 2M requests a month, 500 in / 200 out tokens, on gpt-4o", chat);
    await t.post(fresh);
    const third = cardOf(await nthCard(t, chat, 3));
    // A new question: nothing to compare with, and a thread of its own keyed by the message.
    expect(cardText(third)).not.toContain("What changed");
    const stored = await t.store.threads.getAnswer(answerIdOf(third));
    expect(stored?.profile.requestsPerMonth).toBe(2_000_000);
    expect(stored?.thread.threadId).toBe(fresh.id);

    await t.post(personalMessage("double the volume", chat));
    // 2M doubled is 4M: the follow-up took the fresh answer's Profile, not the first thread's 1M.
    expect(cardText(cardOf(await nthCard(t, chat, 4)))).toContain("volume 2M a month → 4M a month");
  });

  it("takes `new <question>` alike, and says how to use `new` on its own", async () => {
    const t = bot();
    const chat = newPersonalChat();
    await t.post(personalMessage(QUESTION, chat));
    await nthCard(t, chat, 1);
    await t.post(personalMessage("new", chat));
    expect(String((await nthText(t, chat, 1)).activity.text)).toMatch(
      /^Put the new question after the command/,
    );
    await t.post(personalMessage("new 3M requests a month, 500 in / 200 out tokens, on gpt-4o-mini", chat));
    const card = cardOf(await nthCard(t, chat, 2));
    expect(cardText(card)).not.toContain("What changed");
    expect((await t.store.threads.getAnswer(answerIdOf(card)))?.profile.requestsPerMonth).toBe(3_000_000);
  });

  it("follows up on each person's own latest answer in a group chat", async () => {
    const t = bot();
    const chat = newGroupChat();
    await t.post(groupMention(QUESTION, chat));
    await nthCard(t, chat, 1);
    await t.post(groupMention("2M requests a month, 500 in / 200 out tokens, on gpt-4o-mini", chat, GRACE));
    await nthCard(t, chat, 2);
    // Ada's follow-up doubles her 500K, not Grace's 2M, although Grace answered last.
    await t.post(groupMention("double the volume", chat));
    expect(cardText(cardOf(await nthCard(t, chat, 3)))).toContain("volume 500K a month → 1M a month");
    await t.post(groupMention("double the volume", chat, GRACE));
    expect(cardText(cardOf(await nthCard(t, chat, 4)))).toContain("volume 2M a month → 4M a month");
  });

  it("answers a follow-up it reads nothing from with one line, not the answer again", async () => {
    const t = bot();
    const chat = newPersonalChat();
    await t.post(personalMessage(QUESTION, chat));
    const first = answerIdOf(cardOf(await nthCard(t, chat, 1)));
    await t.post(personalMessage("thanks!", chat));
    expect(String((await nthText(t, chat, 1)).activity.text)).toMatch(/^I read nothing to change there/);
    // No second card and no second answer stored: the chat still follows the first.
    const cards = t.connector.calls().filter((c) => c.conversationId === chat && cardOf(c));
    expect(cards).toHaveLength(1);
    const [latest] = await t.store.threads.listRecentAnswers(
      { platform: "teams", workspaceId: TENANT, userId: ADA.aadObjectId },
      1,
    );
    expect(latest?.id).toBe(first);
  });

  it("ignores a group chat message that does not @mention it", async () => {
    const t = bot();
    const chat = newGroupChat();
    const res = await t.post({ ...groupMention(QUESTION, chat), entities: [], text: QUESTION });
    expect(res.status).toBe(200);
    expect(t.connector.calls().filter((c) => c.conversationId === chat)).toEqual([]);
  });
});

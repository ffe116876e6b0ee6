import { describe, expect, it } from "vitest";
import { adaptiveCardProblems } from "../../../test/support/adaptive-card.js";
import { digestReplyText } from "../../digest/index.js";
import { advise } from "../../domain/advise.js";
import { buildCatalog } from "../../domain/catalog/catalog.js";
import type { Profile } from "../../domain/profile.js";
import { adviceJson } from "../../render/json.js";
import { cardBytes, TEAMS_CARD_MAX_BYTES } from "../../render/teams/answer-card.js";
import type { StoredAnswer } from "../../store/index.js";
import { answerWithDetail, detailCard, digestPlace, helpText, subscribedText } from "./messages.js";

const TODAY = "2026-11-21";
const catalog = buildCatalog({ pricesAt: new Date(`${TODAY}T12:00:00Z`) });
const at = new Date(`${TODAY}T12:00:00Z`);

function stored(profile: Profile): StoredAnswer {
  const r = advise(profile, catalog, { today: TODAY });
  if (!r.ok) throw new Error("bad profile");
  return {
    id: "answer-1",
    thread: { platform: "teams", workspaceId: "t", channelId: "c", threadId: "c" },
    userId: "u",
    question: null,
    profile,
    advice: adviceJson(r.value),
    messageRef: null,
    createdAt: at,
  };
}

const texts = (items: unknown): string[] =>
  (JSON.stringify(items).match(/"text":"((?:[^"\\]|\\.)*)"/g) ?? []).map((t) => JSON.parse(`{${t}}`).text);

describe("Teams detail cards", () => {
  const answer = stored({ requestsPerMonth: 2_000_000, currentModel: "gpt-4o", team: "small-devops" });

  const SUMMARY = "**What changed:** volume 1M a month → 2M a month. Stay on the API for now.";

  it("opens the breakdown inside the answer's card, before its detail sections, within Teams' limits", () => {
    const card = answerWithDetail(answer, "breakdown", SUMMARY, "channel");
    expect(card).not.toBeNull();
    // The card keeps the summary (and what changed) it was posted with.
    expect(texts(card?.body)[1]).toBe(SUMMARY);
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(cardBytes(card)).toBeLessThan(TEAMS_CARD_MAX_BYTES);
    const detail = card?.body.find((e) => e.style === "emphasis");
    expect(texts(detail)[0]).toBe("Cost breakdown");
    expect(card?.body.indexOf(detail ?? {})).toBeLessThan(
      card?.body.findIndex((e) => e.type === "Container" && e !== detail) ?? -1,
    );
  });

  it("pins the plan's wording", () => {
    const card = detailCard(answer, "plan", "channel");
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(card.fallbackText).toBe(texts(card.body)[0]);
    expect(texts(card.body).slice(0, 3)).toMatchInlineSnapshot(`
      [
        "Migration plan: Move from gpt-4o to gpt-6-luna (OpenAI API)",
        "Phase 1: Test",
        "• Deploy gpt-6-luna: OpenAI API",
      ]
    `);
  });

  it("gives up opening the detail in place when the two would not fit together", () => {
    // Reasons long enough that the answer's card alone comes close to the 26 KB budget.
    const reason = answer.advice.reasons[0] as StoredAnswer["advice"]["reasons"][number];
    const huge: StoredAnswer = {
      ...answer,
      advice: {
        ...answer.advice,
        reasons: Array.from({ length: 13 }, (_, i) => ({
          ...reason,
          rule: `rule.${i}`,
          rationale: "x".repeat(1400),
        })),
      },
    };
    const noReasons = { ...huge, advice: { ...huge.advice, reasons: [] } };
    expect(cardBytes(answerWithDetail(noReasons, "breakdown", SUMMARY, "channel"))).toBeLessThan(
      TEAMS_CARD_MAX_BYTES,
    );
    expect(answerWithDetail(huge, "breakdown", SUMMARY, "channel")).toBeNull();
    expect(adaptiveCardProblems(detailCard(answer, "breakdown", "chat"))).toEqual([]);
  });

  it("leaves the answer's card alone when the summary it was posted with is not known here", () => {
    expect(answerWithDetail(answer, "plan", null, "channel")).toBeNull();
  });
});

describe("Teams texts", () => {
  it("confirms a subscription with how to change or stop it", () => {
    const s = { id: "sub-1", schedule: "every Monday at 09:00 (UTC)" };
    expect(subscribedText(s, true, "channel")).toMatchInlineSnapshot(`
      "Subscribed: this channel gets a cost digest for this answer's question every Monday at 09:00 (UTC), with prices recomputed each time.

      Digest id: \`sub-1\`. To stop it, @mention me in this thread with \`digest off sub-1\`. To change when it comes, @mention me in this thread with a schedule such as \`digest weekly fri 08:00 Europe/Berlin\`. \`digest list\` shows this channel's digests."
    `);
    expect(subscribedText(s, false, "personal")).toMatch(/^Already subscribed: this chat/);
  });

  it("fits the help to where it is asked: a channel has no `new`, a chat says how to start over", () => {
    const channel = helpText("channel");
    expect(channel).toContain("@mention me in a new post to ask");
    expect(channel).toContain("`llm-advise` (Which LLM to run");
    expect(channel).not.toContain("`new`");
    expect(channel).toContain("Cost digests for this channel");
    expect(helpText("groupChat")).toContain("Here, @mention me first.");
  });

  it("says 'this chat' for the digest commands' replies outside channels", () => {
    const said = {
      kind: "refused",
      code: "not-a-member",
      message: "Only members of this channel can change its digests. This channel has no other digests.",
    } as const;
    const inChannel = digestReplyText(said, digestPlace("channel"));
    expect(digestReplyText(said, digestPlace("personal"))).toBe(
      "Only members of this chat can change its digests. This chat has no other digests.",
    );
    expect(digestReplyText(said, digestPlace("groupChat"))).toContain("this chat");
    expect(inChannel).toBe(said.message);
  });

  it("ends the help with the bot's commands", () => {
    expect(helpText().split("\n\n").slice(-2)).toMatchInlineSnapshot(`
      [
        "In a channel or a group chat, @mention me first. In a chat, messages follow up on my latest answer to you; \`new <question>\` or \`llm-advise <question>\` starts over.",
        "Commands: \`llm-advise\` (A fresh question, apart from earlier answers here: llm-advise 500k requests a month, HIPAA, on gpt-4o-mini); \`new\` (Start over: a new question that later messages follow up on: new 2M requests a month on gpt-4o); \`digest\` (Cost digests for this chat: digest weekly mon 09:00 Europe/Berlin, digest list, digest off <id>); \`help\` (What I can do, with examples).",
      ]
    `);
  });
});

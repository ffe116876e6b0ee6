import type { KnownBlock } from "@slack/types";
import { describe, expect, it } from "vitest";
import { advise } from "../src/domain/advise.js";
import { buildCatalog } from "../src/domain/catalog/catalog.js";
import type { Profile } from "../src/domain/profile.js";
import { type AnswerView, answerView } from "../src/render/answer-view.js";
import { type AdviceJson, adviceJson } from "../src/render/json.js";
import { answerMessages } from "../src/render/slack/answer-blocks.js";
import type { SlackMessage } from "../src/render/slack/limits.js";
import {
  type AdaptiveCard,
  answerCards,
  CARD_BUDGET_BYTES,
  type CardElement,
  cardBytes,
} from "../src/render/teams/answer-card.js";
import { adaptiveCardProblems } from "./support/adaptive-card.js";

/**
 * Slack and Teams say the same about an answer: each rendering is read back into what it tells
 * (verdict, options and their costs, break-even, the rules that fired, assumptions, ruled-out options,
 * notes), and the two readings must be equal. A long answer continues in further messages on both.
 */

const TODAY = "2026-11-21";
const catalog = buildCatalog({ pricesAt: new Date(`${TODAY}T12:00:00Z`) });

function contract(p: Profile): AdviceJson {
  const r = advise(p, catalog, { today: TODAY });
  if (!r.ok) throw new Error("bad profile");
  return adviceJson(r.value);
}

interface Told {
  verdict: string;
  options: string[];
  breakEven: string | null;
  rules: string[];
  assumptions: string | null;
  excluded: string[];
  issues: string[];
}

const unescapeMrkdwn = (t: string) => t.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** What the Slack messages tell, read from their blocks (block ids name the parts). */
function slackTold(messages: SlackMessage[]): Told {
  const blocks = messages.flatMap((m) => m.blocks) as Array<KnownBlock & { block_id?: string }>;
  const under = (prefix: string) => blocks.filter((b) => b.block_id?.startsWith(prefix));
  const contextTexts = (prefix: string) =>
    under(prefix).flatMap((b) =>
      b.type === "context" ? b.elements.map((e) => unescapeMrkdwn((e as { text: string }).text)) : [],
    );
  const header = blocks.find((b) => b.type === "header");
  const options = under("answer.options").flatMap((b) =>
    b.type === "section"
      ? (b.fields ?? []).map((f) => {
          // "*1. model*\ndeployment\n$77.00 · $243.67"
          const [name = "", deployment = "", costs = ""] = unescapeMrkdwn(f.text).split("\n");
          const [monthly, horizon] = costs.split(" · ");
          return `${name.replace(/\*/g, "")} | ${deployment} | ${monthly} | ${horizon}`;
        })
      : [],
  );
  const breakEven = under("answer.break-even").map((b) =>
    b.type === "section" ? unescapeMrkdwn(b.text?.text ?? "") : "",
  );
  return {
    verdict: header?.type === "header" ? header.text.text.replace(/^Verdict: /, "") : "",
    options,
    breakEven: breakEven.length > 0 ? breakEven.join("") : null,
    rules: contextTexts("answer.reasons").map((t) => /^`([^`]+)`/.exec(t)?.[1] ?? "?"),
    // Slack breaks a long list between assumptions, one context element per part.
    assumptions:
      contextTexts("answer.assumptions")
        .join("; ")
        .replace(/^Assumed: /, "") || null,
    excluded: contextTexts("answer.excluded").map((t) => t.replace(/^Ruled out: /, "")),
    issues: contextTexts("answer.issues").map((t) => t.replace(/^Could not use: /, "")),
  };
}

type Part = { text: string; detail: boolean } | { facts: Array<{ title: string; value: string }> };

/** Every TextBlock text (marked when it sits in a detail container) and FactSet of a card, in order. */
function cardParts(c: AdaptiveCard): Part[] {
  const out: Part[] = [];
  const walk = (e: CardElement, detail: boolean) => {
    if (e.type === "TextBlock") out.push({ text: String(e.text), detail });
    if (e.type === "FactSet") out.push({ facts: e.facts as Array<{ title: string; value: string }> });
    for (const child of (e.items as CardElement[] | undefined) ?? []) walk(child, true);
  };
  for (const e of c.body) walk(e, false);
  return out;
}

const LABELS = ["Conflict: ", "Seed vs arithmetic: ", "Assumed: ", "Ruled out: ", "Could not use: "];

/** What the Teams cards tell: the answer's card and the cards that continue it. */
function teamsTold(cards: AdaptiveCard[]): Told {
  const parts = cards.flatMap(cardParts);
  const texts = parts.flatMap((p) => ("text" in p ? [p.text] : []));
  const facts = parts.flatMap((p) => ("facts" in p ? p.facts : []));
  const labelled = (label: string) =>
    texts.filter((t) => t.startsWith(label)).map((t) => t.slice(label.length));
  const detail = parts
    .flatMap((p) => ("detail" in p && p.detail ? [p.text] : []))
    .filter((t) => !LABELS.some((l) => t.startsWith(l)));
  return {
    verdict: (texts[0] ?? "").replace(/^Verdict: /, ""),
    options: facts.map((f) => {
      // "$77.00 a month ($243.67 over the horizon) · deployment"
      const m = /^(.*) a month \((.*) over the horizon\) · (.*)$/.exec(f.value);
      return `${f.title} | ${m?.[3]} | ${m?.[1]} | ${m?.[2]}`;
    }),
    breakEven: texts.find((t) => /^(Break-even:|Self-hosting never beats)/.test(t)) ?? null,
    rules: detail.map((t) => t.split(": ")[0] ?? "?"),
    assumptions: labelled("Assumed: ")[0] ?? null,
    excluded: labelled("Ruled out: "),
    issues: labelled("Could not use: "),
  };
}

function both(view: AnswerView): { slack: Told; teams: Told; cards: AdaptiveCard[] } {
  const slack = slackTold(answerMessages(view, "Summary.", "answer-1"));
  const { card, more } = answerCards(view, "Summary.", "answer-1");
  return { slack, teams: teamsTold([card, ...more]), cards: [card, ...more] };
}

const PROFILES: Array<[string, Profile]> = [
  [
    "HIPAA, no team",
    { requestsPerMonth: 500_000, compliance: ["hipaa"], team: "none", currentModel: "gpt-4o-mini" },
  ],
  [
    "2M on gpt-4o, small DevOps team",
    { requestsPerMonth: 2_000_000, currentModel: "gpt-4o", team: "small-devops" },
  ],
  ["voice at 60K calls", { useCase: "voice", callsPerMonth: 60_000 }],
  ["air-gapped", { compliance: ["air-gapped"], team: "ml-team" }],
];

describe("Slack and Teams tell the same answer", () => {
  it.each(PROFILES)("%s", (_name, profile) => {
    const view = answerView(contract(profile));
    const { slack, teams } = both(view);
    expect(teams).toEqual(slack);
    expect(teams.assumptions).toBe(view.assumptions.join("; ") || null);
    // And both tell all of it: every option, every rule that fired.
    expect(teams.options).toHaveLength(view.options.length);
    expect(teams.rules).toEqual(view.reasons.map((r) => r.rule));
    expect(teams.verdict).toBe(view.verdictLabel);
  });

  it("tells all of a list of assumptions longer than one Slack context element on both", () => {
    const view = answerView(contract(PROFILES[2]?.[1] ?? {}));
    // The voice answer's assumptions run past the 1,000 characters one context element holds.
    expect(`Assumed: ${view.assumptions.join("; ")}`.length).toBeGreaterThan(1000);
    const { slack, teams } = both(view);
    expect(slack.assumptions).toBe(view.assumptions.join("; "));
    expect(slack.assumptions).toBe(teams.assumptions);
  });

  it("keeps telling the same when an answer is too long for one message, continuing it below", () => {
    const view = answerView(contract(PROFILES[1]?.[1] ?? {}));
    // 60 reasons of 600 characters: about 40 KB of detail, past Teams' 26 KB card budget.
    const long: AnswerView = {
      ...view,
      reasons: Array.from({ length: 60 }, (_, i) => ({
        rule: `rule.n${i}`,
        text: "x".repeat(600),
        source: "seed 003",
      })),
    };
    const { slack, teams, cards } = both(long);
    expect(teams).toEqual(slack);
    expect(teams.rules).toHaveLength(60);
    expect(cards.length).toBeGreaterThan(1);
    for (const c of cards) {
      expect(adaptiveCardProblems(c)).toEqual([]);
      expect(cardBytes(c)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    }
    // The first card says how much follows: the reasons it could not hold, the assumptions and the rest.
    const moved = 60 - teamsTold([cards[0] as AdaptiveCard]).rules.length;
    expect(moved).toBeGreaterThan(0);
    expect(JSON.stringify(cards[0])).toContain(`${moved} more reasons`);
  });
});

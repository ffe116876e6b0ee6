import { ANSWER_ACTIONS, type AnswerActionValue, shortSource } from "../answer-actions.js";
import type { AnswerView } from "../answer-view.js";

/**
 * Adaptive Card (schema 1.5) rendering of an answer: the same AnswerView and the same actions as
 * Slack. Actions are Action.Execute (Universal Actions) falling back to Action.Submit on clients
 * that do not support them.
 * @see https://adaptivecards.io/explorer/AdaptiveCard.html
 */

/** Teams refuses a message whose card is larger than 28 KB; cards aim below this. */
export const TEAMS_CARD_MAX_BYTES = 28 * 1024;
export const CARD_BUDGET_BYTES = 26 * 1024;

export type CardElement = Record<string, unknown>;
export interface AdaptiveCard {
  type: "AdaptiveCard";
  $schema: string;
  version: "1.5";
  body: CardElement[];
  actions?: CardElement[];
  msteams?: { width: "Full" };
}

const text = (t: string, extra: CardElement = {}): CardElement => ({
  type: "TextBlock",
  text: t,
  wrap: true,
  ...extra,
});
const small = (t: string): CardElement => text(t, { size: "Small", isSubtle: true, spacing: "None" });

export const cardBytes = (card: unknown): number => Buffer.byteLength(JSON.stringify(card), "utf8");

export function answerActions(answerId: string): CardElement[] {
  return ANSWER_ACTIONS.map((a) => {
    const data: AnswerActionValue = { answerId, action: a.id };
    return {
      type: "Action.Execute",
      title: a.label,
      verb: a.id,
      data,
      fallback: { type: "Action.Submit", title: a.label, data },
    };
  });
}

export function card(body: CardElement[], actions?: CardElement[]): AdaptiveCard {
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body,
    ...(actions ? { actions } : {}),
    msteams: { width: "Full" },
  };
}

/**
 * The answer as a card. If it would pass the size budget, detail sections are dropped from the
 * least useful (could-not-use notes, ruled-out options) towards the most (the reasons) until it fits.
 */
export function answerCard(view: AnswerView, summary: string, answerId: string): AdaptiveCard {
  const head: CardElement[] = [
    text(`Verdict: ${view.verdictLabel}`, { size: "Large", weight: "Bolder", style: "heading" }),
    text(summary.length > 4000 ? `${summary.slice(0, 3999)}…` : summary),
    {
      type: "FactSet",
      facts: view.options.map((o) => ({
        title: `${o.rank}. ${o.model}`,
        value: `${o.monthly} a month (${o.perMonthOverHorizon} over the horizon) · ${o.deployment}`,
      })),
    },
  ];
  if (view.breakEven) head.push(text(view.breakEven));
  for (const d of view.deprecations) head.push(text(`⚠ ${d}`, { color: "Warning", size: "Small" }));
  const details: CardElement[][] = [
    view.reasons.map((r) => small(`${r.rule}: ${r.text} (${shortSource(r.source)})`)),
    view.conflicts.map((c) => small(`Conflict: ${c}`)),
    view.discrepancies.map((d) => small(`Seed vs arithmetic: ${d.claim} → ${d.computed}`)),
    view.assumptions.length > 0 ? [small(`Assumed: ${view.assumptions.join("; ")}`)] : [],
    view.excluded.map((e) => small(`Ruled out: ${e}`)),
    view.issues.map((i) => small(`Could not use: ${i}`)),
  ];
  const foot = small(view.footer);
  const build = (n: number) => {
    const kept = details.slice(0, n).flat();
    return card(
      [...head, ...(kept.length > 0 ? [{ type: "Container", separator: true, items: kept }] : []), foot],
      answerActions(answerId),
    );
  };
  for (let n = details.length; n >= 0; n--) {
    const c = build(n);
    if (cardBytes(c) <= CARD_BUDGET_BYTES) return c;
  }
  return build(0);
}

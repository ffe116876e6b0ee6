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
  /** What a client that cannot show the card shows instead. */
  fallbackText?: string;
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

/** Where the answer was posted, for the Subscribe button's words ("this chat" in a chat). */
export type AnswerPlace = "channel" | "chat";

export function answerActions(answerId: string, place: AnswerPlace = "channel"): CardElement[] {
  return ANSWER_ACTIONS.map((a) => {
    const data: AnswerActionValue = { answerId, action: a.id };
    const title = place === "chat" ? a.label.replace("this channel", "this chat") : a.label;
    return {
      type: "Action.Execute",
      title,
      verb: a.id,
      data,
      fallback: { type: "Action.Submit", title, data },
    };
  });
}

export function card(body: CardElement[], actions?: CardElement[], fallbackText?: string): AdaptiveCard {
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body,
    ...(actions ? { actions } : {}),
    ...(fallbackText ? { fallbackText } : {}),
    msteams: { width: "Full" },
  };
}

/** One line under the answer's figures, with the kind of thing it is, for counting what moved on. */
interface DetailItem {
  kind: "reason" | "conflict" | "seed correction" | "assumptions" | "ruled-out option" | "note";
  element: CardElement;
}

function detailItems(view: AnswerView): DetailItem[] {
  const item = (kind: DetailItem["kind"], t: string): DetailItem => ({ kind, element: small(t) });
  return [
    ...view.reasons.map((r) => item("reason", `${r.rule}: ${r.text} (${shortSource(r.source)})`)),
    ...view.conflicts.map((c) => item("conflict", `Conflict: ${c}`)),
    ...view.discrepancies.map((d) =>
      item("seed correction", `Seed vs arithmetic: ${d.claim} → ${d.computed}`),
    ),
    ...(view.assumptions.length > 0 ? [item("assumptions", `Assumed: ${view.assumptions.join("; ")}`)] : []),
    ...view.excluded.map((e) => item("ruled-out option", `Ruled out: ${e}`)),
    ...view.issues.map((i) => item("note", `Could not use: ${i}`)),
  ];
}

/** "3 more reasons and the assumptions follow below.": what the next card carries. */
function moreLine(rest: readonly DetailItem[]): string {
  const counts = new Map<DetailItem["kind"], number>();
  for (const i of rest) counts.set(i.kind, (counts.get(i.kind) ?? 0) + 1);
  const parts = [...counts].map(([kind, n]) =>
    kind === "assumptions" ? "the assumptions" : `${n} more ${kind}${n === 1 ? "" : "s"}`,
  );
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : (parts[0] ?? "");
  return `${list.charAt(0).toUpperCase()}${list.slice(1)} follow${rest.length === 1 && parts[0] !== "the assumptions" ? "s" : ""} below.`;
}

const detailContainer = (items: readonly DetailItem[]): CardElement[] =>
  items.length > 0 ? [{ type: "Container", separator: true, items: items.map((i) => i.element) }] : [];

/** The answer's first card and, when its details do not all fit, the cards that carry the rest. */
export interface AnswerCards {
  card: AdaptiveCard;
  more: AdaptiveCard[];
}

/**
 * The answer as cards: verdict, summary, options, break-even and as many details (reasons, conflicts,
 * seed corrections, assumptions, ruled-out options, notes) as fit Teams' size budget, in that order;
 * the rest go onto further cards to post after it (as Slack continues an answer in its thread), and
 * the first card says how many follow. Nothing is dropped.
 */
export function answerCards(
  view: AnswerView,
  summary: string,
  answerId: string,
  place: AnswerPlace = "channel",
): AnswerCards {
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
  const items = detailItems(view);
  const foot = small(view.footer);
  const actions = answerActions(answerId, place);
  const first = (n: number) => {
    const more =
      n < items.length ? [text(moreLine(items.slice(n)), { size: "Small", weight: "Bolder" })] : [];
    return card([...head, ...detailContainer(items.slice(0, n)), ...more, foot], actions, view.headline);
  };
  let kept = items.length;
  while (kept > 0 && cardBytes(first(kept)) > CARD_BUDGET_BYTES) kept--;
  return { card: first(kept), more: continuationCards(view, items.slice(kept)) };
}

/** Details that did not fit the first card, packed into as few cards as the budget allows. */
function continuationCards(view: AnswerView, rest: readonly DetailItem[]): AdaptiveCard[] {
  const heading = `Verdict: ${view.verdictLabel}, continued`;
  const page = (items: readonly DetailItem[]) =>
    card([text(heading, { weight: "Bolder" }), ...detailContainer(items)], undefined, heading);
  const cards: AdaptiveCard[] = [];
  let current: DetailItem[] = [];
  for (const item of rest) {
    if (current.length > 0 && cardBytes(page([...current, item])) > CARD_BUDGET_BYTES) {
      cards.push(page(current));
      current = [];
    }
    current.push(item);
  }
  if (current.length > 0) cards.push(page(current));
  return cards;
}

/** The answer's first card (answerCards has the rest). */
export const answerCard = (view: AnswerView, summary: string, answerId: string): AdaptiveCard =>
  answerCards(view, summary, answerId).card;

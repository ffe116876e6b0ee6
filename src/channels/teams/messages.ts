import type { Answered, NothingRead, Turn } from "../../conversation/conversation.js";
import type { DigestPlace, DigestReply } from "../../digest/index.js";
import { answerView } from "../../render/answer-view.js";
import { conceptMarkdown } from "../../render/concept.js";
import { breakdownView, helpLines, planLines } from "../../render/detail-views.js";
import {
  type AdaptiveCard,
  type AnswerPlace,
  answerActions,
  answerCards,
  CARD_BUDGET_BYTES,
  type CardElement,
  card,
  cardBytes,
} from "../../render/teams/answer-card.js";
import type { StoredAnswer } from "../../store/index.js";
import type { ConversationScope } from "./activity.js";
import { commandList } from "./commands.js";

/**
 * What the bot says, as data: an Adaptive Card, Markdown text, or an image. Built from the same
 * render model as Slack (answer view, detail views, help lines); bot.ts turns them into activities.
 */
export type Outgoing =
  /** A card, and for a long answer the cards that carry what did not fit it, posted after it. */
  | {
      kind: "card";
      card: AdaptiveCard;
      more?: AdaptiveCard[];
      /** The message's one-line preview in notifications and the activity feed. */
      summary?: string;
    }
  | { kind: "text"; text: string }
  | { kind: "image"; text: string; png: Uint8Array; name: string };

type DetailKind = "breakdown" | "plan";

const COMMAND = "llm-advise";

const text = (t: string, extra: CardElement = {}): CardElement => ({
  type: "TextBlock",
  text: t,
  wrap: true,
  ...extra,
});

/** Help, from the shared help lines plus this scope's command list (the manifest's, too). */
export function helpText(scope: ConversationScope = "personal"): string {
  const commands = commandList(scope === "channel" ? "team" : scope);
  return [
    ...helpLines(COMMAND),
    scope === "channel"
      ? "In a channel, @mention me in a new post to ask, and in its thread to follow up."
      : `${scope === "groupChat" ? "Here, @mention me first" : "In a channel or a group chat, @mention me first"}. In a chat, messages follow up on my latest answer to you; \`new <question>\` or \`llm-advise <question>\` starts over.`,
    `Commands: ${commands.map((c) => `\`${c.title}\` (${c.description})`).join("; ")}.`,
  ].join("\n\n");
}

/** What `new` on its own gets: how to start over. */
export const NEW_WITHOUT_QUESTION =
  "Put the new question after the command, e.g. `new 2M requests a month on gpt-4o`: it gets an answer of its own, and later messages follow up on that.";

/** The card's summary: what a follow-up changed, the phrased summary, and what could not be read. */
export function summaryOf(turn: Answered): string {
  return [
    turn.change ? `**What changed:** ${turn.change}.` : null,
    turn.summary.text,
    turn.unused.length > 0 ? `I could not use: ${turn.unused.join("; ")}.` : null,
  ]
    .filter((s): s is string => s !== null)
    .join("\n\n");
}

/** A chat says "this chat" where a channel says "this channel". */
export const placeOf = (scope: ConversationScope): AnswerPlace => (scope === "channel" ? "channel" : "chat");

function answerOutgoing(turn: Answered, scope: ConversationScope): Outgoing {
  const view = answerView(turn.answer.advice);
  const { card: first, more } = answerCards(view, summaryOf(turn), turn.answer.id, placeOf(scope));
  return { kind: "card", card: first, more, summary: view.headline };
}

/**
 * A follow-up from which nothing was read ("thanks!"): a short line, not the answer again. Teams
 * delivers only messages addressed to the bot (a 1:1 chat, or an @mention), so it always answers.
 */
export const NOTHING_READ_TEXT =
  "I read nothing to change there. Try “double the volume”, “what about HIPAA?” or “with 1,000 output tokens”; `help` shows more.";

export function turnOutgoing(turn: Turn | NothingRead, scope: ConversationScope = "personal"): Outgoing {
  switch (turn.kind) {
    case "answer":
      return answerOutgoing(turn, scope);
    case "concept":
      return { kind: "text", text: conceptMarkdown(turn.concept) };
    case "help":
      return { kind: "text", text: helpText(scope) };
    case "rejected":
      return { kind: "text", text: `Sorry: ${turn.message}` };
    case "nothing-read":
      return { kind: "text", text: NOTHING_READ_TEXT };
  }
}

/** The breakdown or the plan as card elements. */
function detailElements(answer: StoredAnswer, kind: DetailKind): CardElement[] {
  if (kind === "plan") {
    const p = planLines(answer.advice);
    return [
      text(`Migration plan: ${p.title}`, { weight: "Bolder" }),
      ...p.lines.map((l) => text(l, { size: "Small", spacing: "None" })),
    ];
  }
  return [
    text("Cost breakdown", { weight: "Bolder" }),
    ...breakdownView(answer.advice).flatMap((s) => [
      text(s.title, { weight: "Bolder", spacing: "Medium" }),
      ...s.lines.map((l) => text(l, { size: "Small", spacing: "None" })),
      text(`Total: ${s.total}`, { size: "Small", weight: "Bolder", spacing: "None" }),
    ]),
  ];
}

/**
 * The answer's card with the breakdown or the plan opened inside it, to replace the card in place,
 * with the summary the answer was posted with. Null when that summary is not known here (the answer
 * was posted before a restart, or by another replica) or the two would not fit Teams' card size: the
 * detail then goes into the thread, and the answer's card stays as it was.
 */
export function answerWithDetail(
  answer: StoredAnswer,
  kind: DetailKind,
  summary: string | null,
  place: AnswerPlace,
): AdaptiveCard | null {
  if (summary === null) return null;
  const base = answerCards(answerView(answer.advice), summary, answer.id, place).card;
  const detail: CardElement = {
    type: "Container",
    style: "emphasis",
    separator: true,
    items: detailElements(answer, kind),
  };
  const at = base.body.findIndex((e) => e.type === "Container");
  const body = [...base.body];
  body.splice(at === -1 ? body.length - 1 : at, 0, detail);
  const c: AdaptiveCard = { ...base, body };
  return cardBytes(c) <= CARD_BUDGET_BYTES ? c : null;
}

/** The detail on its own card, for the thread. */
export function detailCard(answer: StoredAnswer, kind: DetailKind, place: AnswerPlace): AdaptiveCard {
  const title = kind === "plan" ? `Migration plan: ${planLines(answer.advice).title}` : "Cost breakdown";
  return card(detailElements(answer, kind), answerActions(answer.id, place), title);
}

/** Where a conversation's digests go, in the digest module's words. */
export const digestPlace = (scope: ConversationScope): DigestPlace =>
  scope === "channel" ? "channel" : "chat";

/** Confirms a digest subscription, with how to change or stop it (the `digest …` commands' words). */
export function subscribedText(
  s: Pick<Extract<DigestReply, { kind: "subscribed" }>["subscription"], "id" | "schedule">,
  created: boolean,
  scope: ConversationScope,
): string {
  const where = scope === "channel" ? "this channel" : "this chat";
  const say =
    scope === "personal"
      ? "send"
      : scope === "channel"
        ? "@mention me in this thread with"
        : "@mention me with";
  return [
    `${created ? "Subscribed" : "Already subscribed"}: ${where} gets a cost digest for this answer's question ${s.schedule}, with prices recomputed each time.`,
    `Digest id: \`${s.id}\`. To stop it, ${say} \`digest off ${s.id}\`. To change when it comes, ${say} a schedule such as \`digest weekly fri 08:00 Europe/Berlin\`. \`digest list\` shows ${where}'s digests.`,
  ].join("\n\n");
}

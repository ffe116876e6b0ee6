import type { Conversation } from "../../conversation/conversation.js";
import { digestReplyText, normalizeTimezone, subscribeToAnswer } from "../../digest/index.js";
import type { Catalog } from "../../domain/catalog/catalog.js";
import type { AnswerActionValue } from "../../render/answer-actions.js";
import { chartInputFromAdvice } from "../../render/chart.js";
import type { AdaptiveCard } from "../../render/teams/answer-card.js";
import type { Store, StoredAnswer } from "../../store/index.js";
import { channelOf, scopeOf, type TeamsActivity, userOf } from "./activity.js";
import { chartOutgoing } from "./chart-message.js";
import {
  answerWithDetail,
  detailCard,
  digestPlace,
  placeOf,
  subscribedText,
  summaryOf,
  turnOutgoing,
} from "./messages.js";
import type { Replier } from "./reply.js";
import type { RecentSummaries } from "./summaries.js";

export interface ActionDeps {
  conversation: Conversation;
  store: Pick<Store, "threads" | "subscriptions" | "deliveries">;
  catalog: Catalog;
  now: () => Date;
  /** DIGEST_DEFAULT_TIMEZONE, for when Teams sends no time zone for the user. */
  digestTimezone?: string;
  summaries: RecentSummaries;
}

/**
 * What a button did: the card that now stands in place of the answer (breakdown, plan), or a line
 * saying what was posted in the thread. An Action.Execute invoke answers with one or the other.
 */
export type ActionOutcome = { card: AdaptiveCard } | { message: string };

const WHAT_IF: Record<string, string> = { "what-if-10x": "10×", "what-if-0.1x": "0.1×" };

/**
 * Runs an answer's button, from an Action.Execute invoke or an Action.Submit message alike.
 * Breakdown and plan open inside the answer's card, updated in place for everyone; what-if, chart and
 * subscribe reply in the thread.
 */
export async function runAction(
  deps: ActionDeps,
  a: TeamsActivity,
  value: AnswerActionValue,
  reply: Replier,
  via: "invoke" | "submit",
  /** Whether the presser belongs to the channel (membership.ts); asked only by Subscribe. */
  isMember: () => Promise<boolean>,
): Promise<ActionOutcome> {
  const r = await deps.conversation.action(value.answerId, value.action, { userId: userOf(a) }, "teams");
  switch (r.kind) {
    case "rejected":
      // An invoke shows its message to the person who pressed; a submit has no such channel.
      if (via === "submit") await reply.send({ kind: "text", text: `Sorry: ${r.message}` });
      return { message: r.message };
    case "breakdown":
    case "plan": {
      const place = placeOf(scopeOf(a));
      const card = answerWithDetail(r.answer, r.kind, deps.summaries.get(r.answer.id), place);
      const ref = r.answer.messageRef;
      const target =
        a.replyToId ??
        (ref?.platform === "teams" && ref.conversationId === a.conversation.id ? ref.activityId : null);
      if (card && target) {
        await reply.update(target, card);
        return { card };
      }
      await reply.send({ kind: "card", card: detailCard(r.answer, r.kind, place) });
      return {
        message: `Posted the ${r.kind === "plan" ? "migration plan" : "cost breakdown"} in the thread.`,
      };
    }
    case "chart": {
      const input = chartInputFromAdvice(r.answer.advice);
      await reply.send(chartOutgoing({ title: r.title, png: r.png, answerId: r.answer.id, input }));
      return { message: "Posted the break-even chart in the thread." };
    }
    case "subscribe":
      return subscribe(deps, a, r.answer, reply, via, await isMember());
    case "what-if": {
      const posted = await reply.send(turnOutgoing(r.turn, scopeOf(a)));
      if (r.turn.kind === "answer") deps.summaries.remember(r.turn.answer.id, summaryOf(r.turn));
      if (r.turn.kind === "answer" && posted)
        await deps.store.threads.setAnswerMessage(r.turn.answer.id, {
          platform: "teams",
          conversationId: a.conversation.id,
          activityId: posted,
        });
      return {
        message:
          r.turn.kind === "answer"
            ? `Posted the answer at ${WHAT_IF[value.action] ?? "another"} the volume in the thread.`
            : "Posted in the thread.",
      };
    }
  }
}

/**
 * Subscribe: the digest module's own rule (members only, weekly on Monday 09:00 in the presser's
 * zone, else DIGEST_DEFAULT_TIMEZONE), confirmed in the thread with how to change or stop it.
 */
async function subscribe(
  deps: ActionDeps,
  a: TeamsActivity,
  answer: StoredAnswer,
  reply: Replier,
  via: "invoke" | "submit",
  isChannelMember: boolean,
): Promise<ActionOutcome> {
  const { store, catalog, now, digestTimezone } = deps;
  const r = await subscribeToAnswer(
    { store, catalog, now, defaultTimezone: digestTimezone },
    {
      channel: channelOf(a),
      actor: { userId: userOf(a), isChannelMember, timezone: normalizeTimezone(a.localTimezone ?? "") },
      answerId: answer.id,
    },
  );
  if (r.kind !== "subscribed") {
    const message = digestReplyText(r, digestPlace(scopeOf(a)));
    if (via === "submit") await reply.send({ kind: "text", text: `Sorry: ${message}` });
    return { message };
  }
  await reply.send({ kind: "text", text: subscribedText(r.subscription, r.created, scopeOf(a)) });
  return { message: r.created ? "Subscribed to a weekly digest." : "Already subscribed." };
}

import type { ContextBlock, HeaderBlock, KnownBlock, SectionBlock } from "@slack/types";
import type { NothingRead, Turn } from "../../../conversation/conversation.js";
import type { Concept } from "../../../domain/concepts.js";
import { shortSource } from "../../../render/answer-actions.js";
import { answerView } from "../../../render/answer-view.js";
import { breakdownView, helpLines, planLines } from "../../../render/detail-views.js";
import type { AdviceJson } from "../../../render/json.js";
import { answerMessages, escapeMrkdwn } from "../../../render/slack/answer-blocks.js";
import {
  clip,
  fitMessages,
  SLACK_LIMITS,
  type SlackMessage,
  splitText,
} from "../../../render/slack/limits.js";

/** Slack messages for everything the bot says besides the answer itself, built within Block Kit's limits. */

export const header = (text: string, blockId: string): HeaderBlock => ({
  type: "header",
  block_id: blockId,
  text: { type: "plain_text", text: clip(text, SLACK_LIMITS.headerText), emoji: true },
});

/** Sections of at most 3,000 characters each; `mrkdwn` is already escaped. */
export const sections = (mrkdwn: string, blockIdPrefix: string): SectionBlock[] =>
  splitText(mrkdwn, SLACK_LIMITS.sectionText).map((chunk, i) => ({
    type: "section",
    block_id: clip(`${blockIdPrefix}.${i}`, SLACK_LIMITS.blockId),
    text: { type: "mrkdwn", text: chunk },
  }));

export const context = (mrkdwn: string, blockId: string): ContextBlock => ({
  type: "context",
  block_id: blockId,
  elements: [{ type: "mrkdwn", text: clip(mrkdwn, SLACK_LIMITS.contextText) }],
});

/** One message, or several when the blocks would break a limit (the rest continue in the thread). */
const messages = (text: string, blocks: KnownBlock[]): SlackMessage[] =>
  fitMessages(escapeMrkdwn(clip(text, 300)), blocks, null);

export interface AnswerOptions {
  /** The slash command, for help texts. */
  command: string;
  /** "<@U123> asked: …" above a new answer posted in a channel. */
  askedBy?: { userId: string; question: string } | null;
  /** False when the summary was already streamed into its own message. */
  withSummary?: boolean;
}

/**
 * What a conversation turn becomes in Slack: an answer (with what changed), a concept, help, a
 * refusal, or, when nothing could be read, what the bot can change.
 */
export function turnMessages(turn: Turn | NothingRead, opts: AnswerOptions): SlackMessage[] {
  switch (turn.kind) {
    case "answer": {
      const intro: string[] = [];
      if (opts.askedBy)
        intro.push(
          `<@${opts.askedBy.userId}> asked: “${escapeMrkdwn(clip(opts.askedBy.question.replace(/\s+/g, " "), 500))}”`,
        );
      if (turn.change) intro.push(`*What changed:* ${escapeMrkdwn(clip(turn.change, 2000))}`);
      if (turn.unused.length > 0)
        intro.push(`_I could not use:_ ${escapeMrkdwn(clip(turn.unused.join("; "), 1000))}`);
      const summary = opts.withSummary === false ? "" : turn.summary.text;
      return answerMessages(answerView(turn.answer.advice), summary, turn.answer.id, intro);
    }
    case "concept":
      return conceptMessages(turn.concept);
    case "help":
      return helpMessages(opts.command);
    case "rejected":
      return rejectedMessages(turn.message);
    case "nothing-read":
      return nothingReadMessages(opts.command);
  }
}

/** A follow-up addressed to the bot from which it read nothing: a short reply, not the answer again. */
export function nothingReadMessages(command: string): SlackMessage[] {
  return noticeMessages(
    `I read nothing to change there. Try “double the volume”, “what about HIPAA?” or “with 1,000 output tokens”; \`${escapeMrkdwn(command)} help\` shows more.`,
    "nothing-read",
  );
}

export function conceptMessages(c: Concept): SlackMessage[] {
  const points = (c.points ?? []).map((p) => `• ${escapeMrkdwn(p)}`).join("\n");
  return messages(c.title, [
    header(c.title, "concept.header"),
    ...sections(escapeMrkdwn(c.answer), "concept.answer"),
    ...(points ? sections(points, "concept.points") : []),
    context(`Sources: ${escapeMrkdwn(c.sources.map(shortSource).join(", "))}`, "concept.sources"),
  ]);
}

export function helpMessages(command: string): SlackMessage[] {
  const lines = helpLines(command).map(escapeMrkdwn);
  return messages("How to ask the LLM advisor", [
    header("How to ask the LLM advisor", "help.header"),
    ...sections(lines.join("\n"), "help.body"),
    context(`\`${command}\` alone opens a form. In a direct message, just write the question.`, "help.form"),
  ]);
}

export function rejectedMessages(message: string): SlackMessage[] {
  const text = `I could not answer that: ${message}`;
  return messages(text, sections(`:warning: ${escapeMrkdwn(text)}`, "rejected"));
}

/** A short notice in a message of its own (errors, confirmations). */
export function noticeMessages(mrkdwn: string, blockId = "notice"): SlackMessage[] {
  return fitMessages(clip(mrkdwn, 300), sections(mrkdwn, blockId), null);
}

/** The "Cost breakdown" button: each top option's line items and its cost over the horizon. */
export function breakdownMessages(advice: AdviceJson): SlackMessage[] {
  const blocks: KnownBlock[] = [header("Cost breakdown", "breakdown.header")];
  breakdownView(advice).forEach((s, i) => {
    blocks.push(
      ...sections(
        [`*${escapeMrkdwn(s.title)}*`, ...s.lines.map((l) => `• ${escapeMrkdwn(l)}`)].join("\n"),
        `breakdown.${i}`,
      ),
      context(`Total: ${escapeMrkdwn(s.total)}`, `breakdown.${i}.total`),
    );
  });
  blocks.push(context(`Hosted prices as of ${advice.pricesAsOf}.`, "breakdown.footer"));
  return messages("Cost breakdown", blocks);
}

/** The "Migration plan" button: the plan's phases, or why no plan applies. */
export function planMessages(advice: AdviceJson): SlackMessage[] {
  const plan = planLines(advice);
  return messages(plan.title, [
    header(plan.title, "plan.header"),
    ...sections(plan.lines.map(escapeMrkdwn).join("\n"), "plan.body"),
  ]);
}

/** Shown beside the answer when the bot could not post in the channel; `botMention` is `<@U…>` (rendered as the bot's name). */
export const notInChannelNote = (botMention: string): string =>
  `:information_source: I am not a member of this channel, so only you can see this answer. To share answers here, invite me with /invite ${botMention}, or ask me in a direct message.`;

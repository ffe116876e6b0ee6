import type { ActionsBlock, ContextBlock, KnownBlock, SectionBlock } from "@slack/types";
import { ANSWER_ACTIONS, type AnswerActionValue, shortSource } from "../answer-actions.js";
import type { AnswerView } from "../answer-view.js";
import { clip, fitMessages, SLACK_LIMITS, type SlackMessage, splitText } from "./limits.js";

/** Slack Block Kit rendering of an answer: the same AnswerView the terminal and Teams render. */

const mrkdwn = (text: string) => ({ type: "mrkdwn" as const, text });

/** Escapes the three characters Slack's mrkdwn treats as control characters. */
export const escapeMrkdwn = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function sections(text: string, blockIdPrefix: string): SectionBlock[] {
  return splitText(text, SLACK_LIMITS.sectionText).map((chunk, i) => ({
    type: "section",
    block_id: clip(`${blockIdPrefix}.${i}`, SLACK_LIMITS.blockId),
    text: mrkdwn(chunk),
  }));
}

/** Longest text of one context element, and of one context block in all, so that any single block can move to a thread reply. */
const CONTEXT_ELEMENT_TEXT = 1000;
const CONTEXT_BLOCK_TEXT = 3000;
/** One option's field: ten of them must leave room for the rest of the message. */
const OPTION_FIELD_TEXT = 500;

/** Context blocks of at most ten elements and 3,000 characters each. */
function contexts(lines: readonly string[], blockIdPrefix: string): ContextBlock[] {
  const groups: string[][] = [];
  let group: string[] = [];
  let size = 0;
  for (const line of lines.map((l) => clip(l, CONTEXT_ELEMENT_TEXT))) {
    if (group.length === SLACK_LIMITS.contextElements || size + line.length > CONTEXT_BLOCK_TEXT) {
      groups.push(group);
      group = [];
      size = 0;
    }
    group.push(line);
    size += line.length;
  }
  if (group.length > 0) groups.push(group);
  return groups.map((g, i) => ({
    type: "context",
    block_id: clip(`${blockIdPrefix}.${i}`, SLACK_LIMITS.blockId),
    elements: g.map((l) => mrkdwn(l)),
  }));
}

/** "Assumed: a; b; …" in elements that each fit, broken between assumptions so that none is clipped. */
function assumptionLines(assumptions: readonly string[]): string[] {
  const lines: string[] = [];
  let line = "";
  for (const a of assumptions.map(escapeMrkdwn)) {
    const next = line ? `${line}; ${a}` : `Assumed: ${a}`;
    if (line && next.length > CONTEXT_ELEMENT_TEXT) {
      lines.push(line);
      line = a;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

export function answerButtons(answerId: string): ActionsBlock {
  return {
    type: "actions",
    block_id: "answer.actions",
    elements: ANSWER_ACTIONS.map((a) => ({
      type: "button" as const,
      action_id: `answer:${a.id}`,
      text: { type: "plain_text" as const, text: clip(a.label, SLACK_LIMITS.buttonText), emoji: true },
      value: clip(
        JSON.stringify({ answerId, action: a.id } satisfies AnswerActionValue),
        SLACK_LIMITS.buttonValue,
      ),
      ...(a.id === "what-if-10x" ? { style: "primary" as const } : {}),
    })),
  };
}

/**
 * The answer as Slack messages: the first starts the thread (header, summary, options, break-even,
 * reasons, assumptions, buttons); whatever would break a limit continues in thread replies.
 * `intro` lines (mrkdwn the caller has escaped: who asked, what a follow-up changed) follow the header.
 */
export function answerMessages(
  view: AnswerView,
  summary: string,
  answerId: string,
  intro: readonly string[] = [],
): SlackMessage[] {
  const blocks: KnownBlock[] = [
    {
      type: "header",
      block_id: "answer.header",
      text: {
        type: "plain_text",
        text: clip(`Verdict: ${view.verdictLabel}`, SLACK_LIMITS.headerText),
        emoji: true,
      },
    },
    ...intro.flatMap((line, i) => sections(line, `answer.intro.${i}`)),
    ...sections(escapeMrkdwn(summary), "answer.summary"),
  ];
  if (view.options.length > 0) {
    blocks.push({
      type: "section",
      block_id: "answer.options",
      text: mrkdwn("*Options* (monthly bill · per month over the horizon)"),
      fields: view.options
        .slice(0, SLACK_LIMITS.fieldsPerSection)
        .map((o) =>
          mrkdwn(
            clip(
              `*${o.rank}. ${escapeMrkdwn(o.model)}*\n${escapeMrkdwn(o.deployment)}\n${o.monthly} · ${o.perMonthOverHorizon}`,
              OPTION_FIELD_TEXT,
            ),
          ),
        ),
    });
  }
  if (view.breakEven) blocks.push(...sections(escapeMrkdwn(view.breakEven), "answer.break-even"));
  if (view.deprecations.length > 0)
    blocks.push(
      ...contexts(
        view.deprecations.map((d) => `:warning: ${escapeMrkdwn(d)}`),
        "answer.retirements",
      ),
    );
  if (view.excluded.length > 0)
    blocks.push(
      ...contexts(
        view.excluded.map((e) => `Ruled out: ${escapeMrkdwn(e)}`),
        "answer.excluded",
      ),
    );
  blocks.push(
    ...contexts(
      view.reasons.map(
        (r) =>
          `\`${r.rule}\` ${escapeMrkdwn(clip(r.text, 300))} _(${escapeMrkdwn(clip(shortSource(r.source), 200))})_`,
      ),
      "answer.reasons",
    ),
  );
  if (view.conflicts.length > 0)
    blocks.push(
      ...contexts(
        view.conflicts.map((c) => `Conflict: ${escapeMrkdwn(clip(c, 500))}`),
        "answer.conflicts",
      ),
    );
  if (view.discrepancies.length > 0) {
    blocks.push(
      ...contexts(
        view.discrepancies.map(
          (d) =>
            `Seed vs arithmetic: ${escapeMrkdwn(clip(d.claim, 400))} → ${escapeMrkdwn(clip(d.computed, 800))}`,
        ),
        "answer.discrepancies",
      ),
    );
  }
  if (view.assumptions.length > 0)
    blocks.push(...contexts(assumptionLines(view.assumptions), "answer.assumptions"));
  if (view.issues.length > 0)
    blocks.push(
      ...contexts(
        view.issues.map((i) => `Could not use: ${escapeMrkdwn(i)}`),
        "answer.issues",
      ),
    );
  blocks.push(...contexts([escapeMrkdwn(view.footer)], "answer.footer"));
  // The fallback text is mrkdwn too (notifications, screen readers): escaped like the blocks.
  return fitMessages(escapeMrkdwn(clip(view.headline, 300)), blocks, answerButtons(answerId));
}

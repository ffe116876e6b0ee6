import type { KnownBlock } from "@slack/types";
import { clip, SLACK_LIMITS, splitText } from "../render/slack/limits.js";
import {
  type AdaptiveCard,
  CARD_BUDGET_BYTES,
  type CardElement,
  card,
  cardBytes,
} from "../render/teams/answer-card.js";
import { type DigestView, digestView } from "./digest-view.js";
import type { DigestModel } from "./model.js";
import type { DigestMessage } from "./poster.js";

/**
 * One digest model → the message each platform posts: Block Kit within Slack's limits and an
 * Adaptive Card 1.5 under Teams' 28 KB, with the same words (digest-view.ts).
 * @see https://docs.slack.dev/reference/block-kit/blocks
 * @see https://adaptivecards.io/explorer/AdaptiveCard.html
 */

/** Slack mrkdwn treats &, < and > as markup. */
const esc = (t: string) => t.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

const section = (text: string): KnownBlock => ({
  type: "section",
  text: { type: "mrkdwn", text: clip(text, SLACK_LIMITS.sectionText) },
});

/** Characters one list may take, so that every list together stays inside the message budget. */
const LIST_BUDGET = 2000;

/** The lines that fit the list budget, and how many were left out. */
export function capLines(lines: readonly string[], budget = LIST_BUDGET): string[] {
  const out: string[] = [];
  let used = 0;
  for (const l of lines) {
    const line = clip(l, 500);
    if (used + line.length > budget) return [...out, `… and ${lines.length - out.length} more`];
    out.push(line);
    used += line.length + 1;
  }
  return out;
}

/** A heading and bullet lines as sections, split where one would pass the section limit. */
function sections(heading: string, lines: string[]): KnownBlock[] {
  const body = [`*${esc(heading)}*`, ...capLines(lines).map((l) => `• ${esc(l)}`)].join("\n");
  return splitText(body, SLACK_LIMITS.sectionText).map(section);
}

export function slackBlocks(v: DigestView): KnownBlock[] {
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: clip(v.title, SLACK_LIMITS.headerText) } },
    {
      type: "context",
      elements: [{ type: "mrkdwn", text: clip(esc(v.subtitle), SLACK_LIMITS.contextText) }],
    },
  ];
  if (v.problems.length > 0) blocks.push(...sections("This digest could not be computed", v.problems));
  if (v.options.length > 0)
    blocks.push(
      ...sections(
        "Options (monthly bill)",
        v.options.map((o) => `${o.rank}. ${o.model}, ${o.deployment}: ${o.figure}`),
      ),
    );
  if (v.changes.length > 0) blocks.push(...sections(v.changeHeading, v.changes));
  if (v.breakEven) blocks.push(section(esc(v.breakEven)));
  if (v.retirements.length > 0) blocks.push(...sections(":warning: Model retirements", v.retirements));
  if (v.spend) blocks.push(section(esc(v.spend)));
  const foot = [...capLines(v.notes).slice(0, SLACK_LIMITS.contextElements - 1), v.footer];
  blocks.push({
    type: "context",
    elements: foot.map((t) => ({ type: "mrkdwn" as const, text: clip(esc(t), 1000) })),
  });
  return blocks.slice(0, SLACK_LIMITS.blocksPerMessage);
}

const text = (t: string, extra: CardElement = {}): CardElement => ({
  type: "TextBlock",
  text: t,
  wrap: true,
  ...extra,
});
const heading = (t: string): CardElement => text(t, { weight: "Bolder", spacing: "Medium" });
/** Markdown bullets, which Teams renders as a list inside one TextBlock. */
const bullets = (lines: string[], extra: CardElement = {}) =>
  text(lines.map((l) => `- ${l}`).join("\n"), extra);

export function teamsCard(v: DigestView): AdaptiveCard {
  const body: CardElement[] = [
    text(v.title, { size: "Large", weight: "Bolder", style: "heading" }),
    text(v.subtitle, { size: "Small", isSubtle: true, spacing: "None" }),
  ];
  if (v.problems.length > 0) body.push(heading("This digest could not be computed"), bullets(v.problems));
  if (v.options.length > 0)
    body.push(heading("Options (monthly bill)"), {
      type: "FactSet",
      facts: v.options.map((o) => ({
        title: `${o.rank}. ${o.model}`,
        value: `${o.figure} · ${o.deployment}`,
      })),
    });
  if (v.changes.length > 0) body.push(heading(v.changeHeading), bullets(v.changes));
  if (v.breakEven) body.push(text(v.breakEven));
  if (v.retirements.length > 0)
    body.push(heading("Model retirements"), bullets(v.retirements, { color: "Warning" }));
  if (v.spend) body.push(text(v.spend));
  const foot = [...v.notes, v.footer].map((t) => text(t, { size: "Small", isSubtle: true }));
  // Only a very long problem list could pass the budget; shorten lists until the card fits.
  // Clients that cannot show the card, and notifications, read the title instead.
  let c = card([...body, ...foot], undefined, v.title);
  for (let keep = 20; cardBytes(c) > CARD_BUDGET_BYTES && keep > 0; keep = Math.floor(keep / 2)) {
    c = card([...body.map((e) => shorten(e, keep)), ...foot], undefined, v.title);
  }
  return c;
}

function shorten(e: CardElement, keep: number): CardElement {
  if (e.type !== "TextBlock" || typeof e.text !== "string") return e;
  const lines = e.text.split("\n");
  return lines.length > keep ? { ...e, text: [...lines.slice(0, keep), "- …"].join("\n") } : e;
}

/** The digest as Slack and Teams post it; `text` is the notification and fallback line. */
export function renderDigest(model: DigestModel): DigestMessage {
  const v = digestView(model);
  return { text: clip(v.summary, 300), slackBlocks: slackBlocks(v), teamsCard: teamsCard(v) };
}

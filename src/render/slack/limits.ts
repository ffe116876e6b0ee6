import type { KnownBlock } from "@slack/types";

/**
 * Block Kit's limits, as Slack documents them; builders stay under them by construction.
 * @see https://docs.slack.dev/reference/block-kit/blocks
 */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  blocksPerView: 100,
  sectionText: 3000,
  fieldsPerSection: 10,
  fieldText: 2000,
  headerText: 150,
  buttonText: 75,
  actionId: 255,
  blockId: 255,
  buttonValue: 2000,
  actionsElements: 25,
  contextElements: 10,
  contextText: 3000,
  /** Slack truncates a message's total text past 12,000 characters (blocks and fallback text). */
  messageText: 12000,
  /** What our messages aim for, leaving room for Slack's own additions. */
  messageTextBudget: 11000,
} as const;

/** Cuts text to a limit, ending with an ellipsis when it had to cut. */
export function clip(text: string, limit: number): string {
  if (text.length <= limit) return text;
  return `${text.slice(0, Math.max(0, limit - 1)).trimEnd()}…`;
}

/**
 * Splits Markdown into chunks of at most `limit` characters, at line breaks where possible, so a
 * long text becomes several sections instead of a rejected one.
 */
export function splitText(text: string, limit: number): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const cut = rest.lastIndexOf("\n", limit);
    const at = cut > limit / 2 ? cut : limit;
    chunks.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^\n/, "");
  }
  if (rest.length > 0) chunks.push(rest);
  return chunks;
}

/** The visible text of blocks, counted the way Slack's message-length limit counts it. */
export function blocksTextLength(blocks: readonly KnownBlock[]): number {
  let n = 0;
  const add = (t: { text?: string } | undefined) => {
    n += t?.text?.length ?? 0;
  };
  for (const b of blocks) {
    if (b.type === "section") {
      add(b.text);
      for (const f of b.fields ?? []) add(f);
    } else if (b.type === "header") add(b.text);
    else if (b.type === "context") for (const e of b.elements) if ("text" in e) add(e as { text: string });
  }
  return n;
}

/** A message: fallback text for notifications and the blocks. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/**
 * Splits blocks into messages that each fit: at most 50 blocks and the text budget. The first
 * message keeps `pinnedLast` (the buttons) at its end; later messages go into the thread.
 */
export function fitMessages(
  text: string,
  blocks: readonly KnownBlock[],
  pinnedLast: KnownBlock | null,
): SlackMessage[] {
  const messages: SlackMessage[] = [];
  let current: KnownBlock[] = [];
  const reserve = pinnedLast ? 1 : 0;
  const limitFor = () =>
    messages.length === 0 ? SLACK_LIMITS.blocksPerMessage - reserve : SLACK_LIMITS.blocksPerMessage;
  for (const b of blocks) {
    const over =
      current.length + 1 > limitFor() ||
      blocksTextLength([...current, b]) + text.length > SLACK_LIMITS.messageTextBudget;
    if (over && current.length > 0) {
      messages.push({
        text: messages.length === 0 ? text : `${clip(text, 100)} (continued)`,
        blocks: current,
      });
      current = [];
    }
    current.push(b);
  }
  if (current.length > 0 || messages.length === 0) {
    messages.push({ text: messages.length === 0 ? text : `${clip(text, 100)} (continued)`, blocks: current });
  }
  const first = messages[0];
  if (first && pinnedLast) first.blocks.push(pinnedLast);
  return messages;
}

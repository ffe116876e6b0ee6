import type { Context, KnownEventFromType } from "@slack/bolt";
import type { GenericMessageEvent } from "@slack/types";

/** Small readings of Slack payloads shared by the event listeners. */

/** What the listeners read of a person's message, whichever subtype carried it. */
export interface PersonMessage {
  channel: string;
  channel_type: GenericMessageEvent["channel_type"];
  user: string;
  text: string;
  ts: string;
  thread_ts?: string;
}

/**
 * A person's message, or null for edits, joins, bot posts and other subtypes. A reply also sent to
 * the channel (`thread_broadcast`) and a message with a file (`file_share`) count: their text is
 * the question or follow-up.
 * @see https://docs.slack.dev/reference/events/message
 */
export function personMessage(message: KnownEventFromType<"message">): PersonMessage | null {
  if (message.subtype === undefined) {
    if (message.bot_id || message.bot_profile || !message.user) return null;
  } else if (message.subtype === "thread_broadcast" || message.subtype === "file_share") {
    if ("bot_id" in message && message.bot_id) return null;
    if (!message.user) return null;
  } else return null;
  return {
    channel: message.channel,
    channel_type: message.channel_type,
    user: message.user,
    text: message.text ?? "",
    ts: message.ts,
    ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
  };
}

/** The text without mentions of the bot ("<@U0BOT> double the volume" → "double the volume"). */
export function stripMention(text: string, botUserId: string | undefined): string {
  const mention = botUserId
    ? new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, "g")
    : /^\s*<@[A-Z0-9]+(?:\|[^>]*)?>/;
  return text.replace(mention, " ").replace(/\s+/g, " ").trim();
}

export const mentions = (text: string | undefined, botUserId: string | undefined): boolean =>
  botUserId !== undefined && (text ?? "").includes(`<@${botUserId}`);

/**
 * One key per message, whichever event brought it: a retry (X-Slack-Retry-Num), a duplicate, or the
 * message and app_mention events Slack sends for the same mention.
 */
export const messageKey = (teamId: string, channel: string, ts: string): string =>
  `slack:message:${teamId}:${channel}:${ts}`;

/** The workspace of an event: from the authorization Bolt resolved, or the payload. */
export const teamOf = (context: Context, body: { team_id?: string }): string =>
  context.teamId ?? body.team_id ?? context.enterpriseId ?? "unknown";

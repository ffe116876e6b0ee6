import type { Context, KnownEventFromType } from "@slack/bolt";
import type { GenericMessageEvent } from "@slack/types";

/** Small readings of Slack payloads shared by the event listeners. */

/** A person's plain message, or null for edits, joins, bot posts and other subtypes. */
export function personMessage(message: KnownEventFromType<"message">): GenericMessageEvent | null {
  if (message.subtype !== undefined) return null;
  if (message.bot_id || message.bot_profile || !message.user) return null;
  return message;
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

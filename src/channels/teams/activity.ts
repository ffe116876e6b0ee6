import { z } from "zod";
import { ANSWER_ACTIONS, type AnswerActionValue } from "../../render/answer-actions.js";
import type { ChannelKey, ThreadKey } from "../../store/index.js";

/**
 * The fields of an incoming Teams activity this surface reads, checked at the edge (STYLE 14), and
 * what they mean for the conversation: which thread, which channel, whether the bot was addressed.
 * Teams marks a channel thread in the conversation id: `19:…@thread.tacv2;messageid=<root id>`.
 * @see https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/conversation-messages
 */

const AccountSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().optional(),
  /** The user's Microsoft Entra object id: stable across the user's chats, unlike `id`. */
  aadObjectId: z.string().optional(),
});

export const TeamsActivitySchema = z.looseObject({
  type: z.string(),
  id: z.string().optional(),
  text: z.string().optional(),
  from: AccountSchema,
  recipient: AccountSchema,
  conversation: z.looseObject({
    id: z.string().min(1).max(512),
    conversationType: z.string().optional(),
    tenantId: z.string().optional(),
  }),
  channelData: z.looseObject({ tenant: z.looseObject({ id: z.string().min(1) }).optional() }).optional(),
  entities: z
    .array(
      z.looseObject({
        type: z.string(),
        mentioned: z.looseObject({ id: z.string() }).optional(),
      }),
    )
    .optional(),
  replyToId: z.string().optional(),
  value: z.unknown().optional(),
  /** The sender's IANA time zone, as the Teams client reports it (e.g. "Europe/Berlin"). */
  localTimezone: z.string().max(64).optional(),
});
export type TeamsActivity = z.infer<typeof TeamsActivitySchema>;

export type ConversationScope = "personal" | "channel" | "groupChat";

/** Where the message was written; the Emulator and local tests may leave the type out (a 1:1 chat). */
export function scopeOf(a: TeamsActivity): ConversationScope {
  const t = a.conversation.conversationType;
  return t === "channel" || t === "groupChat" ? t : "personal";
}

/** The tenant, as Teams sends it; "local" when a test client sends none. */
export const tenantOf = (a: TeamsActivity): string =>
  a.channelData?.tenant?.id ?? a.conversation.tenantId ?? "local";

/** `19:abc@thread.tacv2;messageid=1700` → `19:abc@thread.tacv2`: the channel or chat itself. */
export const baseConversationId = (id: string): string => id.split(";")[0] ?? id;

const MESSAGE_ID = /;messageid=([^;]+)/;

/**
 * The thread a message starts. A channel's thread is its reply chain (the root post's id); a new post
 * starts one. A 1:1 or group chat has no reply chains, so a message there starts a thread of its own
 * id; which earlier thread it continues instead is chat-threads.ts's to find.
 */
export function threadOf(a: TeamsActivity): ThreadKey {
  const channelId = baseConversationId(a.conversation.id);
  const root = MESSAGE_ID.exec(a.conversation.id)?.[1];
  const threadId = scopeOf(a) === "channel" ? (root ?? a.id ?? channelId) : (a.id ?? channelId);
  return { platform: "teams", workspaceId: tenantOf(a), channelId, threadId };
}

/** The channel or chat, for digest subscriptions and the stored conversation reference. */
export function channelOf(a: TeamsActivity): ChannelKey {
  return { platform: "teams", workspaceId: tenantOf(a), channelId: baseConversationId(a.conversation.id) };
}

/** The person: their Entra object id when Teams sends it, so a user is the same in every chat. */
export const userOf = (a: TeamsActivity): string => a.from.aadObjectId ?? a.from.id;

/** Whether the message @mentions this bot; outside 1:1 chats the bot answers only then. */
export const mentionsBot = (a: TeamsActivity): boolean =>
  (a.entities ?? []).some((e) => e.type.toLowerCase() === "mention" && e.mentioned?.id === a.recipient.id);

/** Mentions left after the bot's own was removed (`<at>Someone</at>`) become plain names. */
export const plainText = (text: string): string =>
  text
    .replace(/<at>(.*?)<\/at>/g, "$1")
    .replace(/&nbsp;/g, " ")
    .replace(/\s+/g, " ")
    .trim();

const ACTION_IDS = ANSWER_ACTIONS.map((a) => a.id) as [
  AnswerActionValue["action"],
  ...AnswerActionValue["action"][],
];

/** What an answer card's button carries (Action.Execute `data`, or an Action.Submit message's `value`). */
export const AnswerActionValueSchema = z.object({
  answerId: z.string().min(1).max(100),
  action: z.enum(ACTION_IDS),
});

/** The button's value, or null when the payload is not one of ours. */
export function actionValueOf(value: unknown): AnswerActionValue | null {
  const r = AnswerActionValueSchema.safeParse(value);
  return r.success ? r.data : null;
}

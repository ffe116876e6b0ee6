import { z } from "zod";
import { ProfileSchema } from "../domain/profile.js";
import { AdviceJsonSchema } from "../render/json.js";

/**
 * What the store keeps, as zod schemas (STYLE 14): values are checked before they are written and
 * rows are checked again when read back, so a corrupt row is a coded error rather than a crash later.
 */

export const PLATFORMS = ["slack", "teams", "console"] as const;
export const PlatformSchema = z.enum(PLATFORMS);
export type Platform = z.infer<typeof PlatformSchema>;

/** Platform ids: Slack's are short; Teams conversation ids can run to a few hundred characters. */
const PlatformId = z.string().min(1).max(512);

/** A conversation thread: Slack team + channel + thread_ts; Teams tenant + conversation + reply chain root. */
export const ThreadKeySchema = z.object({
  platform: PlatformSchema,
  workspaceId: PlatformId,
  channelId: PlatformId,
  threadId: PlatformId,
});
export type ThreadKey = z.infer<typeof ThreadKeySchema>;

/** A person on one platform: Slack team + user; Teams tenant + AAD object id. */
export const UserKeySchema = z.object({
  platform: PlatformSchema,
  workspaceId: PlatformId,
  userId: PlatformId,
});
export type UserKey = z.infer<typeof UserKeySchema>;

/** A channel on one platform: Slack team + channel; Teams tenant + conversation. */
export const ChannelKeySchema = z.object({
  platform: PlatformSchema,
  workspaceId: PlatformId,
  channelId: PlatformId,
});
export type ChannelKey = z.infer<typeof ChannelKeySchema>;

/** Where a posted message lives, to update it later: Slack channel + ts, Teams conversation + activity id. */
export const MessageRefSchema = z.discriminatedUnion("platform", [
  z.object({ platform: z.literal("slack"), channel: PlatformId, ts: PlatformId }),
  z.object({ platform: z.literal("teams"), conversationId: PlatformId, activityId: PlatformId }),
]);
export type MessageRef = z.infer<typeof MessageRefSchema>;

export const StoredAnswerSchema = z.object({
  /** Carried by button values, so a button on an old message finds its answer after a restart. */
  id: z.string(),
  thread: ThreadKeySchema,
  userId: PlatformId,
  /** What the user asked, when the surface chose to keep it (App Home lists it); null otherwise. */
  question: z.string().max(10_000).nullable(),
  /** The Profile before defaults, as the next follow-up's starting point. */
  profile: ProfileSchema,
  /** The JSON contract every surface renders from. */
  advice: AdviceJsonSchema,
  messageRef: MessageRefSchema.nullable(),
  createdAt: z.date(),
});
export type StoredAnswer = z.infer<typeof StoredAnswerSchema>;

export const StoredThreadSchema = z.object({
  key: ThreadKeySchema,
  profile: ProfileSchema,
  latestAnswerId: z.string(),
  answerCount: z.number().int().nonnegative(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type StoredThread = z.infer<typeof StoredThreadSchema>;

/** Five cron fields (minute hour day-of-month month day-of-week) read in an IANA time zone. */
export const ScheduleSchema = z.object({
  cron: z
    .string()
    .trim()
    .max(200)
    .regex(/^\S+(\s+\S+){4}$/, { error: "a schedule is five cron fields, e.g. '0 9 * * 1'" }),
  timezone: z.string().trim().min(1).max(64),
});
export type Schedule = z.infer<typeof ScheduleSchema>;

export const SubscriptionSchema = z.object({
  id: z.string(),
  channel: ChannelKeySchema,
  /** The Profile whose costs the digest recomputes. */
  profile: ProfileSchema,
  /** The answer the subscription was made from; null once that answer is gone or when made otherwise. */
  answerId: z.string().nullable(),
  schedule: ScheduleSchema,
  createdBy: PlatformId,
  active: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Subscription = z.infer<typeof SubscriptionSchema>;

export const DELIVERY_STATES = ["intended", "posted", "failed"] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export const DeliverySchema = z.object({
  id: z.string(),
  subscriptionId: z.string(),
  /** The schedule period this digest is for, e.g. "2026-11-23T09:00Z"; chosen by the scheduler. */
  periodKey: z.string(),
  /** Put into the posted message's metadata so a restarted scheduler can find a post it did not record. */
  idempotencyKey: z.string(),
  state: z.enum(DELIVERY_STATES),
  /** 1 for the first claim; each takeover of a crashed or retryable attempt adds one. */
  attempt: z.number().int().positive(),
  /** Until then the claimer owns an "intended" delivery; after it, another process may take over. */
  leaseExpiresAt: z.date(),
  messageRef: MessageRefSchema.nullable(),
  errorCode: z.string().nullable(),
  /** For "failed": whether the scheduler may claim the period again. */
  retryable: z.boolean(),
  /** The catalog snapshot the posted digest was computed from. */
  snapshotId: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Delivery = z.infer<typeof DeliverySchema>;

export const CatalogSnapshotSchema = z.object({
  id: z.string(),
  /** SHA-256 of the data's canonical JSON (keys sorted): equal prices, equal hash. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  /** The prices' date, YYYY-MM-DD. */
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** The prices and ids a digest used, as the digest composer chose to record them. */
  data: z.json(),
  createdAt: z.date(),
  /** The last time these exact prices were saved; "latest" and "previous" order by it. */
  lastSeenAt: z.date(),
});
export type CatalogSnapshot = z.infer<typeof CatalogSnapshotSchema>;

/**
 * A Bot Framework ConversationReference as JSON: the fields a proactive message needs are checked,
 * the rest is kept as given (src/store does not import botbuilder).
 */
export const ConversationReferenceJsonSchema = z.looseObject({
  serviceUrl: z.string().min(1),
  conversation: z.looseObject({ id: z.string().min(1) }),
});
export type ConversationReferenceJson = z.infer<typeof ConversationReferenceJsonSchema>;

export const StoredConversationReferenceSchema = z.object({
  tenantId: PlatformId,
  conversationId: PlatformId,
  reference: ConversationReferenceJsonSchema,
  updatedAt: z.date(),
});
export type StoredConversationReference = z.infer<typeof StoredConversationReferenceSchema>;

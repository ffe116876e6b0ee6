import type { Profile } from "../domain/profile.js";
import type { AdviceJson } from "../render/json.js";
import type {
  CatalogSnapshot,
  ChannelKey,
  ConversationReferenceJson,
  Delivery,
  DeliveryState,
  MessageRef,
  Platform,
  Schedule,
  StoredAnswer,
  StoredConversationReference,
  StoredThread,
  Subscription,
  ThreadKey,
  UserKey,
} from "./schemas.js";

/**
 * Persistence for every surface, behind one interface (STYLE 1.2). Two implementations share one SQL
 * schema: PGlite in-process (the default, one process) and PostgreSQL (several replicas). Each part is
 * its own narrow port, so a listener can depend on `Store["threads"]` alone.
 */
export interface Store {
  readonly kind: "pglite" | "postgres";
  readonly threads: ThreadStore;
  readonly events: EventClaims;
  readonly subscriptions: SubscriptionStore;
  readonly deliveries: DeliveryLedger;
  readonly snapshots: CatalogSnapshots;
  readonly conversations: ConversationReferences;
  /** Resolves when the database answers a trivial query (readiness probe); rejects otherwise. */
  ping(): Promise<void>;
  /** Releases the database (graceful shutdown: call once the surfaces stopped taking work); idempotent. */
  close(): Promise<void>;
}

export interface NewAnswer {
  thread: ThreadKey;
  userId: string;
  question?: string | null;
  profile: Profile;
  advice: AdviceJson;
  messageRef?: MessageRef | null;
}

/** Threads and their answers: a follow-up loads the thread's Profile, applies its delta, saves the result. */
export interface ThreadStore {
  /**
   * Stores an answer and makes its Profile the thread's, in one transaction. Save before posting so
   * the buttons can carry the returned `id`; attach the posted message with `setAnswerMessage`.
   */
  saveAnswer(answer: NewAnswer): Promise<StoredAnswer>;
  /** The thread's current Profile, or null for a thread the bot has not answered in. */
  getThread(key: ThreadKey): Promise<StoredThread | null>;
  /** The thread's answers, newest first. */
  listThreadAnswers(key: ThreadKey, limit?: number): Promise<StoredAnswer[]>;
  /** The answer a button's value names, or null if there is none. */
  getAnswer(id: string): Promise<StoredAnswer | null>;
  /** Records where the answer was posted; false when no answer has that id. */
  setAnswerMessage(id: string, ref: MessageRef): Promise<boolean>;
  /** A user's latest answers across threads, newest first (App Home). */
  listRecentAnswers(user: UserKey, limit?: number): Promise<StoredAnswer[]>;
  /**
   * The channel's most recent answer, in whichever thread; whoever asked, or only `userId`'s when
   * given (a Teams chat, where each person follows up on their own); null when there is none.
   */
  latestInChannel(channel: ChannelKey, userId?: string): Promise<StoredAnswer | null>;
  /** The thread an answer belongs to, as it is now (its latest Profile); null when the answer is gone. */
  threadOfAnswer(answerId: string): Promise<StoredThread | null>;
}

/**
 * "Handle this event once", across replicas: Slack retries (X-Slack-Retry-Num) and duplicate events
 * find the claim taken. A claim lasts `ttlMs`; `prune` deletes expired claims.
 */
export interface EventClaims {
  /** True for exactly one caller per key until the claim expires. */
  claim(eventKey: string, ttlMs: number): Promise<boolean>;
  /** Gives the key back when the handler failed before answering, so a retry may answer. */
  release(eventKey: string): Promise<void>;
  /** Deletes expired claims; returns how many. */
  prune(): Promise<number>;
}

export interface NewSubscription {
  channel: ChannelKey;
  profile: Profile;
  answerId?: string | null;
  schedule: Schedule;
  createdBy: string;
}

export interface SubscriptionFilter {
  platform: Platform;
  workspaceId: string;
  /** Left out: every channel of the workspace or tenant. */
  channelId?: string;
  activeOnly?: boolean;
}

export interface SubscriptionPatch {
  schedule?: Schedule;
  profile?: Profile;
  active?: boolean;
}

export interface SubscriptionStore {
  /**
   * Subscribing again from the same answer in the same channel returns the existing subscription,
   * switched on with the new schedule (`created: false`), so a double click makes one subscription.
   */
  create(input: NewSubscription): Promise<{ subscription: Subscription; created: boolean }>;
  get(id: string): Promise<Subscription | null>;
  /** Subscriptions whose id starts with `prefix`, in any workspace, oldest first (the CLI's short ids). */
  findByIdPrefix(prefix: string, limit?: number): Promise<Subscription[]>;
  /** Oldest first. */
  list(filter: SubscriptionFilter): Promise<Subscription[]>;
  /** Every active subscription, for the scheduler; corrupt rows are logged and left out. */
  listActive(): Promise<Subscription[]>;
  /** The updated subscription, or null when there is none with that id. */
  update(id: string, patch: SubscriptionPatch): Promise<Subscription | null>;
  /** Deletes the subscription and its delivery ledger; false when there was none. */
  delete(id: string): Promise<boolean>;
}

/** The right to post one digest: present it to `markPosted` / `markFailed`. */
export interface DeliveryClaim {
  deliveryId: string;
  idempotencyKey: string;
  attempt: number;
  /**
   * True when this claim takes over an attempt that never recorded its outcome (a crash, or a lease
   * that ran out): that attempt may have posted, so look for `idempotencyKey` on the platform first.
   */
  recovering: boolean;
}

export type DeliveryClaimResult =
  | ({ claimed: true } & DeliveryClaim)
  | { claimed: false; state: DeliveryState; delivery: Delivery }
  | { claimed: false; state: "subscription-inactive" };

/**
 * The digest delivery ledger, keyed by (subscription, period). Protocol for exactly one post per key,
 * across processes and crashes:
 * 1. `claim(subscriptionId, periodKey)` inserts an "intended" row with a fresh idempotency key and a
 *    lease, atomically (INSERT ... ON CONFLICT): one caller gets `claimed: true`; the others get the
 *    row's state. An "intended" row whose lease ran out (its claimer crashed) or a retryable failure
 *    is taken over by the next claim (attempt + 1, `recovering` when the outcome was unknown).
 * 2. When `recovering`, first look for a message carrying the key; if one is there, record it
 *    instead of posting again.
 * 3. Right before posting, `renew(claim, leaseMs)`: it extends the lease only while this attempt still
 *    holds the row, atomically; on false another process took over, so do not post.
 * 4. Post the digest with the idempotency key in the message's metadata.
 * 5. `markPosted(claim, ref)` or `markFailed(claim, code)`. Both apply only to the attempt that still
 *    holds the row, so a claimer that lost its lease learns it (false) instead of overwriting.
 * A crash between 4 and 5 leaves "intended": `listUnfinished` shows it once the lease has run out.
 * What remains: a post still in flight when its renewed lease runs out (a post slower than the lease,
 * or a process paused that long) can land after a successor searched and posted; the late claimer's
 * markPosted then returns false, so it is reported, not hidden. Choose a lease well above the post timeout.
 */
export interface DeliveryLedger {
  claim(
    subscriptionId: string,
    periodKey: string,
    options?: { leaseMs?: number },
  ): Promise<DeliveryClaimResult>;
  /** Extends the lease of an attempt that still holds the delivery; false when it was taken over. */
  renew(claim: Pick<DeliveryClaim, "deliveryId" | "attempt">, leaseMs: number): Promise<boolean>;
  /** True when this attempt moved the delivery to "posted". */
  markPosted(
    claim: Pick<DeliveryClaim, "deliveryId" | "attempt">,
    ref: MessageRef,
    options?: { snapshotId?: string | null },
  ): Promise<boolean>;
  /** True when this attempt moved the delivery to "failed". Retryable: nothing was posted, claim again. */
  markFailed(
    claim: Pick<DeliveryClaim, "deliveryId" | "attempt">,
    errorCode: string,
    options?: { retryable?: boolean },
  ): Promise<boolean>;
  get(subscriptionId: string, periodKey: string): Promise<Delivery | null>;
  /** Deliveries of active subscriptions left "intended" past their lease: crashed attempts, outcome unknown. */
  listUnfinished(): Promise<Delivery[]>;
  /**
   * The subscription's latest posted digest (for "prices changed since the last digest"); with
   * `before`, the latest one of an earlier period, so a digest is never compared with itself.
   */
  lastPosted(subscriptionId: string, options?: { before?: string }): Promise<Delivery | null>;
  /**
   * Deletes finished deliveries beyond the newest `keepPerSubscription` of their subscription or
   * created before `olderThan`; never an intent in flight, a subscription's newest row (its period
   * would be posted again) or its latest posted one. Returns how many were deleted.
   */
  prune(policy: { keepPerSubscription: number; olderThan: Date }): Promise<number>;
}

/** Catalog snapshots, deduplicated by hash, so a digest can say what changed since the previous one. */
export interface CatalogSnapshots {
  /** Saves the snapshot, or marks the identical one already stored as seen now; returns the stored one. */
  save(input: { asOf: string; data: unknown }): Promise<CatalogSnapshot>;
  get(id: string): Promise<CatalogSnapshot | null>;
  /** The most recently seen snapshots, newest first: `[latest, previous]` with the default limit. */
  latest(limit?: number): Promise<CatalogSnapshot[]>;
  /** Deletes snapshots last seen before `olderThan` that no delivery names; returns how many. */
  prune(olderThan: Date): Promise<number>;
}

/** Teams conversation references, for proactive digests. */
export interface ConversationReferences {
  /** Inserts or replaces the reference for (tenant, conversation). */
  save(input: {
    tenantId: string;
    conversationId: string;
    reference: ConversationReferenceJson;
  }): Promise<void>;
  get(tenantId: string, conversationId: string): Promise<StoredConversationReference | null>;
}

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
 * 2. Post the digest with the idempotency key in the message's metadata. When `recovering`, first look
 *    for a message carrying that key; if one is there, record it instead of posting again.
 * 3. `markPosted(claim, ref)` or `markFailed(claim, code)`. Both apply only to the attempt that still
 *    holds the row, so a claimer that lost its lease learns it (false) instead of overwriting.
 * A crash between 2 and 3 leaves "intended": `listUnfinished` shows it once the lease has run out.
 * Choose a lease longer than posting can take; otherwise a slow claimer and its successor can both post.
 */
export interface DeliveryLedger {
  claim(
    subscriptionId: string,
    periodKey: string,
    options?: { leaseMs?: number },
  ): Promise<DeliveryClaimResult>;
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
  /** The subscription's latest posted digest (for "prices changed since the last digest"). */
  lastPosted(subscriptionId: string): Promise<Delivery | null>;
}

/** Catalog snapshots, deduplicated by hash, so a digest can say what changed since the previous one. */
export interface CatalogSnapshots {
  /** Saves the snapshot, or marks the identical one already stored as seen now; returns the stored one. */
  save(input: { asOf: string; data: unknown }): Promise<CatalogSnapshot>;
  get(id: string): Promise<CatalogSnapshot | null>;
  /** The most recently seen snapshots, newest first: `[latest, previous]` with the default limit. */
  latest(limit?: number): Promise<CatalogSnapshot[]>;
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

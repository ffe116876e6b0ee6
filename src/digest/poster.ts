import type { KnownBlock } from "@slack/types";
import type { AdaptiveCard } from "../render/teams/answer-card.js";
import type { ChannelKey, MessageRef } from "../store/index.js";

/** A digest as each platform posts it, rendered once from one digest model. */
export interface DigestMessage {
  /** Notification and fallback text. */
  text: string;
  slackBlocks: KnownBlock[];
  teamsCard: AdaptiveCard;
}

/**
 * How the digest scheduler reaches a platform. Slack and Teams each implement it in their own
 * folder; the scheduler only sees this port.
 */
export interface DigestPoster {
  readonly platform: "slack" | "teams";
  /**
   * Whether `findPosted` can look a posted message up by its idempotency key. When it cannot, a
   * delivery whose outcome a crash left unknown is not posted again (at most once).
   */
  readonly canSearch: boolean;
  /** Posts into the channel, carrying the idempotency key in the message's metadata. */
  post(channel: ChannelKey, message: DigestMessage, idempotencyKey: string): Promise<MessageRef>;
  /** The message posted with this key since `since`, if any (used when recovering after a crash). */
  findPosted(channel: ChannelKey, idempotencyKey: string, since: Date): Promise<MessageRef | null>;
}

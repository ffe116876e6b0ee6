import { ActivityTypes, CardFactory, type CloudAdapter, type ConversationReference } from "botbuilder";
import type { DigestMessage, DigestPoster } from "../../digest/poster.js";
import type { Logger } from "../../logging.js";
import type { Metrics } from "../../metrics.js";
import type { ChannelKey, MessageRef, Store } from "../../store/index.js";
import { asTeamsError, connectorStatus, logFields, TeamsError } from "./errors.js";

/**
 * A failed digest post, with what the delivery ledger needs: its code there and whether another
 * attempt may post. The Bot Connector cannot be searched for an earlier post, so only failures that
 * leave nothing in the channel (as far as HTTP can tell) are retryable: 429 and 5xx answers, a
 * connection refused or reset, and a channel whose conversation reference is not stored yet. A
 * timeout or anything else unknown may have posted, so it is final ("outcome-unknown", at most once).
 */
export class TeamsDigestPostError extends TeamsError {
  /** The delivery ledger's code: "http-429", "ECONNREFUSED", "outcome-unknown", ... */
  readonly ledgerCode: string;
  readonly retryable: boolean;

  constructor(from: TeamsError, ledgerCode: string, retryable: boolean) {
    super(from.code, from.message);
    this.name = "TeamsDigestPostError";
    this.ledgerCode = ledgerCode;
    this.retryable = retryable;
  }
}

/** Network failures before the request reached the Bot Connector (reset: as the retry policy counts it). */
const NOT_SENT = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);

/** The ledger's code for a failed post, and whether it may be retried (see TeamsDigestPostError). */
export function classifyPostFailure(error: unknown): { ledgerCode: string; retryable: boolean } {
  if (error instanceof TeamsError && error.code === "no-conversation-reference")
    return { ledgerCode: error.code, retryable: true };
  const status = connectorStatus(error);
  if (status !== null) return { ledgerCode: `http-${status}`, retryable: status === 429 || status >= 500 };
  const raw = (error as { code?: unknown; cause?: { code?: unknown } } | null) ?? {};
  const code =
    typeof raw.code === "string" ? raw.code : typeof raw.cause?.code === "string" ? raw.cause.code : null;
  if (code !== null && NOT_SENT.has(code)) return { ledgerCode: code, retryable: true };
  return { ledgerCode: "outcome-unknown", retryable: false };
}

export interface TeamsDigestPosterDeps {
  adapter: Pick<CloudAdapter, "continueConversationAsync">;
  /** The bot's Microsoft App ID; "" when Teams runs unauthenticated for local testing. */
  appId: string;
  store: Pick<Store, "conversations">;
  logger: Logger;
  metrics: Pick<Metrics, "platformApiErrors">;
}

/**
 * Posts digests into Teams channels and chats proactively, from the conversation reference the bot
 * stored when it was last addressed there. The Bot Connector API cannot list or search a channel's
 * messages, so a post whose outcome a crash left unknown is not looked for (`canSearch: false`);
 * the idempotency key still travels in the activity's `channelData` for anyone inspecting it.
 * @see https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages
 */
export class TeamsDigestPoster implements DigestPoster {
  readonly platform = "teams" as const;
  readonly canSearch = false;

  constructor(private readonly deps: TeamsDigestPosterDeps) {}

  async post(channel: ChannelKey, message: DigestMessage, idempotencyKey: string): Promise<MessageRef> {
    const stored = await this.deps.store.conversations.get(channel.workspaceId, channel.channelId);
    if (!stored) {
      const missing = new TeamsError(
        "no-conversation-reference",
        "no stored conversation reference for this channel; the bot must be addressed there once",
      );
      throw new TeamsDigestPostError(missing, missing.code, true);
    }
    // Stored by bot.ts from TurnContext.getConversationReference; the store checks only its core fields.
    const reference = stored.reference as unknown as Partial<ConversationReference>;
    // Set inside the turn below; an object, since the compiler does not track assignments in callbacks.
    const out: { id: string | null; failure: unknown } = { id: null, failure: null };
    try {
      // The adapter hands errors thrown inside the turn to onTurnError, which would answer in the
      // channel; a digest's failure belongs to the scheduler, so it is carried out of the turn here.
      await this.deps.adapter.continueConversationAsync(this.deps.appId, reference, async (context) => {
        // A digest is a new post (sendToConversation), not a reply to the continuation event the SDK
        // makes up, whose id it would otherwise put into replyToId.
        context.onSendActivities(async (_context, activities, next) => {
          for (const activity of activities) delete activity.replyToId;
          return next();
        });
        try {
          const r = await context.sendActivity({
            type: ActivityTypes.Message,
            summary: message.text,
            attachments: [CardFactory.adaptiveCard(message.teamsCard)],
            channelData: { llmAdvisor: { idempotencyKey } },
          });
          out.id = r?.id ?? null;
        } catch (error) {
          out.failure = error;
        }
      });
    } catch (error) {
      out.failure = error;
    }
    if (out.failure !== null) throw this.failed(out.failure, stored.conversationId);
    if (!out.id)
      throw new TeamsError("connector", "the Bot Connector accepted the digest but returned no id");
    return {
      platform: "teams",
      conversationId: reference.conversation?.id ?? stored.conversationId,
      activityId: out.id,
    };
  }

  private failed(error: unknown, conversationId: string): TeamsDigestPostError {
    const status = connectorStatus(error);
    this.deps.metrics.platformApiErrors.inc({
      platform: "teams",
      method: "sendToConversation",
      code: status === null ? "error" : String(status),
    });
    const { ledgerCode, retryable } = classifyPostFailure(error);
    this.deps.logger.warn(
      { ...logFields(error), conversationId, ledgerCode, retryable },
      "teams digest post failed",
    );
    return new TeamsDigestPostError(asTeamsError(error), ledgerCode, retryable);
  }

  /** Always null: the Bot Connector cannot search a conversation (see canSearch). */
  async findPosted(_channel: ChannelKey, _idempotencyKey: string, _since: Date): Promise<MessageRef | null> {
    return null;
  }
}

import { WebClient, type WebClientOptions } from "@slack/web-api";
import type { SlackConfig } from "../../config/slack.js";
import type { DigestMessage, DigestPoster } from "../../digest/poster.js";
import { type Logger, silentLogger } from "../../logging.js";
import type { Metrics } from "../../metrics.js";
import type { ChannelKey, MessageRef } from "../../store/index.js";
import { SlackApi, type SlackClient } from "./api.js";
import { boltLogger } from "./bolt-logger.js";
import { SlackWebApiError } from "./errors.js";

/** The metadata event type that marks a digest, so a restarted scheduler can find what it posted. */
export const DIGEST_EVENT_TYPE = "llm_advisor_digest";

/** Pages of history read when looking for a digest posted before a crash (200 messages each). */
const MAX_HISTORY_PAGES = 10;

/**
 * Posts digests into Slack channels for the digest scheduler. Each message carries its idempotency
 * key in message metadata, and `findPosted` reads it back from the channel's history.
 * @see https://docs.slack.dev/messaging/message-metadata
 */
export class SlackDigestPoster implements DigestPoster {
  readonly platform = "slack" as const;
  readonly canSearch = true;
  private readonly api: SlackApi;

  constructor(
    client: Pick<SlackClient, "chat" | "conversations">,
    metrics: Pick<Metrics, "platformApiErrors">,
  ) {
    this.api = new SlackApi(client as SlackClient, metrics);
  }

  async post(channel: ChannelKey, message: DigestMessage, idempotencyKey: string): Promise<MessageRef> {
    const posted = await this.api.postMessage({
      channel: channel.channelId,
      text: message.text,
      blocks: message.slackBlocks,
      unfurl_links: false,
      unfurl_media: false,
      metadata: { event_type: DIGEST_EVENT_TYPE, event_payload: { idempotency_key: idempotencyKey } },
    });
    return { platform: "slack", channel: posted.channel, ts: posted.ts };
  }

  async findPosted(channel: ChannelKey, idempotencyKey: string, since: Date): Promise<MessageRef | null> {
    const oldest = (Math.floor(since.getTime() / 1000) - 1).toString();
    let cursor: string | undefined;
    for (let page = 0; page < MAX_HISTORY_PAGES; page++) {
      const r = await this.api.history(channel.channelId, oldest, cursor);
      const found = r.messages.find(
        (m) =>
          m.metadata?.event_type === DIGEST_EVENT_TYPE &&
          m.metadata.event_payload?.idempotency_key === idempotencyKey,
      );
      if (found) return { platform: "slack", channel: channel.channelId, ts: found.ts };
      cursor = r.nextCursor;
      if (!cursor) return null;
    }
    // History goes on past what was read: the digest may be further back, so "not posted" cannot be
    // said, and reading it as such could post the period twice.
    throw new SlackWebApiError("conversations.history", "search_incomplete");
  }
}

/** A digest poster with its own Web API client on the bot token (the scheduler runs outside Bolt). */
export function createSlackDigestPoster(
  config: Pick<SlackConfig, "botToken" | "apiUrl">,
  deps: { metrics: Pick<Metrics, "platformApiErrors">; logger?: Logger },
  clientOptions: WebClientOptions = {},
): SlackDigestPoster {
  const client = new WebClient(config.botToken, {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    // Failures are thrown and counted either way; the client's own lines (retries) need a logger.
    logger: boltLogger(deps.logger ?? silentLogger()),
    ...clientOptions,
  });
  return new SlackDigestPoster(client, deps.metrics);
}

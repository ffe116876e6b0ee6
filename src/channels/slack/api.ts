import type { HomeView, KnownBlock, ModalView } from "@slack/types";
import type { ChatPostMessageArguments, WebClient } from "@slack/web-api";
import type { Metrics } from "../../metrics.js";
import { SlackWebApiError, webApiErrorCode } from "./errors.js";

/**
 * Every Web API method the app calls, with the bot scopes it needs (all of them). The manifest test
 * checks this table against the code and against manifests/slack/manifest.yaml, both ways.
 * @see https://docs.slack.dev/reference/methods
 */
export const WEB_API_SCOPES = {
  "auth.test": [],
  "chat.postMessage": ["chat:write"],
  "chat.update": ["chat:write"],
  "chat.delete": ["chat:write"],
  "chat.postEphemeral": ["chat:write"],
  "chat.startStream": ["chat:write"],
  "chat.appendStream": ["chat:write"],
  "chat.stopStream": ["chat:write"],
  "views.open": [],
  "views.publish": [],
  "users.info": ["users:read"],
  // Public and private channels only: the Home tab lists subscriptions of channels the user is in.
  "users.conversations": ["channels:read", "groups:read"],
  // Digests go to public and private channels and DMs; finding one after a crash reads their history.
  "conversations.history": ["channels:history", "groups:history", "im:history"],
  "files.getUploadURLExternal": ["files:write"],
  "files.completeUploadExternal": ["files:write"],
  "assistant.threads.setStatus": ["assistant:write"],
  "assistant.threads.setSuggestedPrompts": ["assistant:write"],
} as const satisfies Record<string, readonly string[]>;

export type WebApiMethod = keyof typeof WEB_API_SCOPES;

/** The narrowest slice of Bolt's WebClient the listeners use (STYLE 3). */
export type SlackClient = Pick<
  WebClient,
  "chat" | "views" | "users" | "conversations" | "assistant" | "filesUploadV2" | "chatStream"
>;

/** A posted message. */
export interface Posted {
  channel: string;
  ts: string;
}

/** A message whose text arrives in pieces (chat streaming); `stop` finishes it. */
export interface TextStream {
  append(markdown: string): Promise<void>;
  stop(): Promise<void>;
  /** The streamed message, once Slack created it. */
  readonly ts: string | undefined;
}

export type StartThreadResult = { ok: true; posted: Posted } | { ok: false; reason: "not-in-channel" };

export interface HistoryMessage {
  ts: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

/**
 * The Web API as the listeners use it: typed calls that count every failure in
 * `llm_advisor_platform_api_errors_total{platform="slack",method,code}` and throw `SlackWebApiError`.
 */
export class SlackApi {
  constructor(
    private readonly client: SlackClient,
    private readonly metrics: Pick<Metrics, "platformApiErrors">,
  ) {}

  private async call<T>(method: WebApiMethod | "chat.stream" | "files.uploadV2", run: () => Promise<T>) {
    try {
      return await run();
    } catch (error) {
      const code = webApiErrorCode(error);
      this.metrics.platformApiErrors.inc({ platform: "slack", method, code });
      throw new SlackWebApiError(method, code, { cause: error });
    }
  }

  async postMessage(args: ChatPostMessageArguments): Promise<Posted> {
    const r = await this.call("chat.postMessage", () => this.client.chat.postMessage(args));
    return { channel: r.channel ?? args.channel, ts: r.ts ?? "" };
  }

  /**
   * Posts a message that a thread will hang from; a channel the bot was not invited to is an
   * expected outcome (the caller answers privately instead), not an error.
   */
  async startThread(channel: string, text: string): Promise<StartThreadResult> {
    try {
      return { ok: true, posted: await this.postMessage({ channel, text }) };
    } catch (error) {
      if (error instanceof SlackWebApiError && NOT_A_MEMBER.has(error.apiError))
        return { ok: false, reason: "not-in-channel" };
      throw error;
    }
  }

  /** Replaces a message's text and blocks, or (a streamed message) its Markdown text. */
  async update(
    channel: string,
    ts: string,
    message: { text: string; blocks?: KnownBlock[] } | { markdown_text: string },
  ): Promise<void> {
    await this.call("chat.update", () => this.client.chat.update({ channel, ts, ...message }));
  }

  async delete(channel: string, ts: string): Promise<void> {
    await this.call("chat.delete", () => this.client.chat.delete({ channel, ts }));
  }

  async postEphemeral(args: {
    channel: string;
    user: string;
    text: string;
    blocks?: KnownBlock[];
    thread_ts?: string;
  }): Promise<void> {
    await this.call("chat.postEphemeral", () => this.client.chat.postEphemeral(args));
  }

  async openView(triggerId: string, view: ModalView): Promise<void> {
    await this.call("views.open", () => this.client.views.open({ trigger_id: triggerId, view }));
  }

  async publishHome(userId: string, view: HomeView): Promise<void> {
    await this.call("views.publish", () => this.client.views.publish({ user_id: userId, view }));
  }

  /** The user's IANA time zone, or null when Slack has none for them. */
  async userTimezone(userId: string): Promise<string | null> {
    const r = await this.call("users.info", () => this.client.users.info({ user: userId }));
    return r.user?.tz ?? null;
  }

  /** Public and private channels the user is a member of (those the bot can see), up to `maxPages` pages. */
  async userChannels(userId: string, maxPages = 5): Promise<Set<string>> {
    const ids = new Set<string>();
    let cursor: string | undefined;
    for (let page = 0; page < maxPages; page++) {
      const r = await this.call("users.conversations", () =>
        this.client.users.conversations({
          user: userId,
          types: "public_channel,private_channel",
          exclude_archived: true,
          limit: 200,
          cursor,
        }),
      );
      for (const c of r.channels ?? []) if (c.id) ids.add(c.id);
      cursor = r.response_metadata?.next_cursor || undefined;
      if (!cursor) break;
    }
    return ids;
  }

  /** One page of a channel's history since `oldest` (Unix seconds), message metadata included. */
  async history(channel: string, oldest: string, cursor?: string) {
    const r = await this.call("conversations.history", () =>
      this.client.conversations.history({ channel, oldest, include_all_metadata: true, limit: 200, cursor }),
    );
    return {
      messages: (r.messages ?? []) as HistoryMessage[],
      nextCursor: r.response_metadata?.next_cursor || undefined,
    };
  }

  /**
   * Uploads a PNG into a thread with the files.uploadV2 flow (getUploadURLExternal, upload,
   * completeUploadExternal).
   * @see https://docs.slack.dev/messaging/working-with-files#uploading_files
   */
  async uploadPng(args: {
    channel: string;
    threadTs?: string;
    png: Uint8Array;
    filename: string;
    title: string;
    altText: string;
    comment: string;
  }): Promise<void> {
    const file = {
      channel_id: args.channel,
      file: Buffer.from(args.png),
      filename: args.filename,
      title: args.title,
      alt_text: args.altText,
      initial_comment: args.comment,
    };
    const threadTs = args.threadTs;
    await this.call("files.uploadV2", () =>
      threadTs
        ? this.client.filesUploadV2({ ...file, thread_ts: threadTs })
        : this.client.filesUploadV2(file),
    );
  }

  async setStatus(channel: string, threadTs: string, status: string): Promise<void> {
    await this.call("assistant.threads.setStatus", () =>
      this.client.assistant.threads.setStatus({ channel_id: channel, thread_ts: threadTs, status }),
    );
  }

  async setSuggestedPrompts(
    channel: string,
    threadTs: string,
    title: string,
    prompts: Array<{ title: string; message: string }>,
  ): Promise<void> {
    await this.call("assistant.threads.setSuggestedPrompts", () =>
      this.client.assistant.threads.setSuggestedPrompts({
        channel_id: channel,
        thread_ts: threadTs,
        title,
        prompts,
      }),
    );
  }

  /**
   * A reply streamed into a thread as it is phrased (chat.startStream / appendStream / stopStream).
   * @see https://docs.slack.dev/messaging/sending-and-scheduling-messages#text-streaming
   */
  stream(args: { channel: string; threadTs: string; teamId?: string; userId?: string }): TextStream {
    const streamer = this.client.chatStream({
      channel: args.channel,
      thread_ts: args.threadTs,
      ...(args.teamId ? { recipient_team_id: args.teamId } : {}),
      ...(args.userId ? { recipient_user_id: args.userId } : {}),
      // Small pieces: the phrasing releases whole sentences, so each should show when it arrives.
      buffer_size: 64,
    });
    return {
      append: async (markdown) => {
        await this.call("chat.stream", () => streamer.append({ markdown_text: markdown }));
      },
      stop: async () => {
        await this.call("chat.stream", () => streamer.stop());
      },
      get ts() {
        return streamer.ts;
      },
    };
  }
}

/** What chat.postMessage answers when the bot cannot post into a conversation it was not added to. */
const NOT_A_MEMBER = new Set(["not_in_channel", "channel_not_found"]);

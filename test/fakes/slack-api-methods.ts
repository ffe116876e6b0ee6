import type { KnownBlock } from "@slack/types";
import { blockKitProblems } from "../support/block-kit.js";
import type { FakeSlackOptions, PostedMessage } from "./slack-api.js";

/** What the fake Slack workspace holds, and how each Web API method answers, as Slack documents it. */
export interface Workspace {
  options: FakeSlackOptions;
  botUserId: string;
  botId: string;
  teamId: string;
  messages: PostedMessage[];
  streams: Map<string, PostedMessage>;
  nextTs(): string;
  nextId(): number;
  /** The server's root URL, for upload URLs. */
  base(): string;
}

const problemsOf = (args: Record<string, unknown>, where: "message" | "view" = "message") =>
  Array.isArray(args.blocks)
    ? blockKitProblems(args.blocks as KnownBlock[], where, typeof args.text === "string" ? args.text : "")
    : [];

/** The body Slack would answer a call with (errors included), updating the workspace. */
export function answerMethod(
  w: Workspace,
  method: string,
  args: Record<string, unknown>,
): Record<string, unknown> {
  const { options, botUserId, botId, teamId, messages, streams } = w;
  const channel = String(args.channel ?? args.channel_id ?? "");
  switch (method) {
    case "auth.test":
      return {
        ok: true,
        url: "https://fake.slack.test/",
        team: "Fake",
        user: "llm-advise",
        team_id: teamId,
        user_id: botUserId,
        bot_id: botId,
      };
    case "chat.postMessage": {
      if (options.notMemberOf?.includes(channel)) return { ok: false, error: "not_in_channel" };
      if (problemsOf(args).length > 0)
        return { ok: false, error: "invalid_blocks", problems: problemsOf(args) };
      // Posting to a user id opens the bot's direct message with them.
      const where = channel.startsWith("U") ? `D${channel.slice(1)}` : channel;
      const m: PostedMessage = {
        channel: where,
        ts: w.nextTs(),
        bot_id: botId,
        ...(typeof args.thread_ts === "string" ? { thread_ts: args.thread_ts } : {}),
        ...(typeof args.text === "string" ? { text: args.text } : {}),
        ...(Array.isArray(args.blocks) ? { blocks: args.blocks as KnownBlock[] } : {}),
        ...(args.metadata ? { metadata: args.metadata as PostedMessage["metadata"] } : {}),
      };
      messages.push(m);
      return { ok: true, channel: where, ts: m.ts, message: { ...m, type: "message" } };
    }
    case "chat.update": {
      if (problemsOf(args).length > 0)
        return { ok: false, error: "invalid_blocks", problems: problemsOf(args) };
      const m = messages.find((x) => x.channel === channel && x.ts === args.ts);
      if (!m) return { ok: false, error: "message_not_found" };
      Object.assign(m, {
        text: args.text ?? args.markdown_text,
        ...(Array.isArray(args.blocks) ? { blocks: args.blocks } : {}),
      });
      return { ok: true, channel, ts: m.ts };
    }
    case "chat.delete": {
      const i = messages.findIndex((x) => x.channel === channel && x.ts === args.ts);
      if (i === -1) return { ok: false, error: "message_not_found" };
      messages.splice(i, 1);
      return { ok: true, channel, ts: args.ts };
    }
    case "chat.postEphemeral":
      if (problemsOf(args).length > 0) return { ok: false, error: "invalid_blocks" };
      return { ok: true, message_ts: w.nextTs() };
    case "chat.startStream": {
      if (typeof args.thread_ts !== "string") return { ok: false, error: "invalid_arguments" };
      const m: PostedMessage = {
        channel,
        ts: w.nextTs(),
        thread_ts: args.thread_ts,
        text: "",
        bot_id: botId,
      };
      for (const c of (args.chunks as Array<{ text?: string }> | undefined) ?? []) m.text += c.text ?? "";
      messages.push(m);
      streams.set(m.ts, m);
      return { ok: true, channel, ts: m.ts };
    }
    case "chat.appendStream":
    case "chat.stopStream": {
      const m = streams.get(String(args.ts));
      if (!m) return { ok: false, error: "message_not_found" };
      for (const c of (args.chunks as Array<{ text?: string }> | undefined) ?? []) m.text += c.text ?? "";
      if (method === "chat.stopStream") streams.delete(m.ts);
      return { ok: true, channel, ts: m.ts };
    }
    case "views.open":
    case "views.publish":
    case "views.update": {
      const view = args.view as { blocks?: KnownBlock[] } | undefined;
      const problems = view?.blocks ? blockKitProblems(view.blocks, "view") : ["no view"];
      if (problems.length > 0) return { ok: false, error: "invalid_arguments", problems };
      return { ok: true, view: { id: `V${w.nextId()}`, ...view } };
    }
    case "users.info": {
      const user = String(args.user ?? "");
      const tz = options.timezones?.[user];
      return { ok: true, user: { id: user, team_id: teamId, ...(tz ? { tz } : {}) } };
    }
    case "users.conversations": {
      const ids = options.memberships?.[String(args.user ?? "")] ?? [];
      return { ok: true, channels: ids.map((id) => ({ id })), response_metadata: { next_cursor: "" } };
    }
    case "conversations.history": {
      const oldest = Number(args.oldest ?? 0);
      const found = messages
        .filter((m) => m.channel === channel && !m.thread_ts && Number(m.ts) >= oldest)
        .reverse()
        .map((m) => ({
          type: "message",
          ts: m.ts,
          text: m.text,
          bot_id: m.bot_id,
          ...(args.include_all_metadata && m.metadata ? { metadata: m.metadata } : {}),
        }));
      return { ok: true, messages: found, has_more: false, response_metadata: { next_cursor: "" } };
    }
    case "files.getUploadURLExternal": {
      const id = `F${String(w.nextId()).padStart(6, "0")}`;
      return { ok: true, upload_url: `${w.base()}/upload/${id}`, file_id: id };
    }
    case "files.completeUploadExternal": {
      const files = (args.files as Array<{ id: string; title?: string }> | undefined) ?? [];
      return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title ?? "" })) };
    }
    case "assistant.threads.setStatus":
    case "assistant.threads.setSuggestedPrompts":
      return { ok: true };
    default:
      return { ok: false, error: "unknown_method" };
  }
}

import type { KnownBlock } from "@slack/types";
import { blockKitProblems, viewProblems } from "../support/block-kit.js";
import type { FakeSlackOptions, PostedMessage } from "./slack-api.js";

/** A file announced with files.getUploadURLExternal; `bytes` once its upload URL received them. */
export interface PendingUpload {
  filename: string;
  length: number;
  altText?: string;
  bytes?: Buffer;
  completed?: boolean;
}

/** What the fake Slack workspace holds, and how each Web API method answers, as Slack documents it. */
export interface Workspace {
  /** Files by id, from files.getUploadURLExternal on. */
  uploads: Map<string, PendingUpload>;
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
      const view = args.view as Record<string, unknown> | undefined;
      const problems = view ? viewProblems(view) : ["no view"];
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
      // Newest first, `limit` (capped) a page; the cursor is the offset of the next page.
      const limit = Math.min(Number(args.limit ?? 100) || 100, w.options.historyPageLimit ?? 999);
      const from = Number(args.cursor ?? 0) || 0;
      const page = found.slice(from, from + limit);
      const more = from + limit < found.length;
      return {
        ok: true,
        messages: page,
        has_more: more,
        response_metadata: { next_cursor: more ? String(from + limit) : "" },
      };
    }
    case "files.getUploadURLExternal": {
      // Both required; Slack answers missing_argument for a length of 0 (or none), and limits alt text to 1,000.
      const filename = typeof args.filename === "string" ? args.filename : "";
      const length = Number(args.length ?? 0);
      if (!filename) return { ok: false, error: "invalid_arguments" };
      if (!Number.isInteger(length) || length <= 0) return { ok: false, error: "missing_argument" };
      const altText = String(args.alt_txt ?? args.alt_text ?? "");
      if (altText.length > 1000) return { ok: false, error: "alt_txt_too_large" };
      const id = `F${String(w.nextId()).padStart(6, "0")}`;
      w.uploads.set(id, { filename, length, ...(altText ? { altText } : {}) });
      return { ok: true, upload_url: `${w.base()}/upload/${id}`, file_id: id };
    }
    case "files.completeUploadExternal":
      return completeUpload(w, args);
    case "assistant.threads.setStatus":
    case "assistant.threads.setSuggestedPrompts":
      return { ok: true };
    default:
      return { ok: false, error: "unknown_method" };
  }
}

/**
 * files.completeUploadExternal: every file must have been issued and uploaded, the bot must be in
 * the channel, and a thread_ts must be a message there; the file is then shared as a message.
 * @see https://docs.slack.dev/reference/methods/files.completeUploadExternal
 */
function completeUpload(w: Workspace, args: Record<string, unknown>): Record<string, unknown> {
  const files = Array.isArray(args.files) ? (args.files as Array<{ id?: unknown; title?: unknown }>) : null;
  if (!files || files.length === 0) return { ok: false, error: "invalid_arguments" };
  const found = files.map((f) => ({
    id: String(f.id ?? ""),
    title: f.title,
    upload: w.uploads.get(String(f.id ?? "")),
  }));
  if (found.some((f) => !f.upload?.bytes || f.upload.completed))
    return { ok: false, error: "file_not_found" };
  const channel = typeof args.channel_id === "string" ? args.channel_id : null;
  const threadTs = typeof args.thread_ts === "string" ? args.thread_ts : undefined;
  if (channel) {
    if (w.options.notMemberOf?.includes(channel)) return { ok: false, error: "not_in_channel" };
    if (threadTs && !w.messages.some((m) => m.channel === channel && m.ts === threadTs && !m.thread_ts))
      return { ok: false, error: "invalid_thread_ts" };
  }
  const shared = found.map((f) => ({
    id: f.id,
    title: typeof f.title === "string" ? f.title : (f.upload?.filename ?? ""),
    name: f.upload?.filename ?? "",
    alt_txt: f.upload?.altText ?? "",
    bytes: f.upload?.bytes ?? Buffer.alloc(0),
  }));
  for (const f of found) if (f.upload) f.upload.completed = true;
  if (channel)
    w.messages.push({
      channel,
      ts: w.nextTs(),
      bot_id: w.botId,
      ...(threadTs ? { thread_ts: threadTs } : {}),
      ...(typeof args.initial_comment === "string" ? { text: args.initial_comment } : {}),
      files: shared,
    });
  return { ok: true, files: shared.map((f) => ({ id: f.id, title: f.title })) };
}

/**
 * A post to an upload URL: raw bytes or a multipart form (what @slack/web-api sends), whose length
 * must be the one announced; HTTP 200 on success and another status on failure, as Slack's upload service.
 */
export async function acceptUpload(w: Workspace, fileId: string, contentType: string, raw: Buffer) {
  const upload = w.uploads.get(fileId);
  let bytes = raw;
  let filename: string | null = null;
  if (contentType.startsWith("multipart/form-data")) {
    const form = await new Response(new Uint8Array(raw), {
      headers: { "content-type": contentType },
    }).formData();
    // The one file part (the SDK's FormData names it "body"); undici types its entries loosely.
    const file = [...form.values()].find((v) => typeof v !== "string") as unknown as
      | (Blob & { name?: string })
      | undefined;
    bytes = file ? Buffer.from(await file.arrayBuffer()) : Buffer.alloc(0);
    filename = file?.name ?? null;
  }
  const status = !upload ? 404 : upload.bytes ? 409 : bytes.length !== upload.length ? 400 : 200;
  if (upload && status === 200) upload.bytes = bytes;
  return { status, bytes, filename, declaredLength: upload?.length ?? null };
}

/**
 * How many times a response_url may be used.
 * @see https://docs.slack.dev/interactivity/handling-user-interaction#message_responses
 */
export const RESPONSE_URL_USES = 5;

/** A post to a response_url used `uses` times before: refused past five uses, or for blocks Slack cannot show. */
export function responseUrlReply(uses: number, args: Record<string, unknown>) {
  const problems = Array.isArray(args.blocks)
    ? blockKitProblems(args.blocks as KnownBlock[], "message", String(args.text ?? ""))
    : [];
  const error = uses >= RESPONSE_URL_USES ? "used_url" : problems.length > 0 ? "invalid_blocks" : null;
  return { error, status: error === "used_url" ? 404 : error ? 400 : 200, problems };
}

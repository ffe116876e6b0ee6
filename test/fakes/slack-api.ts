import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { KnownBlock } from "@slack/types";
import {
  acceptUpload,
  answerMethod,
  type PendingUpload,
  responseUrlReply,
  type Workspace,
} from "./slack-api-methods.js";

/**
 * A loopback Slack Web API that answers like Slack (`{ ok: true, ... }`, `{ ok: false, error }`,
 * HTTP 429 with Retry-After) and records every call, for the real @slack/web-api client and Bolt to
 * talk to through `slackApiUrl`. Also serves the files.uploadV2 upload URLs and response_url posts.
 */

export interface SlackCall {
  /** "chat.postMessage", "upload" (a file upload to an upload URL) or "response_url". */
  method: string;
  args: Record<string, unknown>;
  /** The bearer token sent, if any. */
  token: string | null;
  /** For uploads: the bytes received. */
  bytes?: Buffer;
  /** What the fake answered: Slack's `ok` and `error`, or the HTTP status of a 429. */
  reply?: { ok: boolean; error?: string; status?: number };
}

export interface PostedMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  text?: string;
  blocks?: KnownBlock[];
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  bot_id: string;
  /** A file shared by files.completeUploadExternal, with the bytes uploaded for it. */
  files?: Array<{ id: string; title: string; name: string; alt_txt: string; bytes: Buffer }>;
}

export interface FakeSlackOptions {
  botToken?: string;
  botUserId?: string;
  botId?: string;
  teamId?: string;
  /** Channels the bot is not a member of: chat.postMessage answers not_in_channel. */
  notMemberOf?: string[];
  /** users.info's tz for each user; others have none. */
  timezones?: Record<string, string>;
  /** users.conversations: the channels each user is in. */
  memberships?: Record<string, string[]>;
  /**
   * conversations.history's largest page (Slack's default cap is 999; commercially distributed
   * non-Marketplace apps get 15 since 2025-05-29).
   */
  historyPageLimit?: number;
  /** Socket Mode: the app-level token apps.connections.open accepts, and the WebSocket URL it returns. */
  socketMode?: { appToken: string; url: string };
}

export interface FakeSlack {
  /** The Web API base URL, e.g. http://127.0.0.1:49152/api/ (SLACK_API_URL). */
  readonly apiUrl: string;
  readonly url: string;
  readonly calls: SlackCall[];
  readonly messages: PostedMessage[];
  /** A response_url for a command or an action; posts to it are recorded as "response_url". */
  responseUrl(id?: string): string;
  /** The next `times` calls of `method` fail: a Slack error string, or HTTP 429 with Retry-After. */
  failNext(
    method: string,
    failure: { error: string } | { status: 429; retryAfterSeconds: number },
    times?: number,
  ): void;
  /** Holds every call of `method` unanswered until the returned function is called. */
  hold(method: string): () => void;
  /** Calls of one method (or every call), in order. */
  callsOf(method: string): SlackCall[];
  /** Resolves with the first recorded call `match` accepts, as soon as it arrives; a generous timeout, never a fixed sleep. */
  waitFor(method: string, match?: (c: SlackCall) => boolean, timeoutMs?: number): Promise<SlackCall>;
  close(): Promise<void>;
}

type Failure = { error: string } | { status: 429; retryAfterSeconds: number };

/** Form values as Slack receives them from the SDK: nested values arrive JSON-encoded. */
function decodeForm(raw: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = /^[[{]/.test(v) ? safeJson(v) : v;
  }
  return out;
}

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(body));
};

let fakes = 0;

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const botToken = options.botToken ?? "xoxb-test-0000000000-abcdefghijkl";
  const botUserId = options.botUserId ?? "U0BOT";
  const botId = options.botId ?? "B0BOT";
  const teamId = options.teamId ?? "T0TEAM";
  const calls: SlackCall[] = [];
  /** "call" once a call is recorded with its reply. */
  const arrived = new EventEmitter().setMaxListeners(0);
  const messages: PostedMessage[] = [];
  const failures = new Map<string, Failure[]>();
  const streams = new Map<string, PostedMessage>();
  const uploads = new Map<string, PendingUpload>();
  const held = new Map<string, Promise<void>>();
  const sockets = new Set<Socket>();
  let seq = 0;
  let base = "";
  // Each fake's timestamps differ from every other fake's in this process, so threads never collide in a shared store.
  const instance = String(++fakes % 100).padStart(2, "0");
  const nextTs = () =>
    `1700000${String(100 + seq++).padStart(3, "0")}.${instance}${String(seq).padStart(4, "0")}`;

  const workspace: Workspace = {
    uploads,
    options,
    botUserId,
    botId,
    teamId,
    messages,
    streams,
    nextTs,
    nextId: () => seq++,
    base: () => base,
  };

  async function upload(req: IncomingMessage, raw: Buffer, res: ServerResponse, fileId: string) {
    const r = await acceptUpload(workspace, fileId, req.headers["content-type"] ?? "", raw);
    calls.push({
      method: "upload",
      args: { fileId, declaredLength: r.declaredLength, partFilename: r.filename },
      token: null,
      bytes: r.bytes,
      reply: { ok: r.status === 200, status: r.status },
    });
    arrived.emit("call");
    res.writeHead(r.status, { "content-type": "text/plain" });
    res.end(r.status === 200 ? `OK - ${r.bytes.length}` : `upload refused (${r.status})`);
  }

  function handle(req: IncomingMessage, raw: Buffer, res: ServerResponse) {
    const path = req.url ?? "";
    const auth = req.headers.authorization;
    const token = auth?.startsWith("Bearer ") ? auth.slice(7) : null;
    if (path.startsWith("/upload/")) {
      void upload(req, raw, res, path.slice(8));
      return;
    }
    if (path.startsWith("/response/")) {
      const id = path.slice(10);
      const args = { id, ...(safeJson(raw.toString("utf8")) as object) } as Record<string, unknown>;
      const uses = calls.filter((c) => c.method === "response_url" && c.args.id === id).length;
      const { error, status, problems } = responseUrlReply(uses, args);
      calls.push({
        method: "response_url",
        args,
        token,
        reply: { ok: !error, status, ...(error ? { error } : {}) },
      });
      arrived.emit("call");
      if (error) json(res, status, { ok: false, error, ...(problems.length > 0 ? { problems } : {}) });
      else {
        res.writeHead(200, { "content-type": "text/plain" });
        res.end("ok");
      }
      return;
    }
    const method = path.replace(/^\/api\//, "").split("?")[0] ?? "";
    const gate = held.get(method);
    if (gate) {
      void gate.then(() => handle(req, raw, res));
      return;
    }
    const type = req.headers["content-type"] ?? "";
    const body = raw.toString("utf8");
    const args = type.includes("application/json")
      ? (safeJson(body) as Record<string, unknown>)
      : decodeForm(body);
    const sent = token ?? (typeof args.token === "string" ? args.token : null);
    const call: SlackCall = { method, args, token: sent };
    calls.push(call);
    const failure = failures.get(method)?.shift();
    if (failure && "status" in failure) {
      call.reply = { ok: false, error: "ratelimited", status: 429 };
      arrived.emit("call");
      json(
        res,
        429,
        { ok: false, error: "ratelimited" },
        { "retry-after": String(failure.retryAfterSeconds) },
      );
      return;
    }
    const expected = method === "apps.connections.open" ? options.socketMode?.appToken : botToken;
    const reply = failure
      ? { ok: false, error: failure.error }
      : sent !== expected
        ? { ok: false, error: "invalid_auth" }
        : method === "apps.connections.open"
          ? { ok: true, url: options.socketMode?.url }
          : answerMethod(workspace, method, args);
    call.reply = {
      ok: reply.ok === true,
      ...(typeof reply.error === "string" ? { error: reply.error } : {}),
    };
    arrived.emit("call");
    json(res, 200, reply);
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => handle(req, Buffer.concat(chunks), res));
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const callsOf = (method: string) => calls.filter((c) => c.method === method);
  return {
    apiUrl: `${base}/api/`,
    url: base,
    calls,
    messages,
    responseUrl: (id = String(seq++)) => `${base}/response/${id}`,
    failNext(method, failure, times = 1) {
      const list = failures.get(method) ?? [];
      for (let i = 0; i < times; i++) list.push(failure);
      failures.set(method, list);
    },
    hold(method) {
      let release: () => void = () => undefined;
      held.set(
        method,
        new Promise<void>((resolve) => {
          release = () => {
            held.delete(method);
            resolve();
          };
        }),
      );
      return () => release();
    },
    callsOf,
    waitFor(method, match = () => true, timeoutMs = 20_000) {
      const find = () => callsOf(method).find(match);
      const found = find();
      if (found) return Promise.resolve(found);
      return new Promise<SlackCall>((resolve, reject) => {
        const check = () => {
          const c = find();
          if (!c) return;
          done();
          resolve(c);
        };
        const timer = setTimeout(() => {
          done();
          reject(
            new Error(`no ${method} call arrived; calls so far: ${calls.map((c) => c.method).join(", ")}`),
          );
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          arrived.off("call", check);
        };
        arrived.on("call", check);
      });
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

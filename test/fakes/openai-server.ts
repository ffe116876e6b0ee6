import type { ServerResponse } from "node:http";
import {
  type LoopbackFake,
  pieces,
  type Received,
  type Reply,
  roughTokens,
  startLoopback,
} from "./loopback.js";

/** What an LLM fake can do beyond the shared replies. */
export type LlmReply =
  | Reply
  /** Streams the first pieces, then holds the connection open without another byte. */
  | { kind: "stall"; text: string; pieces?: number }
  /** Answers with the text as cut off at the output token limit (finish_reason / done_reason "length"). */
  | { kind: "cut"; text: string; pieces?: number };

/** A loopback fake that takes LlmReply. */
export interface LlmFake extends Omit<LoopbackFake, "queue" | "fallback"> {
  queue(...replies: LlmReply[]): void;
  fallback: LlmReply;
}

/** The loopback hands replies through untouched, so a fake built on it takes LlmReply too. */
export const asLlmFake = (fake: LoopbackFake): LlmFake => fake as unknown as LlmFake;

/**
 * OpenAI's chat completions on loopback, in its wire format: `POST /v1/chat/completions` answering a
 * `chat.completion` object, or with `stream: true` server-sent events of `chat.completion.chunk`
 * objects (`data: {...}\n\n`), a usage-only chunk with empty `choices` when
 * `stream_options.include_usage` is set, and `data: [DONE]`. Errors use OpenAI's `{ error: {...} }` body.
 * @see https://platform.openai.com/docs/api-reference/chat
 */
const ERROR_TYPES: Record<number, [string, string]> = {
  401: ["invalid_request_error", "invalid_api_key"],
  429: ["requests", "rate_limit_exceeded"],
  500: ["server_error", "server_error"],
};

const promptTokens = (r: Received) => roughTokens(JSON.stringify(r.body.messages ?? []));

function usageOf(r: Received, text: string, reply: Extract<LlmReply, { kind: "text" }> | null) {
  const prompt = reply?.usage?.input ?? promptTokens(r);
  const completion = reply?.usage?.output ?? roughTokens(text);
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

function chunk(model: string, delta: Record<string, unknown>, finish: string | null) {
  return {
    id: "chatcmpl-fake",
    object: "chat.completion.chunk",
    created: 1_790_000_000,
    model,
    system_fingerprint: "fp_fake",
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
  };
}

type Streamed = Extract<LlmReply, { kind: "text" | "break" | "stall" | "cut" }>;

function stream(r: Received, reply: Streamed, res: ServerResponse): void {
  const model = String(r.body.model);
  res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache" });
  const send = (o: unknown) => res.write(`data: ${JSON.stringify(o)}\n\n`);
  const parts = pieces(reply.text, reply.pieces);
  send(chunk(model, { role: "assistant", content: "", refusal: null }, null));
  if (reply.kind === "break" || reply.kind === "stall") {
    for (const p of parts.slice(0, Math.ceil(parts.length / 2))) send(chunk(model, { content: p }, null));
    // Let the pieces reach the client before the connection drops; a stall keeps it open until the client leaves.
    if (reply.kind === "break") setTimeout(() => res.socket?.destroy(), 50);
    return;
  }
  for (const p of parts) send(chunk(model, { content: p }, null));
  send(chunk(model, {}, reply.kind === "cut" ? "length" : "stop"));
  const options = r.body.stream_options as { include_usage?: boolean } | undefined;
  if (options?.include_usage)
    send({
      ...chunk(model, {}, null),
      choices: [],
      usage: usageOf(r, reply.text, reply.kind === "text" ? reply : null),
    });
  res.write("data: [DONE]\n\n");
  res.end();
}

function handle(r: Received, reply: LlmReply, res: ServerResponse): void {
  if (r.method !== "POST" || !r.path.endsWith("/chat/completions")) {
    res.writeHead(404, { "content-type": "application/json" });
    res.end(
      JSON.stringify({ error: { message: "Unknown path", type: "invalid_request_error", code: null } }),
    );
    return;
  }
  if (reply.kind === "hang") return;
  if (reply.kind === "error") {
    const [type, code] = ERROR_TYPES[reply.status] ?? ["api_error", null];
    res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
    res.end(JSON.stringify({ error: { message: reply.message ?? "error", type, param: null, code } }));
    return;
  }
  if (r.body.stream === true || reply.kind === "break") {
    stream(r, reply, res);
    return;
  }
  if (reply.kind === "stall") {
    // Headers and half a body, then nothing.
    res.writeHead(200, { "content-type": "application/json" });
    res.write('{"id":"chatcmpl-fake","object":"chat.completion",');
    return;
  }
  res.writeHead(200, { "content-type": "application/json" });
  res.end(
    JSON.stringify({
      id: "chatcmpl-fake",
      object: "chat.completion",
      created: 1_790_000_000,
      model: r.body.model,
      choices: [
        {
          index: 0,
          message: { role: "assistant", content: reply.text, refusal: null, annotations: [] },
          logprobs: null,
          finish_reason: reply.kind === "cut" ? "length" : "stop",
        },
      ],
      usage: usageOf(r, reply.text, reply.kind === "text" ? reply : null),
      system_fingerprint: "fp_fake",
    }),
  );
}

/** Starts the fake; point the SDK at `${url}/v1`. */
export const startOpenAiFake = async (fallback: LlmReply = { kind: "text", text: "" }): Promise<LlmFake> =>
  asLlmFake(await startLoopback((r, reply, res) => handle(r, reply, res), fallback as Reply));

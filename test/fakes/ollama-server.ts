import type { ServerResponse } from "node:http";
import { pieces, type Received, type Reply, roughTokens, startLoopback } from "./loopback.js";
import { asLlmFake, type LlmFake, type LlmReply } from "./openai-server.js";

/**
 * Ollama's `POST /api/chat` on loopback, in its wire format: with `stream: false` one JSON object;
 * otherwise NDJSON, one `{ model, created_at, message, done: false }` line per piece and a last line
 * with `done: true`, `done_reason` and the counts (`prompt_eval_count`, `eval_count`, durations in ns).
 * Errors are `{ "error": "..." }` with the HTTP status.
 * @see https://github.com/ollama/ollama/blob/main/docs/api.md#generate-a-chat-completion
 */
const CREATED = "2026-11-21T12:00:00.000000Z";

function final(
  r: Received,
  text: string,
  reply: Extract<LlmReply, { kind: "text" | "cut" }>,
  content: string,
) {
  const usage = reply.kind === "text" ? reply.usage : undefined;
  return {
    model: r.body.model,
    created_at: CREATED,
    message: { role: "assistant", content },
    done: true,
    done_reason: reply.kind === "cut" ? "length" : "stop",
    total_duration: 1_200_000_000,
    load_duration: 20_000_000,
    prompt_eval_count: usage?.input ?? roughTokens(JSON.stringify(r.body.messages ?? [])),
    prompt_eval_duration: 300_000_000,
    eval_count: usage?.output ?? roughTokens(text),
    eval_duration: 880_000_000,
  };
}

function handle(r: Received, reply: LlmReply, res: ServerResponse): void {
  if (r.method !== "POST" || r.path !== "/api/chat") {
    res.writeHead(404, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: "not found" }));
    return;
  }
  if (reply.kind === "hang") return;
  if (reply.kind === "error") {
    res.writeHead(reply.status, { "content-type": "application/json; charset=utf-8", ...reply.headers });
    res.end(JSON.stringify({ error: reply.message ?? "error" }));
    return;
  }
  // Ollama streams unless told not to.
  if (r.body.stream === false && (reply.kind === "text" || reply.kind === "cut")) {
    res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
    res.end(JSON.stringify(final(r, reply.text, reply, reply.text)));
    return;
  }
  res.writeHead(200, { "content-type": "application/x-ndjson" });
  const line = (content: string) =>
    res.write(
      `${JSON.stringify({ model: r.body.model, created_at: CREATED, message: { role: "assistant", content }, done: false })}\n`,
    );
  const parts = pieces(reply.text, reply.pieces);
  if (reply.kind === "break" || reply.kind === "stall") {
    for (const p of parts.slice(0, Math.ceil(parts.length / 2))) line(p);
    // Let the pieces reach the client before the connection drops; a stall keeps it open until the client leaves.
    if (reply.kind === "break") setTimeout(() => res.socket?.destroy(), 50);
    return;
  }
  for (const p of parts) line(p);
  res.end(`${JSON.stringify(final(r, reply.text, reply, ""))}\n`);
}

/** Starts the fake; point the SDK's host at `url`. */
export const startOllamaFake = async (fallback: LlmReply = { kind: "text", text: "" }): Promise<LlmFake> =>
  asLlmFake(await startLoopback((r, reply, res) => handle(r, reply, res), fallback as Reply));

import { type ChatRequest, type ChatResponse, Ollama } from "ollama";
import {
  ProviderError,
  ProviderHttpError,
  ProviderResponseError,
  ProviderUnreachableError,
} from "./errors.js";
import { retryAfterMs } from "./retry.js";
import type {
  ExtractionCall,
  ExtractionOutput,
  PhraseRequest,
  Phraser,
  PhraserOutput,
  Prompt,
  StreamPart,
  TokenUsage,
} from "./types.js";

export interface OllamaSettings {
  /** The Ollama server, e.g. http://127.0.0.1:11434. */
  host: string;
  model: string;
}

const MAX_OUTPUT_TOKENS = 300;

const messages = (p: Prompt) => [
  { role: "system", content: p.system },
  { role: "user", content: p.user },
];

const usageOf = (r: Partial<ChatResponse>): TokenUsage | undefined =>
  typeof r.prompt_eval_count === "number" || typeof r.eval_count === "number"
    ? { inputTokens: r.prompt_eval_count ?? 0, outputTokens: r.eval_count ?? 0 }
    : undefined;

/** Refuses an answer cut off at `num_predict`: half a sentence, or half a JSON object. */
function checkDone(r: Partial<ChatResponse>): void {
  if (r.done_reason === "length") throw new ProviderResponseError("cut off at the output token limit");
}

/**
 * An error whose body is not JSON (a proxy's HTML page), rewritten as Ollama's `{ "error": ... }`:
 * the SDK would otherwise print to the console, which is the CLI's standard output.
 */
async function asJsonError(res: Response): Promise<Response> {
  await res.body?.cancel();
  const headers = new Headers({ "content-type": "application/json" });
  const retryAfter = res.headers.get("retry-after");
  if (retryAfter) headers.set("retry-after", retryAfter);
  return new Response(JSON.stringify({ error: `HTTP ${res.status}` }), { status: res.status, headers });
}

/** One call's client: its fetch carries our signal (the SDK takes none for plain requests) and keeps the response's headers for Retry-After. */
interface Call {
  client: Ollama;
  headers: () => Headers | undefined;
}

/**
 * Phrasing and extraction through the `ollama` SDK's /api/chat.
 * @see https://github.com/ollama/ollama/blob/main/docs/api.md#generate-a-chat-completion
 */
export class OllamaPhraser implements Phraser {
  readonly name = "ollama" as const;
  readonly model: string;

  constructor(
    private readonly settings: OllamaSettings,
    private readonly now: () => number = Date.now,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {
    this.model = settings.model;
  }

  private call(signal: AbortSignal): Call {
    let headers: Headers | undefined;
    const fetchImpl = this.fetchImpl;
    const client = new Ollama({
      host: this.settings.host,
      fetch: async (input, init) => {
        const own = init?.signal;
        const res = await fetchImpl(input, {
          ...init,
          signal: own ? AbortSignal.any([own, signal]) : signal,
        });
        headers = res.headers;
        return res.ok || res.headers.get("content-type")?.includes("json") ? res : asJsonError(res);
      },
    });
    return { client, headers: () => headers };
  }

  private error(e: unknown, call: Call, signal: AbortSignal): unknown {
    // An abort is rethrown as it is: the service knows which signal fired.
    if (e instanceof ProviderError || signal.aborted) return e;
    const status = (e as { status_code?: unknown }).status_code;
    if (e instanceof Error && e.name === "ResponseError" && typeof status === "number")
      return new ProviderHttpError(status, retryAfterMs(call.headers(), this.now()));
    // fetch reports a refused or dropped connection as a TypeError.
    if (e instanceof TypeError) return new ProviderUnreachableError();
    if (e instanceof SyntaxError) return new ProviderResponseError("invalid JSON");
    if (e instanceof Error) return new ProviderResponseError("stream broke off");
    return e;
  }

  private request(p: Prompt, temperature: number): ChatRequest {
    return {
      model: this.model,
      messages: messages(p),
      options: { temperature, num_predict: MAX_OUTPUT_TOKENS },
    };
  }

  async phrase(request: PhraseRequest, signal: AbortSignal): Promise<PhraserOutput> {
    const call = this.call(signal);
    try {
      const r = await call.client.chat({ ...this.request(request.prompt, 0.2), stream: false });
      checkDone(r);
      const text = r.message?.content?.trim();
      if (!text) throw new ProviderResponseError("no text");
      const usage = usageOf(r);
      return usage ? { text, usage } : { text };
    } catch (e) {
      throw this.error(e, call, signal);
    }
  }

  /**
   * NDJSON lines as they arrive; the last one (`done: true`) carries the token counts and why it
   * stopped. The SDK throws when the stream ends without it; an abort is rethrown after the loop too.
   */
  async *stream(request: PhraseRequest, signal: AbortSignal): AsyncIterable<StreamPart> {
    const call = this.call(signal);
    try {
      const parts = await call.client.chat({ ...this.request(request.prompt, 0.2), stream: true });
      for await (const part of parts) {
        const text = part.message?.content;
        if (text) yield { kind: "text", text };
        if (part.done) checkDone(part);
        const usage = part.done ? usageOf(part) : undefined;
        if (usage) yield { kind: "usage", usage };
      }
      signal.throwIfAborted();
    } catch (e) {
      throw this.error(e, call, signal);
    }
  }

  /** Structured outputs: `format` holds the JSON schema. @see https://ollama.com/blog/structured-outputs */
  async extract(x: ExtractionCall, signal: AbortSignal): Promise<ExtractionOutput> {
    const call = this.call(signal);
    try {
      const r = await call.client.chat({ ...this.request(x.prompt, 0), format: x.schema, stream: false });
      checkDone(r);
      const content = r.message?.content;
      if (!content) throw new ProviderResponseError("no content");
      const value: unknown = JSON.parse(content);
      const usage = usageOf(r);
      return usage ? { value, usage } : { value };
    } catch (e) {
      throw this.error(e, call, signal);
    }
  }
}

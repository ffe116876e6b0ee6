import OpenAI, { APIConnectionError, APIError } from "openai";
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

/** The narrowest part of the SDK the phraser needs (STYLE 3). */
export type OpenAiChat = Pick<OpenAI, "chat">;

export interface OpenAiSettings {
  apiKey: string | null;
  /** OpenAI, Azure OpenAI's v1 endpoint, or any OpenAI-compatible server (vLLM, LiteLLM...). */
  baseUrl: string | null;
  model: string;
}

/** A summary is 3-5 sentences; a cap keeps a runaway answer cheap and inside the budget. */
const MAX_OUTPUT_TOKENS = 300;

/**
 * The SDK client, with its own retries off (the phrasing service retries within its budget) and no
 * settings read from the environment behind config's back: its logging is off whatever OPENAI_LOG
 * says, since a debug log prints request bodies, which hold the user's question.
 * @see https://github.com/openai/openai-node#configuring-the-client
 */
export function createOpenAiClient(s: OpenAiSettings): OpenAI {
  return new OpenAI({
    // OpenAI-compatible servers without auth still need the header filled in.
    apiKey: s.apiKey ?? "unused",
    baseURL: s.baseUrl ?? "https://api.openai.com/v1",
    organization: null,
    project: null,
    maxRetries: 0,
    timeout: 60_000,
    logLevel: "off",
  });
}

const messages = (p: Prompt) => [
  { role: "system" as const, content: p.system },
  { role: "user" as const, content: p.user },
];

const usageOf = (u: { prompt_tokens: number; completion_tokens: number } | null | undefined) =>
  u ? { inputTokens: u.prompt_tokens, outputTokens: u.completion_tokens } : undefined;

/**
 * Refuses a completion that did not end on its own: "length" is cut off mid-sentence and
 * "content_filter" may be cut too; a stream that never said why it finished broke off. Other reasons
 * pass, as OpenAI-compatible servers word a natural end in their own ways.
 */
function checkFinish(reason: string | null | undefined): void {
  if (reason === "length") throw new ProviderResponseError("cut off at the output token limit");
  if (reason === "content_filter") throw new ProviderResponseError("cut by the content filter");
  if (reason === null || reason === undefined) throw new ProviderResponseError("no finish reason");
}

/** SDK errors → coded provider errors; an abort is rethrown as it is, the service knows which signal fired. */
function providerError(e: unknown, now: () => number): unknown {
  if (e instanceof ProviderError) return e;
  if (e instanceof APIError && typeof e.status === "number")
    return new ProviderHttpError(e.status, retryAfterMs(e.headers, now()));
  // A user abort is an APIError without a status, not a connection error: it falls through.
  if (e instanceof APIConnectionError) return new ProviderUnreachableError();
  // fetch reports a connection dropped mid-stream as a TypeError ("terminated").
  if (e instanceof TypeError) return new ProviderUnreachableError();
  if (e instanceof SyntaxError) return new ProviderResponseError("invalid JSON");
  return e;
}

/** Phrasing and extraction through the `openai` SDK's chat completions. */
export class OpenAiPhraser implements Phraser {
  readonly name = "openai" as const;

  constructor(
    private readonly client: OpenAiChat,
    readonly model: string,
    private readonly now: () => number = Date.now,
  ) {}

  async phrase(request: PhraseRequest, signal: AbortSignal): Promise<PhraserOutput> {
    try {
      const r = await this.client.chat.completions.create(
        {
          model: this.model,
          messages: messages(request.prompt),
          max_completion_tokens: MAX_OUTPUT_TOKENS,
          temperature: 0.2,
        },
        { signal },
      );
      checkFinish(r.choices[0]?.finish_reason);
      const text = r.choices[0]?.message?.content?.trim();
      if (!text) throw new ProviderResponseError("no text");
      const usage = usageOf(r.usage);
      return usage ? { text, usage } : { text };
    } catch (e) {
      throw providerError(e, this.now);
    }
  }

  /**
   * The SDK's stream iterator ends quietly when the signal aborts mid-stream, so after the loop an
   * abort is rethrown and a stream without a finish reason is refused: a cut-off text is never used.
   * @see https://platform.openai.com/docs/api-reference/chat-streaming
   */
  async *stream(request: PhraseRequest, signal: AbortSignal): AsyncIterable<StreamPart> {
    let finish: string | null | undefined;
    try {
      const stream = await this.client.chat.completions.create(
        {
          model: this.model,
          messages: messages(request.prompt),
          max_completion_tokens: MAX_OUTPUT_TOKENS,
          temperature: 0.2,
          stream: true,
          stream_options: { include_usage: true },
        },
        { signal },
      );
      for await (const chunk of stream) {
        const text = chunk.choices[0]?.delta?.content;
        if (text) yield { kind: "text", text };
        finish = chunk.choices[0]?.finish_reason ?? finish;
        const usage: TokenUsage | undefined = usageOf(chunk.usage);
        if (usage) yield { kind: "usage", usage };
      }
      signal.throwIfAborted();
      checkFinish(finish);
    } catch (e) {
      throw providerError(e, this.now);
    }
  }

  /** Structured outputs: the answer follows the JSON schema. @see https://platform.openai.com/docs/guides/structured-outputs */
  async extract(call: ExtractionCall, signal: AbortSignal): Promise<ExtractionOutput> {
    try {
      const r = await this.client.chat.completions.create(
        {
          model: this.model,
          messages: messages(call.prompt),
          max_completion_tokens: MAX_OUTPUT_TOKENS,
          temperature: 0,
          response_format: {
            type: "json_schema",
            json_schema: { name: call.schemaName, schema: call.schema, strict: true },
          },
        },
        { signal },
      );
      checkFinish(r.choices[0]?.finish_reason);
      const content = r.choices[0]?.message?.content;
      if (!content) throw new ProviderResponseError("no content");
      const usage = usageOf(r.usage);
      const value: unknown = JSON.parse(content);
      return usage ? { value, usage } : { value };
    } catch (e) {
      throw providerError(e, this.now);
    }
  }
}

import { LIMITS } from "../../domain/profile.js";
import { badInput } from "../errors.js";
import { parseCount } from "../flags.js";

export interface TokenFlags {
  inputTokens?: string;
  cachedInputTokens?: string;
  outputTokens?: string;
}

export interface Tokens {
  inputTokensPerRequest: number;
  cachedInputTokensPerRequest: number;
  outputTokensPerRequest: number;
}

/**
 * Token flags as OpenAI's usage reports count them: input tokens include the cached ones, and
 * --cached-input-tokens says how many of them were cache hits.
 */
export function tokenFlags(flags: TokenFlags, defaults: { input?: number; output?: number } = {}): Tokens {
  const max = LIMITS.tokensPerRequest;
  const input = parseCount("input-tokens", flags.inputTokens, max, { integer: true }) ?? defaults.input;
  const output = parseCount("output-tokens", flags.outputTokens, max, { integer: true }) ?? defaults.output;
  const cached = parseCount("cached-input-tokens", flags.cachedInputTokens, max, { integer: true }) ?? 0;
  if (input === undefined)
    throw badInput("--input-tokens is required (tokens per request, cached ones included)");
  if (output === undefined) throw badInput("--output-tokens is required (tokens per response)");
  if (input === 0 && output === 0)
    throw badInput(
      "zero input and zero output tokens per request: such a request costs nothing; give the token counts",
    );
  if (cached > input)
    throw badInput(
      `--cached-input-tokens (${cached}) cannot exceed --input-tokens (${input}): input tokens include the cached ones`,
    );
  return {
    inputTokensPerRequest: input,
    cachedInputTokensPerRequest: cached,
    outputTokensPerRequest: output,
  };
}

import type { ProfileField } from "../domain/profile.js";
import { readVoice } from "./extract-voice.js";
import { formatNumber, NUM, PERCENT, parsePercent } from "./numbers.js";
import { addFact, addNote, groupNumber, PERIOD, type ReadContext, rx } from "./reading.js";

/** Tokens per request (input, output, cached) and the per-call figures of a voice workload. */

const TOK = String.raw`(?:\s*tokens?)`;
const IN = `(?:input|in|prompt)(?![a-z])`;
const OUT = `(?:output|out|completion|response|generated)(?![a-z])`;
/** "prompts of 500k requests" is a volume, not a prompt size. */
const NOT_VOLUME = String.raw`(?!\s*(?:requests?|calls?|messages?|queries|conversations?|documents?|tickets?|users?|characters?|chars?|words?|pages?)\b)`;
const JOIN = String.raw`\s*(?:\/|,|and|\+|&|;)\s*`;
const APPROX = String.raw`(?:(?:about|around|roughly|approximately|~|avg|average)\s*)?`;
const NOT_A_VERB = String.raw`(?!\s+(?:each|every|a|an|per|the|our|total|tokens?)\b)`;

const PAIRS = [
  String.raw`(?<i>${NUM})\s*${IN}${TOK}?${JOIN}(?<o>${NUM})\s*${OUT}${TOK}?`,
  String.raw`(?<i>${NUM})${TOK}\s*${IN}${JOIN}(?<o>${NUM})${TOK}?\s*${OUT}`,
  String.raw`${IN}${TOK}?\s*[:=]?\s*(?<i>${NUM})${TOK}?${JOIN}${OUT}${TOK}?\s*[:=]?\s*(?<o>${NUM})${TOK}?`,
  String.raw`(?<i>${NUM})\s*\/\s*(?<o>${NUM})${TOK}(?:\s*\(?\s*in\s*\/\s*out\s*\)?)?`,
  String.raw`tokens?\s*(?:\(?\s*in\s*\/\s*out\s*\)?)?\s*[:=]?\s*(?<i>${NUM})\s*\/\s*(?<o>${NUM})`,
];

const SINGLE: ReadonlyArray<[ProfileField, string]> = [
  [
    "cachedInputTokensPerRequest",
    String.raw`(?<n>${NUM})\s*(?:of\s+(?:them|those|these|which|the\s+input)\s+(?:are\s+|is\s+|being\s+)?cached|cached(?![a-z])(?:\s+input)?${TOK}?|cache[\s-]hit${TOK})`,
  ],
  [
    "cachedInputTokensPerRequest",
    String.raw`(?:cached|cache\s+hits?)(?:\s+input)?${TOK}?\s*[:=]?\s*${APPROX}(?<n>${NUM})${TOK}?`,
  ],
  [
    "inputTokensPerRequest",
    String.raw`(?<n>${NUM})[\s-]*(?:${IN}[\s-]*tokens?|tokens?[\s-]+(?:inputs?|prompts?|in${NOT_A_VERB}|of\s+(?:input|prompt|context)))`,
  ],
  [
    "inputTokensPerRequest",
    String.raw`(?:inputs?|prompts?|contexts?)(?:\s+(?:size|length))?${TOK}?\s*(?:of|:|=|is|are|around|about|~|averaging|average)\s*${APPROX}(?<n>${NUM})${NOT_VOLUME}${TOK}?`,
  ],
  [
    "inputTokensPerRequest",
    String.raw`(?:(?:avg|average|mean|typical)\.?\s+)?(?:inputs?|prompts?|contexts?)(?:\s+(?:size|length))?\s+${APPROX}(?<n>${NUM})\s*tokens?(?![\w])`,
  ],
  [
    "outputTokensPerRequest",
    String.raw`(?<n>${NUM})[\s-]*(?:${OUT}[\s-]*tokens?|tokens?[\s-]+(?:outputs?|responses?|answers?|replies|completions?|out\b))`,
  ],
  [
    "outputTokensPerRequest",
    String.raw`(?:outputs?|responses?|completions?|answers?|replies|reply|generations?)(?:\s+(?:size|length))?${TOK}?\s*(?:of|:|=|is|are|around|about|~|averaging|average)\s*${APPROX}(?<n>${NUM})${NOT_VOLUME}${TOK}?`,
  ],
  [
    "outputTokensPerRequest",
    String.raw`(?:(?:avg|average|mean|typical)\.?\s+)?(?:outputs?|responses?|completions?|answers?|replies|generations?)(?:\s+(?:size|length))?\s+${APPROX}(?<n>${NUM})\s*tokens?(?![\w])`,
  ],
];

/** "5000 tokens each", "1B tokens a month": token counts that say neither side nor request. */
const UNSPLIT: ReadonlyArray<[string, string]> = [
  [
    String.raw`(?<n>${NUM})\s*(?:(?:total|input|output)\s+)?tokens?(?:\s+(?:in\s+total|total))?(?<period>${PERIOD})`,
    'a total, not per request: give requests a month and tokens per request, e.g. "1M requests a month, 800 in / 200 out"',
  ],
  [
    String.raw`(?<n>${NUM})${TOK}\s+(?:each|apiece|per\s+(?:request|call|query|message|prompt|conversation)|an?\s+(?:request|call|query|message))(?![\w])`,
    'input or output? say "800 input tokens", "200 output tokens" or "800 in / 200 out"',
  ],
];

/** "600 of 800 input tokens are cached": the cached count and the input it is part of. */
const CACHED_OF = String.raw`(?<c>${NUM})\s+(?:out\s+)?of\s+(?:the\s+|our\s+|each\s+)?(?<i>${NUM})(?:\s*${IN})?${TOK}?\s+(?:are|is|get|gets|were|being)?\s*cached`;

const SHARE_WORDS: Record<string, number> = {
  half: 0.5,
  "a third": 1 / 3,
  "one third": 1 / 3,
  "two thirds": 2 / 3,
  "a quarter": 0.25,
  "one quarter": 0.25,
  "three quarters": 0.75,
};
const SHARE_WORD = String.raw`(?<w>half|a\s+third|one\s+third|two\s+thirds|a\s+quarter|one\s+quarter|three\s+quarters)\s+(?:of\s+)?(?:the\s+|our\s+|each\s+)?(?:input|prompt|context)s?(?:\s+tokens)?\s+(?:is|are|gets?|being)\s+cached`;

const CACHE_SHARE = [
  String.raw`(?<p>${PERCENT})\s*(?:(?:prompt|input)\s+)?(?:cache[\s-]?hits?(?:\s+(?:rate|ratio))?|cached|of\s+(?:the\s+)?(?:input|prompt)s?(?:\s+tokens)?\s+(?:is\s+|are\s+)?cached)`,
  String.raw`cache[\s-]?hit(?:\s+(?:rate|ratio))?(?:\s+(?:of|is)|\s*[:=])*\s*(?<p>${PERCENT})`,
];

const whole = (n: number): number => Math.round(n);
/** Tokens are whole: a typed fraction is rounded and the rounding said. */
const rounded = (n: number) => (Number.isInteger(n) ? {} : { note: `rounded from ${formatNumber(n)}` });

function readTokens(ctx: ReadContext): void {
  for (const source of PAIRS) {
    ctx.spans.each(rx(source), (m) => {
      const i = groupNumber(m, "i");
      const o = groupNumber(m, "o");
      if (i === undefined || o === undefined) return false;
      addFact(ctx, m, "inputTokensPerRequest", whole(i), rounded(i));
      addFact(ctx, m, "outputTokensPerRequest", whole(o), rounded(o));
      return true;
    });
  }
  ctx.spans.each(rx(CACHED_OF), (m) => {
    const c = groupNumber(m, "c");
    const i = groupNumber(m, "i");
    if (c === undefined || i === undefined) return false;
    addFact(ctx, m, "inputTokensPerRequest", whole(i), rounded(i));
    addFact(ctx, m, "cachedInputTokensPerRequest", whole(c), rounded(c));
    return true;
  });
  ctx.spans.each(rx(SHARE_WORD), (m) => {
    const share = SHARE_WORDS[(m.groups?.w ?? "").toLowerCase().replace(/\s+/g, " ")];
    if (share === undefined) return false;
    addFact(ctx, m, "cachedInputTokensPerRequest", 0, { cacheShare: share });
    return true;
  });
  for (const source of CACHE_SHARE) {
    ctx.spans.each(rx(source), (m) => {
      const share = parsePercent(m.groups?.p ?? "");
      if (share === undefined) return false;
      addFact(ctx, m, "cachedInputTokensPerRequest", 0, { cacheShare: share });
      return true;
    });
  }
  for (const [field, source] of SINGLE) {
    ctx.spans.each(rx(source), (m) => {
      const n = groupNumber(m, "n");
      if (n === undefined) return false;
      addFact(ctx, m, field, whole(n), rounded(n));
      return true;
    });
  }
  for (const [source, why] of UNSPLIT) {
    ctx.spans.each(rx(source), (m) => {
      addNote(ctx, m, why);
      return true;
    });
  }
}

/** Reads tokens per request and the per-call voice figures. */
export function readTokensAndVoice(ctx: ReadContext): void {
  readTokens(ctx);
  readVoice(ctx);
}

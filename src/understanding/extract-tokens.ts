import type { ProfileField } from "../domain/profile.js";
import { NUM, PERCENT, parsePercent } from "./numbers.js";
import { addFact, groupNumber, type ReadContext, rx } from "./reading.js";

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
    "outputTokensPerRequest",
    String.raw`(?<n>${NUM})[\s-]*(?:${OUT}[\s-]*tokens?|tokens?[\s-]+(?:outputs?|responses?|answers?|replies|completions?|out\b))`,
  ],
  [
    "outputTokensPerRequest",
    String.raw`(?:outputs?|responses?|completions?|answers?|replies|reply|generations?)(?:\s+(?:size|length))?${TOK}?\s*(?:of|:|=|is|are|around|about|~|averaging|average)\s*${APPROX}(?<n>${NUM})${NOT_VOLUME}${TOK}?`,
  ],
];

const CACHE_SHARE = [
  String.raw`(?<p>${PERCENT})\s*(?:(?:prompt|input)\s+)?(?:cache[\s-]?hits?(?:\s+(?:rate|ratio))?|cached|of\s+(?:the\s+)?(?:input|prompt)s?(?:\s+tokens)?\s+(?:is\s+|are\s+)?cached)`,
  String.raw`cache[\s-]?hit(?:\s+(?:rate|ratio))?(?:\s+(?:of|is)|\s*[:=])*\s*(?<p>${PERCENT})`,
];

const whole = (n: number): number => Math.round(n);

function readTokens(ctx: ReadContext): void {
  for (const source of PAIRS) {
    ctx.spans.each(rx(source), (m) => {
      const i = groupNumber(m, "i");
      const o = groupNumber(m, "o");
      if (i === undefined || o === undefined) return false;
      addFact(ctx, m, "inputTokensPerRequest", whole(i));
      addFact(ctx, m, "outputTokensPerRequest", whole(o));
      return true;
    });
  }
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
      addFact(ctx, m, field, whole(n));
      return true;
    });
  }
}

const MINUTES = String.raw`(?:minutes?|mins?)\.?`;
const VOICE_MINUTES = [
  String.raw`(?<n>${NUM})[\s-]*${MINUTES}\s*(?:per|a|an|each|\/|every)\s*(?:phone\s+)?call`,
  String.raw`(?<n>${NUM})[\s-]*${MINUTES}\s*(?:on\s+)?(?:avg|average)\.?(?:\s+(?:per\s+)?call(?:\s+(?:length|duration))?)?`,
  String.raw`(?<n>${NUM})[\s-]*${MINUTES}\s+(?:long\s+)?(?:phone\s+)?calls`,
  String.raw`(?<n>${NUM})[\s-]*${MINUTES}\s+(?:each|apiece|on\s+average)(?![\w])`,
  String.raw`(?:(?:avg|average)\s+)?call(?:s|\s+length|\s+duration|\s+time)?(?:\s+(?:of|lasting|lasts?|averaging|averages?|is|are|takes?|around|about)|\s*[:=~])+\s*${APPROX}(?<n>${NUM})[\s-]*${MINUTES}`,
];

const SMS = [
  [
    String.raw`(?<n>${NUM})\s*(?:sms|texts?|text\s+messages?)(?:\s+(?:messages?|confirmations?|notifications?))?\s*(?:per|a|an|each|\/|every|after\s+each|after\s+every)\s*call`,
    "",
  ],
  [
    String.raw`(?:an?|one|single)\s+(?:sms|text(?:\s+message)?)(?:\s+(?:confirmation|message|notification|follow[\s-]?up))?(?:\s+(?:per|after\s+each|after\s+every|for\s+each)\s+call)?`,
    "1",
  ],
  [String.raw`(?:sms|text)\s+confirmations?`, "1"],
  [String.raw`no\s+(?:sms|texts?|text\s+messages?)`, "0"],
] as const;

function readVoice(ctx: ReadContext): void {
  for (const source of VOICE_MINUTES) {
    ctx.spans.each(rx(source), (m) => {
      const n = groupNumber(m, "n");
      if (n === undefined) return false;
      addFact(ctx, m, "minutesPerCall", n, { voiceOnly: true });
      return true;
    });
  }
  for (const [source, fixed] of SMS) {
    ctx.spans.each(rx(source), (m) => {
      const n = fixed === "" ? groupNumber(m, "n") : Number(fixed);
      if (n === undefined) return false;
      addFact(ctx, m, "smsPerCall", n, { voiceOnly: true });
      return true;
    });
  }
}

/** Reads tokens per request and the per-call voice figures. */
export function readTokensAndVoice(ctx: ReadContext): void {
  readTokens(ctx);
  readVoice(ctx);
}

/**
 * Number phrases as people type them: 500k, 1.5M, 2 million, 2,000,000, 2_000_000, 1e6,
 * "half a million", "ten thousand", "two". Pattern sources carry no capture groups so callers
 * can wrap them in named groups of their own.
 */

const SMALL: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  single: 1,
  "a single": 1,
  two: 2,
  "a couple of": 2,
  "a couple": 2,
  "a pair of": 2,
  three: 3,
  "a few": 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  "a dozen": 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  "a hundred": 100,
  "one hundred": 100,
  "half a": 0.5,
  "half an": 0.5,
};

const SCALES: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mm: 1e6,
  mn: 1e6,
  mil: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
};

const DIGITS = String.raw`(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:_\d{3})+|\d+)(?:\.\d+)?(?:e[+-]?\d{1,3})?`;
const SCALE = `(?:thousand|million|billion|mil|mm|mn|bn|k|m|b)(?![a-z])`;
const COUNT_WORDS = String.raw`(?:a\s+couple\s+of|a\s+couple|a\s+pair\s+of|a\s+few|a\s+dozen|a\s+single|single|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)`;
const SCALED_WORDS = String.raw`(?:half\s+an?|an?|a\s+hundred|one\s+hundred|hundred|${COUNT_WORDS})\s+(?:hundred\s+)?(?:thousand|million|billion)`;

/** A figure with an optional scale: "500k", "1.5 M", "-3", "2,000,000", "1e6", "half a million". Never a part of a longer figure. */
export const NUM = String.raw`(?:(?:(?<![\w.,-])-\s?|(?<![\w.,-]))${DIGITS}(?:\s?${SCALE})?(?![\d_]|[.,]\d)(?!\s?${SCALE})|(?<![\w-])${SCALED_WORDS}(?![\w-]))`;

/** NUM right after a dash or "to", as the second figure of a range ("500-1000"). */
export const RANGE_END = String.raw`(?:${DIGITS}(?:\s?${SCALE})?(?![\d_]|[.,]\d)(?!\s?${SCALE}))`;

/** A count that may be a word: NUM, or "two", "a couple of", "a single". */
export const COUNT = String.raw`(?:${NUM}|(?<![\w-])${COUNT_WORDS}(?![\w-]))`;

/** A percentage: "50%", "99.5 %", "20 percent". */
export const PERCENT = String.raw`(?:(?<![\w.,-])\d{1,3}(?:\.\d+)?\s?(?:%|percent\b|pct\b))`;

/** The value of a number phrase matched by NUM or COUNT; undefined when it is not one. */
export function parseNumber(raw: string): number | undefined {
  const s = raw.trim().toLowerCase().replace(/\s+/g, " ");
  const small = SMALL[s];
  if (small !== undefined) return small;
  const digits = /^(-\s?)?(\d[\d,_]*(?:\.\d+)?(?:e[+-]?\d+)?|\.\d+)\s?([a-z]+)?$/.exec(s);
  if (digits) {
    const base = Number((digits[2] ?? "").replace(/[,_]/g, ""));
    const scale = digits[3] === undefined ? 1 : SCALES[digits[3]];
    if (scale === undefined || Number.isNaN(base)) return undefined;
    return (digits[1] ? -1 : 1) * base * scale;
  }
  const words = /^(.*?) (?:(hundred) )?(thousand|million|billion)$/.exec(s);
  if (words) {
    const head = words[1] === undefined ? undefined : SMALL[words[1]];
    const scale = words[3] === undefined ? undefined : SCALES[words[3]];
    if (head === undefined || scale === undefined) return undefined;
    return head * (words[2] ? 100 : 1) * scale;
  }
  return undefined;
}

/** The share a percentage stands for: "50%" → 0.5. */
export function parsePercent(raw: string): number | undefined {
  const m = /(\d{1,3}(?:\.\d+)?)/.exec(raw);
  return m?.[1] === undefined ? undefined : Number(m[1]) / 100;
}

/** A figure for a message: "100,000,000,000", "1,000,000,000,000,000", "1.5". */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return value.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

/** Rounds to cents, for money read from text (a yearly figure divided by 12). */
export const roundCents = (value: number): number => Math.round(value * 100) / 100;

/**
 * Numbers as prose writes them ("$1,234.56", "1.5M", "500K", "12%", "48,717,949", "3×", "2027-01-14",
 * "two million"), read back into values with the precision they were shown at. Both the LLM's text
 * and the Advice's own strings go through this one reader, so a figure reads the same on both sides.
 */
export type NumberKind = "money" | "unit-price" | "percent" | "ratio" | "plain";

export interface NumberMention {
  kind: NumberKind | "date";
  /** The absolute value in plain units (1.5M → 1,500,000); 0 for dates. */
  value: number;
  /** The rounding step the figure was shown at ("11.9M" → 100,000; "$2,858.53" → 0.01). */
  step: number;
  /** Written with a scale (K, M, B, "million"), where a 0.5% tolerance applies too. */
  compact: boolean;
  /** YYYY-MM-DD, or YYYY-MM for "January 2027"; dates only. */
  date?: string;
  /** Where it starts in the text. */
  index: number;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH =
  "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
const monthNumber = (name: string) =>
  String(MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1).padStart(2, "0");
const pad2 = (d: string) => d.padStart(2, "0");

const DATE_PATTERNS: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/\b(\d{4})-(\d{2})-(\d{2})\b/g, (m) => `${m[1]}-${m[2]}-${m[3]}`],
  [
    new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, "gi"),
    (m) => `${m[3]}-${monthNumber(m[1] ?? "")}-${pad2(m[2] ?? "")}`,
  ],
  [
    new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\.?,?\\s+(\\d{4})\\b`, "gi"),
    (m) => `${m[3]}-${monthNumber(m[2] ?? "")}-${pad2(m[1] ?? "")}`,
  ],
  [new RegExp(`\\b${MONTH}\\.?\\s+(\\d{4})\\b`, "gi"), (m) => `${m[2]}-${monthNumber(m[1] ?? "")}`],
];

const SCALES: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  mm: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  t: 1e12,
  tn: 1e12,
  trillion: 1e12,
};

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
  twenty: 20,
  fifty: 50,
  hundred: 100,
};

/**
 * A figure: optional currency, digits with thousands separators, an optional range end, and what is
 * glued after it (a scale, %, ×, a unit). It must not continue a word: "gpt-4o", "A100", "v0.2",
 * "g6.xlarge" and "llama3.2:3b" are names, not numbers.
 */
const FIGURE =
  /(?<![\p{L}\p{N}_.,:/]|\p{L}[-–])(?<times>×\s?)?(?<cur>US\$|\$|USD\s?)?(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?(?:-|–|to)\s?\$?(?<num2>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?))?(?<tail>[\p{L}%×/]*)/gu;
const AFTER = /^\s*(thousand|million|billion|trillion|percent|per cent|%|dollars?|USD|times)\b/i;
const ORDINAL = /^(st|nd|rd|th)$/i;
/** Money per unit ("$0.15 per 1M tokens", "$1.4084 an hour") is a price, not an amount anyone pays. */
const PER_UNIT =
  /^\s*(?:\/|per\b|an?\b|each\b)\s*(?:1M|1K|M|K|million|thousand|hour|hr|h|minute|min|second|token|request|call|message|GB|character|SMS|unit|GPU)s?\b/i;
const WORD_FIGURE =
  /\b(a|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|hundred)\s+(thousand|million|billion|dollars?|percent)\b/gi;

/** The step a figure was rounded to: its last decimal, or its last non-zero digit when it has two or more. */
function stepOf(digits: string): number {
  const [whole = "", frac] = digits.replace(/,/g, "").split(".");
  if (frac !== undefined) return Number(`1e-${frac.length}`);
  const zeros = /0*$/.exec(whole)?.[0].length ?? 0;
  // "12,000,000" is shown to the million; "3,000" might be exact, so a lone digit means units.
  return whole.length - zeros >= 2 ? 10 ** zeros : 1;
}

interface Scaled {
  kind: NumberKind;
  scale: number;
}

/** What the glued tail and the next word say about a figure; null when the figure is a name or a position. */
function readTail(tail: string, after: string, money: boolean, ratioPrefix: boolean): Scaled | null {
  const t = tail.toLowerCase();
  let kind: NumberKind = money ? "money" : ratioPrefix ? "ratio" : "plain";
  let scale = 1;
  if (t === "") {
    // nothing glued: the next word may still scale it or make it money or a percentage
  } else if (ORDINAL.test(t)) return null;
  else if (SCALES[t] !== undefined) scale = SCALES[t];
  else if (t === "%") kind = "percent";
  else if (t === "×" || t === "x") kind = "ratio";
  else if (t.length < 2) return null;
  const w = AFTER.exec(after)?.[1]?.toLowerCase();
  if (w !== undefined && t === "") {
    if (SCALES[w] !== undefined) scale = SCALES[w];
    else if (w === "%" || w === "percent" || w === "per cent") kind = "percent";
    else if (w === "times") kind = "ratio";
    else kind = "money";
  } else if (w !== undefined && (w.startsWith("dollar") || w === "usd")) kind = "money";
  if (kind === "money" && PER_UNIT.test(after.replace(AFTER, ""))) kind = "unit-price";
  return { kind, scale };
}

function isListMarker(text: string, index: number, end: number): boolean {
  const lineStart = text.lastIndexOf("\n", index - 1) + 1;
  return /^\s*$/.test(text.slice(lineStart, index)) && /^[.)]\s/.test(text.slice(end, end + 2));
}

const SCALE_WORD = /thousand|million|billion|dollar|percent/i;
const MAY_HOLD_A_FIGURE = /\d|thousand|million|billion|dollar|percent/i;

/** Every figure in a text, in order. */
export function numberMentions(input: string): NumberMention[] {
  const out: NumberMention[] = [];
  if (!MAY_HOLD_A_FIGURE.test(input)) return out;
  let text = input;
  for (const [re, iso] of /\d{4}/.test(text) ? DATE_PATTERNS : []) {
    text = text.replace(re, (...args) => {
      const m = args.slice(0, -2) as unknown as RegExpExecArray;
      const index = args.at(-2) as number;
      out.push({ kind: "date", value: 0, step: 0, compact: false, date: iso(m), index });
      return " ".repeat(String(m[0]).length);
    });
  }
  for (const m of text.matchAll(FIGURE)) {
    const g = m.groups ?? {};
    const num = g.num ?? "";
    const end = m.index + m[0].length;
    if (isListMarker(text, m.index, end)) continue;
    const scaled = readTail(
      g.tail ?? "",
      text.slice(end, end + 24),
      g.cur !== undefined,
      g.times !== undefined,
    );
    if (!scaled) continue;
    for (const digits of g.num2 ? [num, g.num2] : [num]) {
      const value = Number(digits.replace(/,/g, "")) * scaled.scale;
      out.push({
        kind: scaled.kind,
        value,
        step: stepOf(digits) * scaled.scale,
        compact: scaled.scale > 1,
        index: m.index,
      });
    }
  }
  for (const m of SCALE_WORD.test(text) ? text.matchAll(WORD_FIGURE) : []) {
    const n = NUMBER_WORDS[(m[1] ?? "").toLowerCase()] ?? 0;
    const w = (m[2] ?? "").toLowerCase();
    const scale = SCALES[w] ?? 1;
    const kind: NumberKind = w.startsWith("dollar") ? "money" : w === "percent" ? "percent" : "plain";
    out.push({ kind, value: n * scale, step: scale, compact: scale > 1, index: m.index });
  }
  return out.sort((a, b) => a.index - b.index);
}

/**
 * Whether a shown figure is a display rounding of an exact one: equal once rounded to the step it
 * was shown at and within 5% of it, or, for compact forms such as "1.5M", within 0.5%.
 */
export function isRoundingOf(m: NumberMention, exact: number): boolean {
  const a = Math.abs(exact);
  const diff = Math.abs(m.value - a);
  if (a === 0) return m.value === 0;
  const relative = diff / a;
  if (m.compact && relative <= 0.005) return true;
  return diff <= m.step / 2 + a * 1e-12 && relative <= 0.05;
}

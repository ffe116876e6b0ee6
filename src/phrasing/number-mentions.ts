import { dateMentions } from "./date-mentions.js";
import { hasBigWord, NUMBER_WORDS_RUN, wordsToNumber } from "./number-words.js";

/**
 * Numbers as prose writes them ("$1,234.56", "1.5M", "500K", "12%", "48,717,949", "3×", "54 days",
 * "2027-01-14", "two hundred dollars"), read back into values with the precision they were shown at.
 * Both the LLM's text and the facts the LLM was sent go through this one reader, so a figure reads the
 * same on both sides. What cannot be read for sure ("$95a", "€110", "seventy-eleven dollars") is
 * "unreadable": the guard refuses it rather than skip it.
 */
export type NumberKind = "money" | "unit-price" | "percent" | "ratio" | "duration" | "plain";
export type DurationUnit = "day" | "week" | "month" | "year";

export interface NumberMention {
  kind: NumberKind | "date" | "unreadable";
  /** The value in plain units (1.5M → 1,500,000), negative when written with a minus; 0 for dates. */
  value: number;
  /** The rounding step the figure was shown at ("11.9M" → 100,000; "$2,858.53" → 0.01). */
  step: number;
  /** Written with a scale (K, M, B, "million"), where a 0.5% tolerance applies too. */
  compact: boolean;
  /** Durations: what the figure counts. */
  unit?: DurationUnit;
  /** Dates: every reading (see date-mentions.ts); each must be an Advice date. */
  dates?: string[];
  /** Where it starts in the text. */
  index: number;
}

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

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const CURRENCY = String.raw`US\$|\$|USD\s?|€|£|¥|EUR\s?|GBP\s?|JPY\s?`;
/**
 * A figure: an optional minus (after a space or at the start), currency, digits with thousands
 * separators, an optional range end, and the letters glued after it (a scale, %, ×, a unit). It must
 * not continue a word: "gpt-4o", "A100", "v0.2", "g6.xlarge" and "llama3.2:3b" are names.
 */
const FIGURE = new RegExp(
  String.raw`(?<![\p{L}\p{N}_.,:]|\p{L}[-–])(?:(?<=^|[\s(])(?<sign>[-−])\s?)?(?<times>×\s?)?(?<cur>${CURRENCY})?(?<num>${NUM})(?:\s?(?:-|–|to)\s?(?:${CURRENCY})?(?<num2>${NUM}))?(?<tail>[\p{L}%×]*)`,
  "gu",
);
const FOREIGN = /^(?:€|£|¥|EUR|GBP|JPY)/;
const AFTER =
  /^\s*(thousand|million|billion|trillion|percent|per cent|%|dollars?|bucks|USD|euros?|EUR|pounds?|GBP|yen|times)\b/i;
const FOREIGN_WORD = /^(?:euros?|eur|pounds?|gbp|yen)$/i;
const DURATION = /^\s*-?\s*(day|week|month|year)s?\b/i;
const ORDINAL = /^(st|nd|rd|th)$/i;
/** Money per unit ("$0.15 per 1M tokens", "$1.4084 an hour", "$0.15/1M") is a price, not an amount anyone pays. */
const PER_UNIT =
  /^\s*(?:\/|per\b|an?\b|each\b)\s*(?:1M|1K|M|K|million|thousand|hour|hr|h|minute|min|second|token|request|call|message|GB|character|SMS|unit|GPU)s?\b/i;
/** What follows a run of number words and makes it a quantity ("seventy dollars", "ten times"). */
const WORD_UNIT =
  /^\s*(dollars?|bucks|usd|percent|per cent|times|-?fold|euros?|eur|pounds?|gbp|yen|days?|weeks?|months?|years?)\b/i;
const figure = (kind: NumberMention["kind"], value: number, step: number, index: number): NumberMention => ({
  kind,
  value,
  step,
  compact: false,
  index,
});

/** Quantities said in words without a number: read as figures the Advice has, or refused. */
const WORD_FIGURES: Array<[RegExp, (index: number) => NumberMention]> = [
  [/\b(?:by|in)\s+half\b/gi, (index) => figure("percent", 50, 1, index)],
  [/\btwice\b/gi, (index) => figure("ratio", 2, 1, index)],
  [
    /\b(?:hundreds|thousands|millions|billions|dozens)\s+of\s+(?:dollars|usd|euros)\b/gi,
    (index) => figure("unreadable", 0, 0, index),
  ],
];

/** The step a figure was rounded to: its last decimal, or its last non-zero digit when it has two or more. */
function stepOf(digits: string): number {
  const [whole = "", frac] = digits.replace(/,/g, "").split(".");
  if (frac !== undefined) return Number(`1e-${frac.length}`);
  const zeros = /0*$/.exec(whole)?.[0].length ?? 0;
  // "12,000,000" is shown to the million; "3,000" might be exact, so a lone digit means units.
  return whole.length - zeros >= 2 ? 10 ** zeros : 1;
}

interface Scaled {
  kind: NumberMention["kind"];
  scale: number;
  unit?: DurationUnit;
}

/** What the glued tail and the next words say about a figure; null when the figure is a name or a position. */
function readTail(tail: string, after: string, cur: string | undefined, ratioPrefix: boolean): Scaled | null {
  const money = cur !== undefined;
  if (money && FOREIGN.test(cur)) return { kind: "unreadable", scale: 1 };
  const t = tail.toLowerCase();
  let kind: NumberMention["kind"] = money ? "money" : ratioPrefix ? "ratio" : "plain";
  let scale = 1;
  if (t === "") {
    // nothing glued: the next word may still scale it or make it money, a percentage or a duration
  } else if (SCALES[t] !== undefined) scale = SCALES[t];
  else if (t === "%") kind = "percent";
  else if (t === "×" || t === "x") kind = "ratio";
  else if (t === "usd") kind = "money";
  else if (money) return { kind: "unreadable", scale: 1 };
  else if (ORDINAL.test(t) || t.length < 2) return null;
  const w = AFTER.exec(after)?.[1]?.toLowerCase();
  if (w !== undefined && FOREIGN_WORD.test(w)) return { kind: "unreadable", scale: 1 };
  if (w !== undefined && t === "") {
    if (SCALES[w] !== undefined) scale = SCALES[w];
    else if (w === "%" || w === "percent" || w === "per cent") kind = "percent";
    else if (w === "times") kind = "ratio";
    else kind = "money";
  } else if (w !== undefined && (w.startsWith("dollar") || w === "usd" || w === "bucks")) kind = "money";
  const rest = w === undefined ? after : after.replace(AFTER, "");
  if (kind === "money" && PER_UNIT.test(rest)) kind = "unit-price";
  const d = kind === "plain" && t === "" ? DURATION.exec(rest)?.[1]?.toLowerCase() : undefined;
  return d ? { kind: "duration", scale, unit: d as DurationUnit } : { kind, scale };
}

/** "1. first" and "2) second" number a list; "2027." opening a line is a year, not a position. */
function isListMarker(text: string, index: number, end: number, digits: string): boolean {
  const lineStart = text.lastIndexOf("\n", index - 1) + 1;
  return (
    digits.length <= 2 &&
    /^\s*$/.test(text.slice(lineStart, index)) &&
    /^[.)]\s/.test(text.slice(end, end + 2))
  );
}

function digitFigures(text: string, out: NumberMention[]): void {
  for (const m of text.matchAll(FIGURE)) {
    const g = m.groups ?? {};
    const num = g.num ?? "";
    const end = m.index + m[0].length;
    if (!g.cur && !g.sign && isListMarker(text, m.index, end, num)) continue;
    const scaled = readTail(g.tail ?? "", text.slice(end, end + 32), g.cur?.trim(), g.times !== undefined);
    if (!scaled) continue;
    for (const [i, digits] of (g.num2 ? [num, g.num2] : [num]).entries()) {
      const sign = g.sign && i === 0 ? -1 : 1;
      out.push({
        kind: scaled.kind,
        value: sign * Number(digits.replace(/,/g, "")) * scaled.scale,
        step: stepOf(digits) * scaled.scale,
        compact: scaled.scale > 1,
        ...(scaled.unit ? { unit: scaled.unit } : {}),
        index: m.index,
      });
    }
  }
}

function wordFigures(text: string, out: NumberMention[]): void {
  for (const m of text.matchAll(NUMBER_WORDS_RUN)) {
    // "2 million" was read with its digits.
    if (/\d[\d,.]*\s*$/.test(text.slice(Math.max(0, m.index - 24), m.index))) continue;
    const end = m.index + m[0].length;
    const unitWord = WORD_UNIT.exec(text.slice(end, end + 24))?.[1]
      ?.toLowerCase()
      .replace(/^-/, "");
    if (unitWord === undefined && !hasBigWord(m[0])) continue;
    const read = wordsToNumber(m[0]);
    if (!read || (unitWord !== undefined && FOREIGN_WORD.test(unitWord))) {
      out.push(figure("unreadable", 0, 0, m.index));
      continue;
    }
    let kind: NumberMention["kind"] = "plain";
    let unit: DurationUnit | undefined;
    if (unitWord === undefined) kind = "plain";
    else if (/^(dollars?|bucks|usd)$/.test(unitWord))
      kind = PER_UNIT.test(text.slice(end, end + 48).replace(WORD_UNIT, "")) ? "unit-price" : "money";
    else if (unitWord.startsWith("per")) kind = "percent";
    else if (unitWord === "times" || unitWord === "fold") kind = "ratio";
    else [kind, unit] = ["duration", unitWord.replace(/s$/, "") as DurationUnit];
    out.push({
      kind,
      value: read.value,
      step: read.step,
      compact: read.compact,
      index: m.index,
      ...(unit ? { unit } : {}),
    });
  }
  for (const [re, make] of WORD_FIGURES) for (const m of text.matchAll(re)) out.push(make(m.index));
}

const MAY_HOLD_A_FIGURE =
  /\d|hundred|thousand|million|billion|dollar|percent|half|twice|dozen|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)/i;

/** Every figure in a text, in order. */
export function numberMentions(input: string): NumberMention[] {
  const out: NumberMention[] = [];
  if (!MAY_HOLD_A_FIGURE.test(input)) return out;
  const { dates, rest } = /\d/.test(input) ? dateMentions(input) : { dates: [], rest: input };
  for (const d of dates) out.push({ ...figure("date", 0, 0, d.index), dates: d.keys });
  digitFigures(rest, out);
  wordFigures(rest, out);
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

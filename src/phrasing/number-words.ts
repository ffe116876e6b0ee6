/**
 * English number words ("two hundred", "a hundred and ten", "six hundred thousand", "twenty-five",
 * "a dozen") read into values. Written here rather than added as a dependency: the grammar is small,
 * and the guard needs a refusal for a phrase that does not parse ("seventy-eleven"), where a
 * words-to-number package would hand back a best guess.
 */

const UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
const TEENS = [
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
];
const TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const BIG = ["hundred", "dozen", ...Object.keys(SCALES)];

/** Every number word; longer words first so "seventeen" is not read as "seven". */
const WORDS = [...TEENS, ...TENS, ...UNITS, ...BIG].sort((a, b) => b.length - a.length).join("|");

/**
 * A run of number words joined by spaces, hyphens or "and", optionally opened by "a"/"an" when a
 * multiplier follows ("a hundred", "a dozen"). Each word must end at a word boundary.
 */
export const NUMBER_WORDS_RUN = new RegExp(
  `\\b(?:an?\\s+(?=(?:hundred|dozen|thousand|million|billion|trillion)\\b))?(?:${WORDS})\\b(?:(?:\\s+and\\s+|\\s+|-)(?:${WORDS})\\b)*`,
  "gi",
);

/** Whether a run holds a multiplier: such a run is a quantity on its own ("six hundred thousand"). */
export const hasBigWord = (run: string): boolean => new RegExp(`\\b(?:${BIG.join("|")})\\b`, "i").test(run);

export interface WordsValue {
  value: number;
  /** The place the last word counts in ("two hundred" → 100, "two million" → 1,000,000). */
  step: number;
  /** Ends with thousand, million...: read with the compact forms' tolerance. */
  compact: boolean;
}

type Last = "start" | "a" | "unit" | "teen" | "tens" | "hundred" | "dozen" | "scale" | "and" | "zero";

/** Reads a run of number words; null when the words do not make one number. */
export function wordsToNumber(run: string): WordsValue | null {
  const words = run
    .toLowerCase()
    .split(/[\s-]+/)
    .filter(Boolean);
  let total = 0;
  let group = 0;
  let groupStep = 1;
  let hundredInGroup = false;
  let lastScale = Number.POSITIVE_INFINITY;
  let last: Last = "start";
  let step = 1;
  for (const w of words) {
    const unit = UNITS.indexOf(w);
    const teen = TEENS.indexOf(w);
    const tens = TENS.indexOf(w);
    const scale = SCALES[w];
    if (w === "a" || w === "an") {
      if (last !== "start") return null;
      last = "a";
    } else if (w === "and") {
      if (last !== "hundred" && last !== "scale") return null;
      last = "and";
    } else if (unit === 0) {
      if (last !== "start") return null;
      last = "zero";
    } else if (unit > 0) {
      // A unit follows a ten ("twenty-five") or opens a group; never another unit or a teen.
      if (!["start", "tens", "hundred", "scale", "and"].includes(last)) return null;
      group += unit;
      [last, step] = ["unit", 1];
    } else if (teen >= 0 || tens >= 0) {
      if (!["start", "hundred", "scale", "and"].includes(last)) return null;
      group += teen >= 0 ? 10 + teen : 20 + tens * 10;
      [last, step] = teen >= 0 ? ["teen", 1] : ["tens", 10];
    } else if (w === "hundred") {
      // "a hundred", "two hundred", "eleven hundred", "twenty-five hundred"; not "hundred hundred".
      if (last === "a") group = 1;
      else if (!["unit", "teen", "tens"].includes(last) || hundredInGroup || group >= 100) return null;
      group *= 100;
      hundredInGroup = true;
      [last, step] = ["hundred", 100];
    } else if (w === "dozen") {
      if (last === "a") group = 1;
      else if (!["unit", "teen", "tens"].includes(last)) return null;
      group *= 12;
      [last, step] = ["dozen", 1];
    } else if (scale !== undefined) {
      // Scales come in falling order: "two million three hundred thousand", not "two thousand million".
      if (last === "a") group = 1;
      else if (!["unit", "teen", "tens", "hundred", "dozen"].includes(last) || group === 0) return null;
      if (scale >= lastScale) return null;
      groupStep = step;
      total += group * scale;
      step = groupStep * scale;
      group = 0;
      hundredInGroup = false;
      lastScale = scale;
      last = "scale";
    } else return null;
  }
  if (last === "start" || last === "a" || last === "and") return null;
  return { value: total + group, step, compact: last === "scale" };
}

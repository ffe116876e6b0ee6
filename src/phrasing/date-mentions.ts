/**
 * Dates as prose writes them, each read into the keys it may be checked by: "2027-01-14",
 * "January 14, 2027", "14 Jan 2027" → 2027-01-14; "January 2027" → 2027-01; "Jan 14" → --01-14 (no
 * year); "Q1 2027" → 2027-Q1; "1/14/2027" → 2027-01-14, and "3/1/2027" → both 2027-03-01 and
 * 2027-01-03, since either reading is possible and both must hold.
 */
export interface DateMention {
  /** Every reading of the date; an answer may show it only when each reading is an Advice date. */
  keys: string[];
  index: number;
  length: number;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH =
  "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
const monthNumber = (name: string) =>
  String(MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1).padStart(2, "0");
const pad2 = (d: string | number) => String(d).padStart(2, "0");

/** A real day of a month (29 February allowed: the year may be a leap year). */
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isDay = (month: number, day: number) => day >= 1 && day <= (DAYS_IN_MONTH[month - 1] ?? 0);

function numericDate(m: RegExpExecArray): string[] {
  const [a, b, y] = [Number(m[1]), Number(m[2]), m[3] ?? ""];
  const year = y.length === 2 ? `20${y}` : y;
  const readings = new Set<string>();
  // Month first (US) and day first (most elsewhere): a reading that is no real date drops out.
  if (isDay(a, b)) readings.add(`${year}-${pad2(a)}-${pad2(b)}`);
  if (isDay(b, a)) readings.add(`${year}-${pad2(b)}-${pad2(a)}`);
  // Neither reading is a date: a key no Advice has, so the figure is refused.
  return readings.size > 0 ? [...readings] : [`invalid:${m[0]}`];
}

/** Longer forms first: once read, a date is blanked so its parts are not read again. */
const PATTERNS: Array<[RegExp, (m: RegExpExecArray) => string[]]> = [
  [/\b(\d{4})-(\d{2})-(\d{2})\b/g, (m) => [`${m[1]}-${m[2]}-${m[3]}`]],
  [/\b(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})\b/g, numericDate],
  [
    new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, "gi"),
    (m) => [`${m[3]}-${monthNumber(m[1] ?? "")}-${pad2(m[2] ?? "")}`],
  ],
  [
    new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\.?,?\\s+(\\d{4})\\b`, "gi"),
    (m) => [`${m[3]}-${monthNumber(m[2] ?? "")}-${pad2(m[1] ?? "")}`],
  ],
  [new RegExp(`\\b${MONTH}\\.?\\s+(\\d{4})\\b`, "gi"), (m) => [`${m[2]}-${monthNumber(m[1] ?? "")}`]],
  [/\b[Qq]([1-4])\s+(\d{4})\b/g, (m) => [`${m[2]}-Q${m[1]}`]],
  // Without a year, only a capitalized month: "may 5" is more likely a verb than a date.
  [
    new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?![.,]?\\d)`, "g"),
    (m) => [`--${monthNumber(m[1] ?? "")}-${pad2(m[2] ?? "")}`],
  ],
  [
    new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\b`, "g"),
    (m) => [`--${monthNumber(m[2] ?? "")}-${pad2(m[1] ?? "")}`],
  ],
];

/** The dates of a text, and the text with each blanked out (same length), for the figure reader. */
export function dateMentions(input: string): { dates: DateMention[]; rest: string } {
  const dates: DateMention[] = [];
  let text = input;
  for (const [re, keys] of PATTERNS) {
    text = text.replace(re, (...args) => {
      const m = args.slice(0, -2) as unknown as RegExpExecArray;
      const index = args.at(-2) as number;
      const whole = String(m[0]);
      dates.push({ keys: keys(m), index, length: whole.length });
      return " ".repeat(whole.length);
    });
  }
  return { dates, rest: text };
}

/** The keys an Advice date (YYYY-MM-DD) is found by: itself, its month, its quarter, its day without the year. */
export function dateKeys(iso: string): string[] {
  const [y, m, d] = iso.split("-");
  if (!y || !m) return [];
  const quarter = Math.ceil(Number(m) / 3);
  return d ? [iso, `${y}-${m}`, `${y}-Q${quarter}`, `--${m}-${d}`] : [iso, `${y}-Q${quarter}`];
}

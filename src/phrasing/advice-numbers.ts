import { dateKeys } from "./date-mentions.js";
import type { Facts } from "./facts.js";
import { type DurationUnit, isRoundingOf, type NumberMention, numberMentions } from "./number-mentions.js";

/**
 * The figures an answer may show, by kind: only those of the facts the LLM was sent (facts.ts) and
 * of the template's own text, so a figure buried in the Advice (an excluded option's bill, a unit
 * price, a line item) cannot pass for one of the answer's.
 */
export interface AllowedNumbers {
  money: number[];
  "unit-price": number[];
  percent: number[];
  ratio: number[];
  plain: number[];
  duration: Record<DurationUnit, number[]>;
  /** Date keys (date-mentions.ts): each Advice date by day, month, quarter, and day without year. */
  dates: Set<string>;
}

function addMention(into: AllowedNumbers, m: NumberMention): void {
  if (m.kind === "date") {
    for (const d of m.dates ?? [])
      for (const k of /^\d{4}-\d{2}-\d{2}$/.test(d) ? dateKeys(d) : [d]) into.dates.add(k);
    // "by 2027" may name the year of a date.
    for (const d of m.dates ?? []) if (/^\d{4}/.test(d)) into.plain.push(Number(d.slice(0, 4)));
  } else if (m.kind === "duration" && m.unit) into.duration[m.unit].push(m.value);
  else if (m.kind !== "unreadable" && m.kind !== "duration") into[m.kind].push(m.value);
}

/** Every string and number of the facts: strings are read as prose is (names masked), numbers are counts. */
function walk(into: AllowedNumbers, value: unknown, mask: (s: string) => string): void {
  if (typeof value === "string") for (const m of numberMentions(mask(value))) addMention(into, m);
  else if (typeof value === "number") into.plain.push(value);
  else if (Array.isArray(value)) for (const v of value) walk(into, v, mask);
  else if (value !== null && typeof value === "object")
    for (const v of Object.values(value)) walk(into, v, mask);
}

/** The figures of the facts and of the template written from them, plus durations a summary may state. */
export function allowedNumbers(
  facts: Facts,
  templateText: string,
  mask: (s: string) => string = (s) => s,
): AllowedNumbers {
  const into: AllowedNumbers = {
    money: [],
    "unit-price": [],
    percent: [],
    ratio: [],
    plain: [],
    duration: { day: [], week: [], month: [], year: [] },
    dates: new Set(),
  };
  walk(into, facts, mask);
  for (const m of numberMentions(mask(templateText))) addMention(into, m);
  // The horizon may be said in months or in years; a retirement in days.
  into.duration.month.push(facts.horizonMonths);
  into.duration.year.push(facts.horizonMonths / 12);
  for (const r of facts.retirements) if (r.inDays !== null) into.duration.day.push(Math.abs(r.inDays));
  into.plain.push(facts.options.length, facts.reasons.length, facts.retirements.length);
  return into;
}

/** Which of the Advice's figures a figure of the answer may be: money with money, ratios with ratios... */
function candidates(m: NumberMention, allowed: AllowedNumbers): number[] {
  switch (m.kind) {
    case "money":
    case "unit-price":
    case "percent":
    case "ratio":
      return allowed[m.kind];
    case "duration":
      return m.unit ? allowed.duration[m.unit] : [];
    case "plain":
      // A bare number may be any figure shown without its unit ("110 a month", "24 below").
      return [
        ...allowed.plain,
        ...allowed.money,
        ...allowed.percent,
        ...allowed.ratio,
        ...Object.values(allowed.duration).flat(),
      ];
    case "date":
    case "unreadable":
      return [];
  }
}

/** Whether one figure of a text is the Advice's, allowing display rounding. */
export function isAllowed(m: NumberMention, allowed: AllowedNumbers): boolean {
  if (m.kind === "date") return (m.dates ?? []).every((d) => allowed.dates.has(d));
  return candidates(m, allowed).some((exact) => isRoundingOf(m, exact));
}

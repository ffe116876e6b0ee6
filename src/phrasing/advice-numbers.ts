import type { Advice } from "../domain/advice.js";
import { Dec } from "../domain/money.js";
import type { Facts } from "./facts.js";
import { isRoundingOf, type NumberKind, type NumberMention, numberMentions } from "./number-mentions.js";

/** Every figure an answer about this Advice may show, by kind, and its dates. */
export interface AllowedNumbers {
  money: number[];
  "unit-price": number[];
  percent: number[];
  ratio: number[];
  plain: number[];
  dates: Set<string>;
  /** Strings already read. */
  seen: Set<string>;
}

/** Fields not walked: a chart's sample points are no figure of the answer, and a refuted seed claim is the one number it must not repeat. */
const SKIPPED_KEYS = new Set(["curve", "claim"]);
const UNIT_PRICE_KEY = /unitprice|permtok|hourly/i;
const MONEY_KEY = /usd|cost|price|budget|revenue|spend/i;
const SHARE_KEY = /share|utilization/i;

function add(into: AllowedNumbers, kind: NumberKind, value: number): void {
  if (Number.isFinite(value)) into[kind].push(Math.abs(value));
}

function addNumber(into: AllowedNumbers, key: string, value: number): void {
  if (UNIT_PRICE_KEY.test(key)) add(into, "unit-price", value);
  else if (MONEY_KEY.test(key)) add(into, "money", value);
  else if (SHARE_KEY.test(key) && Math.abs(value) <= 1) add(into, "percent", value * 100);
  add(into, "plain", value);
}

function addText(into: AllowedNumbers, text: string): void {
  // Sources and notes repeat across line items: each distinct string is read once.
  if (into.seen.has(text)) return;
  into.seen.add(text);
  for (const m of numberMentions(text)) {
    if (m.kind === "date") {
      const date = m.date ?? "";
      into.dates.add(date);
      into.dates.add(date.slice(0, 7));
      add(into, "plain", Number(date.slice(0, 4)));
    } else add(into, m.kind, m.value);
  }
}

function walk(into: AllowedNumbers, value: unknown, key: string): void {
  if (value === null || value === undefined || typeof value === "boolean") return;
  if (value instanceof Dec) addNumber(into, key, value.toNumber());
  else if (typeof value === "number") addNumber(into, key, value);
  else if (typeof value === "string") addText(into, value);
  else if (Array.isArray(value)) for (const v of value) walk(into, v, key);
  else if (typeof value === "object") {
    const o = value as Record<string, unknown>;
    // A line counted in millions ("50 × 1M tokens") is written "50M tokens" too.
    if (typeof o.unit === "string" && o.unit.startsWith("1M ") && o.quantity instanceof Dec)
      add(into, "plain", o.quantity.times(1e6).toNumber());
    for (const [k, v] of Object.entries(o)) if (!SKIPPED_KEYS.has(k)) walk(into, v, k);
  }
}

/** The figures of an Advice and of the facts derived from it, plus counts a summary may state. */
export function allowedNumbers(a: Advice, facts: Facts): AllowedNumbers {
  const into: AllowedNumbers = {
    money: [],
    "unit-price": [],
    percent: [],
    ratio: [],
    plain: [],
    dates: new Set(),
    seen: new Set(),
  };
  walk(into, a, "advice");
  walk(into, facts, "facts");
  for (const n of [a.options.length, a.excluded.length, a.reasons.length, a.profile.horizonMonths / 12])
    add(into, "plain", n);
  return into;
}

/** Which figures an answer shows may be compared with which of the Advice's. */
const POOLS: Record<NumberKind, Array<keyof Omit<AllowedNumbers, "dates" | "seen">>> = {
  money: ["money"],
  "unit-price": ["unit-price"],
  percent: ["percent"],
  ratio: ["ratio", "plain"],
  plain: ["plain", "money", "unit-price", "percent", "ratio"],
};

/** Whether one figure of a text is the Advice's, allowing display rounding. */
export function isAllowed(m: NumberMention, allowed: AllowedNumbers): boolean {
  if (m.kind === "date") return allowed.dates.has(m.date ?? "");
  return POOLS[m.kind].some((pool) => allowed[pool].some((exact) => isRoundingOf(m, exact)));
}

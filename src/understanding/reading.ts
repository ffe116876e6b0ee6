import type { ProfileField } from "../domain/profile.js";
import { parseNumber } from "./numbers.js";
import type { Leftover, TextSpans } from "./spans.js";
import type { FactValue, ModelLookup } from "./types.js";

/** A question asks afresh; a follow-up changes the thread's Profile. Some phrasings read differently. */
export type Mode = "question" | "follow-up";

/**
 * One fact as read, before facts are combined into a Profile. `weak` facts give way to a stated
 * value of the same field ("assistant" → chat unless "classification" is said too); `hint`
 * facts are weak and apply to fresh questions only (a bare "batch" in a follow-up is latency).
 */
export interface Fact {
  field: ProfileField;
  value: FactValue;
  op: "set" | "add" | "remove";
  text: string;
  start: number;
  strength?: "weak" | "hint";
  /** For fields that keep the strongest statement (team, customization): higher wins. */
  rank?: number;
  /** A volume counted in calls: calls per month when the use case is voice. */
  calls?: boolean;
  /** A rate said to be the peak ("50 rps peak"): it sizes GPUs; see peak-rate.ts. */
  peakPerSecond?: number;
  /** A per-call figure of a voice pipeline (minutes, SMS): it means nothing for another use case. */
  voiceOnly?: boolean;
  /** A cache-hit share to apply to the input tokens once they are known. */
  cacheShare?: number;
  note?: string;
}

/** A relative volume change from a follow-up ("double the volume" → 2). */
export interface VolumeScale {
  factor: number;
  text: string;
  start: number;
}

export interface ReadContext {
  readonly spans: TextSpans;
  readonly mode: Mode;
  readonly catalog: ModelLookup;
  readonly facts: Fact[];
  readonly scales: VolumeScale[];
  /** Fragments that carried meaning but could not be used, with why. */
  readonly notes: Leftover[];
}

/** A case-insensitive global pattern from a source string. */
export const rx = (source: string): RegExp => new RegExp(source, "gi");

/** The matched words without surrounding spaces, as reported back. */
export const textOf = (m: RegExpExecArray): string => m[0].trim();

/** Where the trimmed match starts. */
export const startOf = (m: RegExpExecArray): number => m.index + (m[0].length - m[0].trimStart().length);

/** Records a fact read from a match. */
export function addFact(
  ctx: ReadContext,
  m: RegExpExecArray,
  field: ProfileField,
  value: FactValue,
  extra: Partial<Fact> = {},
): void {
  ctx.facts.push({ field, value, op: "set", text: textOf(m), start: startOf(m), ...extra });
}

/** Records a fragment that meant something but cannot be used, with why. */
export function addNote(ctx: ReadContext, m: RegExpExecArray, why: string): void {
  ctx.notes.push({ text: `${textOf(m)} (${why})`, start: startOf(m) });
}

/** The number in a named group, if the group matched and parses. */
export function groupNumber(m: RegExpExecArray, name: string): number | undefined {
  const raw = m.groups?.[name];
  return raw === undefined ? undefined : parseNumber(raw);
}

export type Period = "month" | "day" | "year" | "week" | "hour" | "second";

/** "/month", "a day", "per year", "monthly", "/mo": the period a figure is counted over. */
export const PERIOD = String.raw`(?:\s*\/\s*(?:months?|mo|mth|days?|d|years?|yr|y|weeks?|wk|w|hours?|hr|h|seconds?|sec|s)(?![a-z])|\s+(?:per|a|an|each|every|in\s+a|in\s+one)\s+(?:months?|mo|mth|days?|years?|yr|weeks?|wk|hours?|hr|seconds?|sec)(?![a-z])|\s+(?:monthly|daily|yearly|annually|weekly|hourly|per\s+annum|pm)(?![a-z]))`;

const PERIODS: ReadonlyArray<[Period, RegExp]> = [
  ["second", /\/\s*s(?:ec(?:onds?)?)?\b|\bseconds?\b|\bsec\b|\brps\b|\bqps\b/],
  ["hour", /\bhours?\b|\bhr\b|\/\s*h\b|\bhourly\b/],
  ["day", /\bdays?\b|\/\s*d\b|\bdaily\b/],
  ["week", /\bweeks?\b|\bwk\b|\/\s*w\b|\bweekly\b/],
  ["year", /\byears?\b|\byr\b|\/\s*y\b|\bannual(?:ly)?\b|\bannum\b|\byearly\b|\barr\b/],
  ["month", /\bmonths?\b|\bmo\b|\bmth\b|\bmonthly\b|\bmrr\b|\bpm\b/],
];

/** The period named in a matched phrase, if any. */
export function periodOf(text: string): Period | undefined {
  const t = text.toLowerCase();
  return PERIODS.find(([, re]) => re.test(t))?.[0];
}

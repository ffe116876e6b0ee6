import type { Cron } from "croner";
import type { Schedule } from "../store/index.js";
import { cronOf } from "./schedule.js";

/**
 * Which period is due, as pure functions of a schedule and an instant (STYLE 1.4). A period is one
 * scheduled run, named by its UTC instant ("2026-03-30T07:00:00.000Z"): the same key on every
 * replica, whatever its local clock zone, and unambiguous across daylight-saving changes.
 */

export interface Run {
  /** The scheduled instant. */
  at: Date;
  /** The delivery ledger's key for this run. */
  periodKey: string;
}

const DAY_MS = 86_400_000;
const cache = new Map<string, Cron>();

/** Croner jobs are reused: the scheduler asks about the same few schedules every tick. */
function cronFor(schedule: Schedule): Cron {
  const key = `${schedule.timezone}\u0000${schedule.cron}`;
  let job = cache.get(key);
  if (!job) {
    if (cache.size > 10_000) cache.clear();
    job = cronOf(schedule);
    cache.set(key, job);
  }
  return job;
}

export const periodKeyOf = (at: Date): string => at.toISOString();

/**
 * The latest scheduled run at or before `now`, or null when there is none since `notBefore` (a
 * subscription made or changed after the last run waits for the next one). Runs missed while the
 * bot was down collapse into this one: catching up posts the most recent period once, not each.
 */
export function latestRun(schedule: Schedule, now: Date, notBefore?: Date): Run | null {
  // previousRuns excludes a run exactly at its reference, so look from just after `now`.
  const [at] = cronFor(schedule).previousRuns(1, new Date(now.getTime() + 1));
  if (!at || at.getTime() > now.getTime()) return null;
  if (notBefore && at.getTime() < notBefore.getTime()) return null;
  return { at, periodKey: periodKeyOf(at) };
}

/** The first scheduled run strictly after `after`, or null when the schedule never runs again. */
export function nextRun(schedule: Schedule, after: Date): Date | null {
  return cronFor(schedule).nextRun(after);
}

/** The run before `run`: the start of the period a digest looks back on. */
export function previousRun(schedule: Schedule, run: Date): Date | null {
  const [at] = cronFor(schedule).previousRuns(1, run);
  return at ?? null;
}

/** The calendar day of an instant in a time zone, YYYY-MM-DD (the engine's "today" for a digest). */
export function localDay(at: Date, timezone: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: timezone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(at);
}

const utcMidnight = (at: Date): Date => new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);

/** Whole UTC days [start, end) to compare with a provider's daily cost buckets. */
export interface SpendWindow {
  start: Date;
  end: Date;
  days: number;
}

/**
 * The previous period in whole UTC days, as providers bucket costs by UTC day: from the day of the
 * previous run up to (not including) the day of this run; at least the one full day before the run.
 */
export function spendWindow(schedule: Schedule, run: Date): SpendWindow {
  const end = utcMidnight(run);
  const before = previousRun(schedule, run);
  let start = before ? utcMidnight(before) : new Date(end.getTime() - DAY_MS);
  if (start.getTime() >= end.getTime()) start = new Date(end.getTime() - DAY_MS);
  return { start, end, days: Math.round((end.getTime() - start.getTime()) / DAY_MS) };
}

import { Cron } from "croner";
import { type Schedule, ScheduleSchema } from "../store/index.js";

/**
 * The chat grammar for digest schedules, turned into a five-field cron read in an IANA time zone:
 *   daily 09:00 Europe/Berlin            → 0 9 * * *
 *   weekdays 09:00 Europe/Berlin         → 0 9 * * 1-5
 *   weekly mon 09:00 Europe/Berlin       → 0 9 * * 1
 *   monthly 15 09:00 Europe/Berlin       → 0 9 15 * *
 *   monthly last 18:00 Europe/Berlin     → 0 18 L * *   (also "monthly 31": the 31st is always the last day)
 *   0 9 * * 1 Europe/Berlin              → any five-field cron (croner's syntax, `L` and `#` included)
 * Days 29 and 30 are refused for "monthly": February lacks them, and a digest that silently skips a
 * month surprises more than it helps; a raw cron keeps cron's skipping for whoever wants it.
 * Croner does the calendar: DST gaps run at the first valid minute after the gap, repeated times once.
 */

const WEEKDAYS: ReadonlyArray<readonly [number, string, readonly string[]]> = [
  [0, "Sunday", ["sun", "sunday", "sundays"]],
  [1, "Monday", ["mon", "monday", "mondays"]],
  [2, "Tuesday", ["tue", "tues", "tuesday", "tuesdays"]],
  [3, "Wednesday", ["wed", "wednesday", "wednesdays"]],
  [4, "Thursday", ["thu", "thur", "thurs", "thursday", "thursdays"]],
  [5, "Friday", ["fri", "friday", "fridays"]],
  [6, "Saturday", ["sat", "saturday", "saturdays"]],
];

/** A digest runs at most once an hour: a cron such as `* * * * *` would flood the channel. */
export const MIN_INTERVAL_MS = 60 * 60_000;

const EXAMPLES =
  "daily 09:00 Europe/Berlin, weekly mon 09:00 Europe/Berlin, monthly last 18:00 Europe/Berlin, or a cron such as 0 9 * * 1 Europe/Berlin";

let zoneIndex: Map<string, string> | undefined;

/** The canonical spelling of an IANA time zone typed in any case ("europe/berlin"), or null. */
export function normalizeTimezone(typed: string): string | null {
  zoneIndex ??= new Map(
    [...Intl.supportedValuesOf("timeZone"), "UTC", "Etc/UTC", "GMT"].map((z) => [z.toLowerCase(), z]),
  );
  return zoneIndex.get(typed.trim().toLowerCase()) ?? null;
}

/** A paused croner job for the schedule; it only computes dates, it never fires. */
export function cronOf(schedule: Schedule): Cron {
  return new Cron(schedule.cron, { timezone: schedule.timezone, mode: "5-part", paused: true });
}

const problems = new Map<string, string | null>();

/** Why a stored or typed schedule cannot run, or null when it can (remembered: the scheduler asks every tick). */
export function scheduleProblem(schedule: Schedule): string | null {
  const key = `${schedule.timezone}\u0000${schedule.cron}`;
  const known = problems.get(key);
  if (known !== undefined) return known;
  if (problems.size > 10_000) problems.clear();
  const problem = findProblem(schedule);
  problems.set(key, problem);
  return problem;
}

function findProblem(schedule: Schedule): string | null {
  if (!ScheduleSchema.safeParse(schedule).success) return `"${schedule.cron}" is not five cron fields`;
  if (normalizeTimezone(schedule.timezone) !== schedule.timezone)
    return `unknown time zone "${schedule.timezone}"; use an IANA name such as Europe/Berlin or UTC`;
  let runs: Date[];
  try {
    runs = cronOf(schedule).nextRuns(50, new Date(Date.UTC(2026, 0, 1)));
  } catch (e) {
    const why = e instanceof Error ? e.message.replace(/^CronPattern: /, "") : "invalid pattern";
    return `"${schedule.cron}" is not a valid cron: ${why}`;
  }
  if (runs.length === 0) return `"${schedule.cron}" never runs`;
  for (let i = 1; i < runs.length; i++) {
    const gap = (runs[i]?.getTime() ?? 0) - (runs[i - 1]?.getTime() ?? 0);
    if (gap < MIN_INTERVAL_MS)
      return `"${schedule.cron}" runs more than once an hour; a digest runs at most hourly`;
  }
  return null;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** A schedule in words, for replies and digests: "every Monday at 09:00 (Europe/Berlin)". */
export function describeSchedule(schedule: Schedule): string {
  const tz = `(${schedule.timezone})`;
  const m = /^(\d{1,2}) (\d{1,2}) (\S+) \* (\S+)$/.exec(schedule.cron.trim().replace(/\s+/g, " "));
  if (m) {
    const at = `${pad(Number(m[2]))}:${pad(Number(m[1]))}`;
    const [dom, dow] = [m[3], m[4]];
    if (dom === "*" && dow === "*") return `every day at ${at} ${tz}`;
    if (dom === "*" && dow === "1-5") return `every weekday at ${at} ${tz}`;
    const day = WEEKDAYS.find(([n]) => String(n) === dow);
    if (dom === "*" && day) return `every ${day[1]} at ${at} ${tz}`;
    if (dom === "L" && dow === "*") return `on the last day of every month at ${at} ${tz}`;
    if (/^\d{1,2}$/.test(dom ?? "") && dow === "*")
      return `on day ${Number(dom)} of every month at ${at} ${tz}`;
  }
  return `on cron "${schedule.cron}" ${tz}`;
}

export type ScheduleParse =
  | { ok: true; schedule: Schedule; description: string; question: string | null }
  | { ok: false; message: string };

const fail = (message: string): ScheduleParse => ({ ok: false, message });

/** "09:00", "9:00", "9am", "6:30pm" → [hour, minute]. */
function parseTime(word: string | undefined): [number, number] | null {
  if (!word) return null;
  const h24 = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(word);
  if (h24) return [Number(h24[1]), Number(h24[2])];
  const ampm = /^(1[0-2]|0?[1-9])(?::([0-5]\d))?(am|pm)$/i.exec(word);
  if (!ampm) return null;
  const h = Number(ampm[1]) % 12;
  return [ampm[3]?.toLowerCase() === "pm" ? h + 12 : h, Number(ampm[2] ?? 0)];
}

interface Head {
  cron: string;
  rest: string[];
}

/** The keyword forms; null when the text starts with something else (then it may be a raw cron). */
function keywordHead(words: string[]): Head | { error: string } | null {
  const [kind = "", ...rest] = words;
  const k = kind.toLowerCase();
  const timeAt = (i: number, what: string) => {
    const t = parseTime(rest[i]);
    return t ?? { error: `${what} needs a time such as 09:00 (24-hour clock); got "${rest[i] ?? ""}"` };
  };
  if (k === "daily" || k === "weekdays") {
    const t = timeAt(0, k);
    if ("error" in t) return t;
    return { cron: `${t[1]} ${t[0]} * * ${k === "daily" ? "*" : "1-5"}`, rest: rest.slice(1) };
  }
  if (k === "weekly") {
    const day = WEEKDAYS.find(([, , names]) => names.includes((rest[0] ?? "").toLowerCase()));
    if (!day) return { error: `weekly needs a day, mon to sun; got "${rest[0] ?? ""}"` };
    const t = timeAt(1, "weekly");
    if ("error" in t) return t;
    return { cron: `${t[1]} ${t[0]} * * ${day[0]}`, rest: rest.slice(2) };
  }
  if (k === "monthly") {
    const dayWord = (rest[0] ?? "").toLowerCase();
    const n = /^\d{1,2}$/.test(dayWord) ? Number(dayWord) : Number.NaN;
    const last = dayWord === "last" || dayWord === "end" || n === 31;
    if (!last && !(n >= 1 && n <= 28)) {
      return {
        error:
          n === 29 || n === 30
            ? `monthly ${n} would skip February; say "monthly last" for the month's last day, or a day from 1 to 28`
            : `monthly needs a day of the month, 1 to 31 or "last"; got "${rest[0] ?? ""}"`,
      };
    }
    const t = timeAt(1, "monthly");
    if ("error" in t) return t;
    return { cron: `${t[1]} ${t[0]} ${last ? "L" : n} * *`, rest: rest.slice(2) };
  }
  return null;
}

/**
 * Reads a schedule from the start of the text, then an optional "for <question>". The time zone may
 * be left out when the caller knows one (the user's own, or DIGEST_DEFAULT_TIMEZONE).
 */
export function parseSchedule(text: string, options: { defaultTimezone?: string } = {}): ScheduleParse {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words[0]?.toLowerCase() === "cron") words.shift();
  if (words.length === 0) return fail(`give a schedule, e.g. ${EXAMPLES}`);
  let head = keywordHead(words);
  if (head === null) {
    if (words.length < 5 || !/^[\d*]/.test(words[0] ?? ""))
      return fail(`"${words[0]}" is not a schedule; try ${EXAMPLES}`);
    head = { cron: words.slice(0, 5).join(" "), rest: words.slice(5) };
  }
  if ("error" in head) return fail(head.error);
  let rest = head.rest;
  let timezone = options.defaultTimezone;
  if (rest.length > 0 && rest[0]?.toLowerCase() !== "for") {
    const zone = normalizeTimezone(rest[0] ?? "");
    if (!zone)
      return fail(
        `unknown time zone "${rest[0]}"; use an IANA name such as Europe/Berlin, America/New_York or UTC`,
      );
    timezone = zone;
    rest = rest.slice(1);
  }
  if (!timezone) return fail("add a time zone after the time, e.g. Europe/Berlin or UTC");
  let question: string | null = null;
  if (rest.length > 0) {
    if (rest[0]?.toLowerCase() !== "for" || rest.length < 2)
      return fail(`after the schedule, put "for" and a question, e.g. "… for 2M requests a month on gpt-4o"`);
    question = rest.slice(1).join(" ");
  }
  const schedule = { cron: head.cron, timezone };
  const problem = scheduleProblem(schedule);
  if (problem) return fail(problem);
  return { ok: true, schedule, description: describeSchedule(schedule), question };
}

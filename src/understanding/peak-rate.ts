import type { Profile } from "../domain/profile.js";
import { formatNumber } from "./numbers.js";
import type { Fact } from "./reading.js";
import type { Leftover } from "./spans.js";

/**
 * A rate said to be the peak ("50 rps peak") sizes GPUs; it is not a steady volume, and the
 * engine's default peak-to-average factor must not be applied on top of it. With a volume
 * stated as well, the rate gives the peak-to-average factor; with a factor stated, the rate
 * gives the average volume; with neither, the rate is taken as steady at a factor of 1 and
 * the volume is said to be an upper bound.
 */

const SECONDS_A_DAY = 86_400;
/** The Profile's bounds on the factor. */
const MIN_RATIO = 1;
const MAX_RATIO = 50;

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Requests a second on average from a volume stated in the text or the thread, if any. */
function averagePerSecond(facts: readonly Fact[], base: Profile, daysPerMonth: number): number | undefined {
  const month = daysPerMonth * SECONDS_A_DAY;
  const stated = facts.find(
    (f) =>
      f.peakPerSecond === undefined &&
      (f.field === "requestsPerMonth" || f.field === "requestsPerDay" || f.field === "callsPerMonth") &&
      typeof f.value === "number",
  );
  if (stated) return Number(stated.value) / (stated.field === "requestsPerDay" ? SECONDS_A_DAY : month);
  if (base.requestsPerMonth !== undefined) return base.requestsPerMonth / month;
  if (base.requestsPerDay !== undefined) return base.requestsPerDay / SECONDS_A_DAY;
  if (base.callsPerMonth !== undefined) return base.callsPerMonth / month;
  return undefined;
}

/** Turns each peak-rate fact into what it means beside the other facts; see the module comment. */
export function resolvePeakRates(
  facts: readonly Fact[],
  base: Profile,
  daysPerMonth: number,
): { facts: Fact[]; notes: Leftover[] } {
  const notes: Leftover[] = [];
  const out: Fact[] = [];
  const ratioStated = facts.find((f) => f.field === "peakToAverageRatio" && typeof f.value === "number");
  for (const f of facts) {
    const peak = f.peakPerSecond;
    if (peak === undefined) {
      out.push(f);
      continue;
    }
    const rate = `${formatNumber(peak)} a second at peak`;
    if (ratioStated) {
      const ratio = Number(ratioStated.value);
      out.push({
        ...f,
        value: Math.round((peak / ratio) * SECONDS_A_DAY),
        note: `${rate} ÷ ${formatNumber(ratio)} = the average, × 86,400 seconds a day`,
      });
      continue;
    }
    const average = averagePerSecond(facts, base, daysPerMonth);
    if (average !== undefined && average > 0) {
      const ratio = peak / average;
      if (ratio < MIN_RATIO || ratio > MAX_RATIO) {
        notes.push({
          text: `${f.text} (${rate} is ${formatNumber(round2(ratio))}× the average of the volume given; the peak-to-average factor must be between ${MIN_RATIO} and ${MAX_RATIO})`,
          start: f.start,
        });
        continue;
      }
      out.push({
        field: "peakToAverageRatio",
        value: round2(ratio),
        op: "set",
        text: f.text,
        start: f.start,
        note: `${rate} ÷ ${formatNumber(round2(average))} a second on average (the volume over ${daysPerMonth}-day months)`,
      });
      continue;
    }
    out.push({
      ...f,
      note: "a peak rate taken as steady, × 86,400 seconds a day: an upper bound on the volume; give the monthly volume too",
    });
    out.push({
      field: "peakToAverageRatio",
      value: 1,
      op: "set",
      text: f.text,
      start: f.start,
      note: "the rate given is the peak, so GPUs are sized for it as it is",
    });
  }
  return { facts: out, notes };
}

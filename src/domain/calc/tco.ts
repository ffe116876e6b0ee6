import { type Dec, dec, type Numeric } from "../money.js";
import { breakdown, type CostBreakdown, type LineItem, line } from "./line-items.js";

/** A cost that comes back every so many months, such as a forced vendor model migration (004). */
export interface RecurringEvent {
  code: string;
  label: string;
  everyMonths: number;
  /**
   * Month of the first occurrence, when a known date fixes it (a model's announced retirement);
   * without it the first falls one interval in.
   */
  firstAtMonth?: number;
  costUsd: Numeric;
  source: string;
}

/**
 * How many times a recurring event falls within the horizon: at firstAtMonth (default: one
 * interval in), then every interval after it.
 */
export function occurrences(r: RecurringEvent, horizonMonths: number): number {
  const first = r.firstAtMonth ?? r.everyMonths;
  if (first > horizonMonths) return 0;
  return 1 + Math.floor((horizonMonths - Math.max(0, first)) / r.everyMonths);
}

export interface OneTimeCost {
  code: string;
  label: string;
  costUsd: Numeric;
  source: string;
}

export interface TcoInput {
  /** The option's monthly bill, without any setup amortization (setup is counted once below). */
  monthly: CostBreakdown;
  horizonMonths: number;
  oneTime: OneTimeCost[];
  recurring: RecurringEvent[];
}

export interface Tco {
  breakdown: CostBreakdown;
  totalUsd: Dec;
  /** The total spread over the horizon, comparable with monthly figures. */
  perMonthUsd: Dec;
}

/**
 * Total cost of ownership over a horizon: the monthly bill × months, one-time costs once, and each
 * recurring event as many times as it falls within the horizon (a migration every 15 months falls
 * once in 24 months).
 */
export function totalCostOfOwnership(input: TcoInput): Tco {
  const lines: LineItem[] = [
    line(
      "tco.monthly",
      `Monthly bill × ${input.horizonMonths} months`,
      input.horizonMonths,
      "month",
      input.monthly.monthlyCostUsd,
      "the option's monthly line items",
    ),
    ...input.oneTime.map((o) => line(o.code, o.label, 1, "once", o.costUsd, o.source)),
    ...input.recurring.map((r) => {
      const times = occurrences(r, input.horizonMonths);
      const when =
        r.firstAtMonth === undefined
          ? `every ${r.everyMonths} months`
          : `first in month ${Math.ceil(Math.max(r.firstAtMonth, 0.01))}, then every ${r.everyMonths} months`;
      return line(r.code, `${r.label} (${when})`, times, "event", r.costUsd, r.source);
    }),
  ];
  const b = breakdown(lines);
  return {
    breakdown: b,
    totalUsd: b.monthlyCostUsd,
    perMonthUsd: b.monthlyCostUsd.dividedBy(input.horizonMonths),
  };
}

/** Drops the setup-amortization line from a monthly bill, so a TCO counts setup once. */
export function withoutSetupAmortization(monthly: CostBreakdown): CostBreakdown {
  return breakdown(
    monthly.lineItems.filter((l) => l.code !== "self.setup-amortized"),
    monthly.issues,
  );
}

export const months = (n: number): Dec => dec(n);

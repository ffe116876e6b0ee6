import { type Dec, dec, type Numeric } from "../money.js";
import { breakdown, type CostBreakdown, type LineItem, line } from "./line-items.js";

/** A cost that comes back every so many months, such as a forced vendor model migration (004). */
export interface RecurringEvent {
  code: string;
  label: string;
  everyMonths: number;
  costUsd: Numeric;
  source: string;
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
      const times = Math.floor(input.horizonMonths / r.everyMonths);
      return line(r.code, `${r.label} (every ${r.everyMonths} months)`, times, "event", r.costUsd, r.source);
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

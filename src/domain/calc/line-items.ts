import type { DomainIssue } from "../errors.js";
import { type Dec, dec, type Numeric, sum, ZERO } from "../money.js";

/** Why a line is not a plain price × quantity: the reader must see it. */
export type LineFlag = "price-not-found" | "no-cached-price" | "seed-figure" | "estimate";

/** One priced line of a bill: name, quantity, unit, unit price and cost (STYLE 11). */
export interface LineItem {
  /** Stable code, e.g. "api.output-tokens". */
  code: string;
  label: string;
  quantity: Dec;
  unit: string;
  unitPriceUsd: Dec;
  costUsd: Dec;
  /** Where the unit price comes from: a URL, a seed file, or the catalog package. */
  source: string;
  flag?: LineFlag;
  note?: string;
}

/** A calculator's answer: the lines and their exact total. */
export interface CostBreakdown {
  lineItems: LineItem[];
  monthlyCostUsd: Dec;
  issues: DomainIssue[];
}

export function line(
  code: string,
  label: string,
  quantity: Numeric,
  unit: string,
  unitPriceUsd: Numeric,
  source: string,
  extra: Pick<LineItem, "flag" | "note"> = {},
): LineItem {
  const q = dec(quantity);
  const p = dec(unitPriceUsd);
  return { code, label, quantity: q, unit, unitPriceUsd: p, costUsd: q.times(p), source, ...extra };
}

/** A line whose price is unknown: shown, flagged, and costed at zero so the total says "at least". */
export function missingPriceLine(
  code: string,
  label: string,
  quantity: Numeric,
  unit: string,
  note: string,
): LineItem {
  return {
    code,
    label,
    quantity: dec(quantity),
    unit,
    unitPriceUsd: ZERO,
    costUsd: ZERO,
    source: "none",
    flag: "price-not-found",
    note,
  };
}

export function breakdown(lineItems: LineItem[], issues: DomainIssue[] = []): CostBreakdown {
  return { lineItems, monthlyCostUsd: sum(lineItems.map((l) => l.costUsd)), issues };
}

/** Scales every line's quantity (and so its cost) by a factor, e.g. a hybrid's traffic share. */
export function scaleBreakdown(b: CostBreakdown, factor: Numeric, labelSuffix: string): CostBreakdown {
  const f = dec(factor);
  return breakdown(
    b.lineItems.map((l) => ({
      ...l,
      label: `${l.label}${labelSuffix}`,
      quantity: l.quantity.times(f),
      costUsd: l.costUsd.times(f),
    })),
    b.issues,
  );
}

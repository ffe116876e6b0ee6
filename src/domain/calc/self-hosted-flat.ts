import type { FlatEstimate } from "../catalog/schema.js";
import { breakdown, type CostBreakdown, line } from "./line-items.js";

export type EstimateBound = "low" | "high";

/**
 * The seeds' flat self-hosted model: infrastructure + amortized setup + operations (+ other lines
 * the seed lists), the same every month whatever the volume. `bound` picks the low or high end of a range.
 */
export function flatSelfHostedCost(estimate: FlatEstimate, bound: EstimateBound = "low"): CostBreakdown {
  const i = bound === "low" ? 0 : 1;
  const parts: Array<[string, string, readonly [number, number]]> = [
    ["self.infrastructure", "Infrastructure (GPU servers)", estimate.infrastructureUsd],
    ["self.setup-amortized", "Setup, amortized", estimate.setupAmortizedUsd],
    ["self.operations", "Operations (DevOps time)", estimate.operationsUsd],
    ["self.other", "Other (electricity, maintenance)", estimate.otherUsd],
  ];
  const lines = parts
    .filter(([, , range]) => range[0] > 0 || range[1] > 0)
    .map(([code, label, range]) =>
      line(code, label, 1, "month", range[i] ?? 0, estimate.source, {
        flag: "seed-figure",
        ...(range[0] !== range[1]
          ? { note: `${bound} end of the seed's $${range[0]}-${range[1]} range` }
          : {}),
      }),
    );
  return breakdown(lines);
}

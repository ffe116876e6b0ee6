import { dec, type Numeric, ONE } from "../money.js";
import { breakdown, type CostBreakdown } from "./line-items.js";

/**
 * A hybrid's month (003's routing): the API serves (1 − share) of the traffic and pays per token;
 * the self-hosted side serves `share` and costs what its reservation costs at that volume.
 */
export function hybridMonthlyCost(
  share: Numeric,
  apiForRest: CostBreakdown,
  selfHostedForShare: CostBreakdown,
): CostBreakdown {
  const s = dec(share);
  const pct = (x: ReturnType<typeof dec>) => x.times(100).toDecimalPlaces(1).toString();
  return breakdown(
    [
      ...apiForRest.lineItems.map((l) => ({
        ...l,
        code: `hybrid.${l.code}`,
        label: `${l.label} [API, ${pct(ONE.minus(s))}% of traffic]`,
      })),
      ...selfHostedForShare.lineItems.map((l) => ({
        ...l,
        code: `hybrid.${l.code}`,
        label: `${l.label} [self-hosted, ${pct(s)}% of traffic]`,
      })),
    ],
    [...apiForRest.issues, ...selfHostedForShare.issues],
  );
}

import type { BreakEvenSummary, OptionCost } from "./advice.js";
import { apiCostPerRequest } from "./calc/api-cost.js";
import { breakEven, curveVolumes, selfHostedCostAt, stepVolumes } from "./calc/break-even.js";
import type { Catalog } from "./catalog/catalog.js";
import { dec, toCents } from "./money.js";
import { deploymentLabel, type SizedPlan } from "./options/self-hosted-options.js";
import type { ResolvedProfile } from "./resolve-profile.js";

/** A cent: two monthly costs closer than this are "the same either way". */
const CENT = dec("0.01");

const NO_VOLUME = "no volume was given, so how far you are from the break-even is not computed";

/**
 * Smallest break-even volume between the comparator API and any sized self-hosted plan. The
 * reported volume is a whole request count, so both sides' costs are reported at that count too:
 * they agree within a cent only when one request costs under a cent.
 */
export function computeBreakEven(
  p: ResolvedProfile,
  comparator: OptionCost | undefined,
  plans: ReadonlyArray<{ verdict: "self-hosted" | "local"; sized: SizedPlan }>,
  catalog: Catalog,
): BreakEvenSummary | null {
  if (!comparator || plans.length === 0) return null;
  const price = catalog.hostedPrice(comparator.modelId, p.inputTokensPerRequest);
  if (!price.ok) return null;
  const batch = p.latency === "batch" ? catalog.batchDiscount(price.value.providerId) : undefined;
  const perRequest = apiCostPerRequest(price.value, p, batch);
  const note = p.requestsPerMonth === 0 ? NO_VOLUME : null;
  let best: { summary: BreakEvenSummary; plan: SizedPlan } | null = null;
  for (const { verdict, sized: s } of plans) {
    const be = breakEven(perRequest, s.plan);
    const id = `${verdict}:${s.model.id}@${s.instance.id}`;
    let summary: BreakEvenSummary;
    if (be.kind === "at") {
      const apiAt = perRequest.times(be.requestsPerMonth);
      const selfAt = selfHostedCostAt(s.plan, be.requestsPerMonth);
      summary = {
        apiOptionId: comparator.id,
        selfHostedOptionId: id,
        requestsPerMonth: be.requestsPerMonth,
        exactRequestsPerMonth: be.exactRequestsPerMonth,
        monthlyCostUsd: be.monthlyCostUsd,
        apiMonthlyCostUsd: apiAt,
        selfHostedMonthlyCostUsd: selfAt,
        costsAgreeWithinCent: toCents(apiAt).minus(toCents(selfAt)).abs().lessThanOrEqualTo(CENT),
        currentRequestsPerMonth: p.requestsPerMonth,
        selfHostedDeployment: deploymentLabel(s.instance, be.instances),
        reason: null,
        note,
        curve: [],
      };
    } else {
      summary = {
        apiOptionId: comparator.id,
        selfHostedOptionId: id,
        requestsPerMonth: null,
        exactRequestsPerMonth: null,
        monthlyCostUsd: null,
        apiMonthlyCostUsd: null,
        selfHostedMonthlyCostUsd: null,
        costsAgreeWithinCent: false,
        currentRequestsPerMonth: p.requestsPerMonth,
        selfHostedDeployment: null,
        reason:
          be.reason === "api-free"
            ? "the API option costs nothing per request"
            : "each GPU instance costs more than the API traffic it can carry",
        note,
        curve: [],
      };
    }
    const b = best?.summary.requestsPerMonth;
    if (
      best === null ||
      (summary.requestsPerMonth !== null && (b === null || b === undefined || summary.requestsPerMonth < b))
    ) {
      best = { summary, plan: s };
    }
  }
  if (!best) return null;
  // Both sides' cost over a range of volumes around yours and the break-even, for the chart.
  const sampled = curveVolumes(p.requestsPerMonth, best.summary.requestsPerMonth);
  const from = sampled[0] ?? 0;
  const to = sampled[sampled.length - 1] ?? 0;
  const volumes = [...new Set([...sampled, ...stepVolumes(best.plan.plan, from, to)])].sort((a, b) => a - b);
  const curve = volumes.map((v) => ({
    requestsPerMonth: v,
    apiUsd: perRequest.times(v),
    selfHostedUsd: selfHostedCostAt(best.plan.plan, v),
  }));
  return { ...best.summary, curve };
}

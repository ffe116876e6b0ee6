import type { OptionCost } from "../advice.js";
import { hybridMonthlyCost } from "../calc/hybrid.js";
import { flatSelfHostedCost } from "../calc/self-hosted-flat.js";
import type { Catalog } from "../catalog/catalog.js";
import type { GpuInstance } from "../catalog/schema.js";
import type { DomainIssue } from "../errors.js";
import { dec, min, ONE } from "../money.js";
import type { ResolvedProfile } from "../resolve-profile.js";
import { apiBill, apiOption, MIN_API_TIER } from "./api-options.js";
import {
  cheapestPlan,
  flatOption,
  offerable,
  type SizedPlan,
  selfHostedCandidates,
  sizedOption,
  unsizedIssues,
} from "./self-hosted-options.js";
import { type OptionSettings, ownedTco } from "./settings.js";

/** Managed per-token deployments inside the profile's cloud account (Bedrock, Azure OpenAI, Vertex AI). */
export function privateCloudOptions(
  p: ResolvedProfile,
  catalog: Catalog,
  s: OptionSettings,
): { options: OptionCost[]; issues: DomainIssue[] } {
  const options: OptionCost[] = [];
  const issues: DomainIssue[] = [];
  for (const offering of catalog.data.privateCloud.filter((o) => o.cloud === p.cloud)) {
    for (const { model, name } of offering.models.filter((m) => m.tier >= MIN_API_TIER[p.quality])) {
      const price = catalog.hostedPrice(`${offering.providerId}:${model}`, p.inputTokensPerRequest);
      if (!price.ok) {
        issues.push(price.error);
        continue;
      }
      const option = apiOption(price.value, p, catalog, s, "private-cloud");
      options.push({
        ...option,
        model: name,
        deployment: offering.label,
        notes: [...option.notes, `eligible for: ${offering.compliance.join(", ")}`],
      });
    }
  }
  return { options, issues };
}

/** A machine built from the GPUs the team already owns, so the capacity model can size on them. */
function onHandInstance(p: ResolvedProfile, catalog: Catalog): GpuInstance | null {
  if (!p.gpusOnHand) return null;
  const gpuType = p.gpusOnHand.gpuType;
  const sameGpu = catalog.data.gpuInstances.filter((g) => g.gpuType.toLowerCase() === gpuType.toLowerCase());
  const first = sameGpu[0];
  if (!first) return null;
  return {
    id: `on-hand:${first.gpuType.toLowerCase().replace(/\s+/g, "-")}x${p.gpusOnHand.count}`,
    name: `your ${p.gpusOnHand.count}× ${first.gpuType}`,
    cloud: "on-prem",
    service: "on-prem",
    gpuType: first.gpuType,
    gpuCount: p.gpusOnHand.count,
    gpuMemoryGb: Math.max(...sameGpu.map((g) => g.gpuMemoryGb)),
    purchaseUsd: 1,
    asOf: first.asOf,
    source: "GPUs on hand (stated in the question)",
  };
}

/**
 * Whether the question points at hardware the team runs itself: on-premises, GPUs on hand, or data
 * that may not leave its network. Otherwise a team in a cloud is not advised to buy servers.
 */
export const wantsOwnHardware = (p: ResolvedProfile): boolean =>
  p.cloud === "on-prem" ||
  p.gpusOnHand !== null ||
  p.compliance.some((c) => c === "air-gapped" || c === "government" || c === "data-sovereignty");

/** On-premises options: the team's own GPUs, or hardware bought and amortized; 002's flat figure as a fallback. */
export function localOptions(
  p: ResolvedProfile,
  catalog: Catalog,
  s: OptionSettings,
): { options: OptionCost[]; plans: SizedPlan[]; issues: DomainIssue[] } {
  const plans: SizedPlan[] = [];
  if (!wantsOwnHardware(p)) return { options: [], plans, issues: [] };
  const onHand = onHandInstance(p, catalog);
  const bought = catalog.data.gpuInstances.filter((g) => g.service === "on-prem");
  const candidates = selfHostedCandidates(p, catalog);
  for (const model of candidates) {
    const owned = onHand
      ? cheapestPlan(model, [onHand], p, catalog, s, p.requestsPerMonth, true).sized
      : null;
    const sized = owned ?? cheapestPlan(model, bought, p, catalog, s, p.requestsPerMonth).sized;
    if (sized && offerable(sized, p, catalog)) plans.push(sized);
  }
  const options = plans.map((sized) => sizedOption(sized, "local", p, s));
  const issues = unsizedIssues(p, catalog, candidates, plans, "local");
  // 002's flat figure is for voice models a business runs; it does not stand in for full training.
  if (options.length === 0 && p.customization !== "full-training") {
    const flat = catalog.data.flatEstimates.find(
      (f) => f.id === (p.requestsPerMonth > 10_000 ? "seed-002-local-large" : "seed-002-local-small"),
    );
    if (flat) options.push(flatOption(flat.id, flat.label, "local", flatSelfHostedCost(flat, "low"), p, s));
  }
  return { options, plans, issues };
}

/**
 * 003's routing: the API keeps (1 − share) of the traffic, the self-hosted side the rest. Without a
 * stated share, the self-hosted side takes what its smallest deployment can carry, since that is paid for anyway.
 */
export function hybridOption(
  api: OptionCost,
  sized: SizedPlan,
  p: ResolvedProfile,
  catalog: Catalog,
  s: OptionSettings,
): OptionCost | null {
  const price = catalog.hostedPrice(api.modelId, p.inputTokensPerRequest);
  if (!price.ok || p.requestsPerMonth <= 0) return null;
  const perInstance = sized.plan.requestsPerInstancePerMonth;
  const volume = dec(p.requestsPerMonth);
  // The self-hosted side's volume is computed directly (not volume × share), so that rounding in
  // the share cannot push it over an instance's capacity.
  const selfVolume =
    p.hybridSelfHostedShare !== null
      ? volume.times(p.hybridSelfHostedShare)
      : perInstance === null
        ? volume
        : min(volume, perInstance.times(sized.plan.minimumInstances));
  const share = selfVolume.dividedBy(volume);
  if (share.greaterThanOrEqualTo(1) || share.lessThanOrEqualTo(0)) return null;
  const selfSide = cheapestPlan(sized.model, [sized.instance], p, catalog, s, selfVolume).sized;
  if (!selfSide) return null;
  const monthly = hybridMonthlyCost(
    share,
    apiBill(price.value, p, catalog, volume.minus(selfVolume)),
    selfSide.plan.breakdown,
  );
  const base = sizedOption(selfSide, "hybrid", p, s);
  return {
    ...base,
    id: `hybrid:${price.value.key}+${sized.model.id}@${sized.instance.id}`,
    model: `${price.value.model} + ${sized.model.name}`,
    deployment: `${api.deployment} for ${ONE.minus(share).times(100).toDecimalPlaces(1).toString()}% of traffic; ${base.deployment} for the rest`,
    monthly,
    tco: ownedTco(monthly, p, s, true),
    selfHostedShare: share.toNumber(),
    notes: [
      "route simple, bulk and internal requests to the self-hosted model; complex and customer-facing ones to the API (003)",
    ],
  };
}

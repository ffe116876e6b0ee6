import type { ExcludedOption, OptionCost } from "../advice.js";
import type { Catalog } from "../catalog/catalog.js";
import type { DomainIssue } from "../errors.js";
import type { ResolvedProfile } from "../resolve-profile.js";
import { apiOptions } from "./api-options.js";
import { hybridOption, localOptions, privateCloudOptions } from "./other-options.js";
import { splitRetired } from "./retirement.js";
import { type SizedPlan, selfHostedOptions } from "./self-hosted-options.js";
import { type OptionSettings, optionSettings } from "./settings.js";
import { embeddingOptions, voiceOptions } from "./task-options.js";

export interface OptionSet {
  options: OptionCost[];
  /** Per-token options whose model the vendor had shut down by the day advised for. */
  retired: ExcludedOption[];
  /** Sized plans on reserved GPUs (cloud, else on premises), for break-even against the API. */
  selfHostedPlans: Array<{ verdict: "self-hosted" | "local"; sized: SizedPlan }>;
  issues: DomainIssue[];
  settings: OptionSettings;
}

const byMonthly = (a: OptionCost, b: OptionCost) =>
  a.monthly.monthlyCostUsd.comparedTo(b.monthly.monthlyCostUsd);

/**
 * Every way to run the workload that the catalog can price, for every deployment kind. `today`
 * (YYYY-MM-DD) sets aside models already retired and dates the next forced migration.
 */
export function buildOptions(p: ResolvedProfile, catalog: Catalog, today: string | null = null): OptionSet {
  const settings = optionSettings(catalog, today);
  if (p.useCase === "voice" && p.voice) {
    const v = voiceOptions(p, catalog, settings);
    return { options: v.options, retired: v.retired, selfHostedPlans: [], issues: v.issues, settings };
  }
  if (p.useCase === "embeddings") {
    const e = splitRetired(embeddingOptions(p, catalog, settings), catalog, today);
    return { options: e.kept, retired: e.retired, selfHostedPlans: [], issues: [], settings };
  }
  const api = apiOptions(p, catalog, settings);
  const priv = privateCloudOptions(p, catalog, settings);
  const perToken = splitRetired([...api.options, ...priv.options], catalog, today);
  const self = selfHostedOptions(p, catalog, settings);
  const local = localOptions(p, catalog, settings);
  const options = [...perToken.kept, ...self.options, ...local.options];
  const cheapestApi = perToken.kept.filter((o) => o.verdict === "api").sort(byMonthly)[0];
  const cheapestPlan = [...self.plans].sort((a, b) =>
    a.plan.breakdown.monthlyCostUsd.comparedTo(b.plan.breakdown.monthlyCostUsd),
  )[0];
  if (cheapestApi && cheapestPlan) {
    const hybrid = hybridOption(cheapestApi, cheapestPlan, p, catalog, settings);
    if (hybrid) options.push(hybrid);
  }
  return {
    options,
    retired: perToken.retired,
    selfHostedPlans:
      self.plans.length > 0
        ? self.plans.map((sized) => ({ verdict: "self-hosted" as const, sized }))
        : local.plans.map((sized) => ({ verdict: "local" as const, sized })),
    issues: [...api.issues, ...self.issues, ...priv.issues, ...local.issues],
    settings,
  };
}

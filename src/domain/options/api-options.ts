import type { OptionCost } from "../advice.js";
import { apiMonthlyCost } from "../calc/api-cost.js";
import type { CostBreakdown } from "../calc/line-items.js";
import type { Catalog, HostedModelPrice } from "../catalog/catalog.js";
import type { DomainIssue } from "../errors.js";
import type { Numeric } from "../money.js";
import type { ResolvedProfile } from "../resolve-profile.js";
import { lifecycleOfKey, retiredBy } from "./retirement.js";
import { type OptionSettings, vendorTco } from "./settings.js";

/** An option rented per token from a vendor: proprietary, nothing to size, no licence to hold. */
export const perTokenOption = (
  o: Pick<OptionCost, "id" | "verdict" | "model" | "modelId" | "deployment" | "monthly" | "tco" | "notes">,
): OptionCost => ({ ...o, openness: "proprietary", license: null, capacity: null, selfHostedShare: null });

/** Human name of the place a hosted model is bought, for the deployment column. */
const PROVIDER_LABEL: Record<string, string> = {
  openai: "OpenAI API",
  anthropic: "Anthropic API",
  google: "Google Gemini API",
  mistral: "Mistral API",
  groq: "Groq API",
  aws: "Amazon Bedrock",
  azure: "Azure OpenAI",
};

export const providerLabel = (providerId: string): string =>
  PROVIDER_LABEL[providerId] ?? `${providerId} API`;

/** The API bill for a volume, with the batch discount when the workload can wait for it. */
export function apiBill(
  price: HostedModelPrice,
  p: ResolvedProfile,
  catalog: Catalog,
  requestsPerMonth: Numeric,
): CostBreakdown {
  const batch = p.latency === "batch" ? catalog.batchDiscount(price.providerId) : undefined;
  return apiMonthlyCost(
    price,
    {
      requestsPerMonth,
      inputTokensPerRequest: p.inputTokensPerRequest,
      cachedInputTokensPerRequest: p.cachedInputTokensPerRequest,
      outputTokensPerRequest: p.outputTokensPerRequest,
    },
    batch,
  );
}

export function apiOption(
  price: HostedModelPrice,
  p: ResolvedProfile,
  catalog: Catalog,
  s: OptionSettings,
  verdict: "api" | "private-cloud" = "api",
  deploymentNote?: string,
): OptionCost {
  const monthly = apiBill(price, p, catalog, p.requestsPerMonth);
  const batch = p.latency === "batch" && catalog.batchDiscount(price.providerId) !== undefined;
  const notes = [
    ...(price.tierNote ? [price.tierNote] : []),
    ...(batch ? ["batch API pricing: results within 24 hours"] : []),
  ];
  return perTokenOption({
    id: `${verdict}:${price.key}`,
    verdict,
    model: price.model,
    modelId: price.key,
    deployment: `${providerLabel(price.providerId)}${deploymentNote ? ` (${deploymentNote})` : ""}${batch ? ", batch" : ""}`,
    monthly,
    tco: vendorTco(monthly, p, s, lifecycleOfKey(price.key, catalog)),
    notes,
  });
}

/** Least capable hosted tier that meets each quality need (002: 99%+ accuracy stays with the strongest APIs). */
export const MIN_API_TIER: Record<ResolvedProfile["quality"], number> = {
  general: 1,
  "domain-precision": 1,
  "high-accuracy": 3,
};

/** A hosted model's tier from the catalog; a model without one counts as mid-tier. */
export const apiTier = (key: string, catalog: Catalog): number =>
  catalog.data.apiModelTiers.find((t) => t.model === key)?.tier ?? 2;

/** Hosted candidates: the ones the question names, the current model, then the use case's defaults. */
export function apiCandidateNames(p: ResolvedProfile, catalog: Catalog): string[] {
  const list = catalog.data.candidates.find((c) => c.useCase === p.useCase);
  const defaults = list?.api ?? [];
  const realTime = p.latency === "real-time" ? (list?.realTimeApi ?? []) : [];
  return [
    ...new Set([...p.candidateModels, ...(p.currentModel ? [p.currentModel] : []), ...realTime, ...defaults]),
  ];
}

export function apiOptions(
  p: ResolvedProfile,
  catalog: Catalog,
  s: OptionSettings,
): { options: OptionCost[]; issues: DomainIssue[] } {
  const options: OptionCost[] = [];
  const issues: DomainIssue[] = [];
  const seen = new Set<string>();
  const named = new Set([...p.candidateModels, ...(p.currentModel ? [p.currentModel] : [])]);
  for (const name of apiCandidateNames(p, catalog)) {
    const resolved = catalog.resolveModel(name, p.inputTokensPerRequest);
    if (!resolved.ok) {
      issues.push(resolved.error);
      continue;
    }
    if (resolved.value.kind !== "hosted" || seen.has(resolved.value.price.key)) continue;
    // A model the question names is always priced; the defaults must meet the quality need.
    if (!named.has(name) && apiTier(resolved.value.price.key, catalog) < MIN_API_TIER[p.quality]) continue;
    seen.add(resolved.value.price.key);
    options.push(apiOption(resolved.value.price, p, catalog, s));
    // A named model the vendor has shut down is compared through the replacement the vendor names.
    const retired = named.has(name) ? retiredBy(resolved.value.price.key, catalog, s.today) : null;
    const next = retired?.replacement
      ? catalog.hostedPrice(retired.replacement, p.inputTokensPerRequest)
      : null;
    if (next?.ok && !seen.has(next.value.key)) {
      seen.add(next.value.key);
      const o = apiOption(next.value, p, catalog, s);
      options.push({
        ...o,
        notes: [...o.notes, `replaces ${resolved.value.price.model}, retired on ${retired?.retiresOn}`],
      });
    }
  }
  return { options, issues };
}

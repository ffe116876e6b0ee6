import {
  type Advice,
  type BreakEvenSummary,
  type Deprecation,
  type OptionCost,
  VERDICTS,
  type Verdict,
} from "./advice.js";
import { apiCostPerRequest } from "./calc/api-cost.js";
import { breakEven, curveVolumes, selfHostedCostAt, stepVolumes } from "./calc/break-even.js";
import type { Catalog } from "./catalog/catalog.js";
import type { DomainIssue } from "./errors.js";
import { issue } from "./errors.js";
import type { Dec } from "./money.js";
import { buildOptions } from "./options/build-options.js";
import { deploymentLabel, type SizedPlan } from "./options/self-hosted-options.js";
import { choosePlan } from "./plans.js";
import { type Profile, ProfileSchema } from "./profile.js";
import type { ResolvedProfile } from "./resolve-profile.js";
import { resolveProfile } from "./resolve-profile.js";
import { err, ok, type Result } from "./result.js";
import { decide } from "./rules/engine.js";
import type { RuleContext } from "./rules/types.js";
import { discrepanciesFor } from "./seed-checks.js";

export interface AdviseOptions {
  /** The day to advise for (YYYY-MM-DD): retirement dates are measured from it. */
  today: string;
}

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/** Lifecycle entries for the models in play, with days to retirement counted from today. */
function deprecationsFor(
  p: ResolvedProfile,
  options: readonly OptionCost[],
  catalog: Catalog,
  today: string,
): Deprecation[] {
  const names = new Map<string, string>();
  const add = (provider: string, model: string) => names.set(`${provider}\u0000${model}`, model);
  for (const o of options) {
    const [provider, ...rest] = o.modelId.split(":");
    if (o.openness === "proprietary" && provider && rest.length > 0) add(provider, rest.join(":"));
  }
  for (const m of [p.currentModel, ...p.candidateModels]) {
    if (!m) continue;
    const r = catalog.hostedPrice(m);
    if (r.ok) add(r.value.providerId, r.value.model);
  }
  const out: Deprecation[] = [];
  for (const [key, model] of names) {
    const provider = key.split("\u0000")[0] ?? "";
    const l = catalog.lifecycleFor(model, provider);
    if (!l) continue;
    out.push({
      model: provider === "openai" ? model : `${provider}:${model}`,
      deprecatedOn: l.deprecatedOn ?? null,
      retiresOn: l.retiresOn ?? null,
      daysToRetirement: l.retiresOn ? daysBetween(today, l.retiresOn) : null,
      replacement: l.replacement ?? null,
      source: l.source,
    });
  }
  return out.sort(
    (a, b) => (a.daysToRetirement ?? 1e9) - (b.daysToRetirement ?? 1e9) || a.model.localeCompare(b.model),
  );
}

/** Smallest break-even volume between the comparator API and any sized self-hosted plan. */
function computeBreakEven(
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
  let best: { summary: BreakEvenSummary; plan: SizedPlan } | null = null;
  for (const { verdict, sized: s } of plans) {
    const be = breakEven(perRequest, s.plan);
    const id = `${verdict}:${s.model.id}@${s.instance.id}`;
    const summary: BreakEvenSummary =
      be.kind === "at"
        ? {
            apiOptionId: comparator.id,
            selfHostedOptionId: id,
            requestsPerMonth: be.requestsPerMonth,
            exactRequestsPerMonth: be.exactRequestsPerMonth,
            monthlyCostUsd: be.monthlyCostUsd,
            currentRequestsPerMonth: p.requestsPerMonth,
            selfHostedDeployment: deploymentLabel(s.instance, be.instances),
            reason: null,
            curve: [],
          }
        : {
            apiOptionId: comparator.id,
            selfHostedOptionId: id,
            requestsPerMonth: null,
            exactRequestsPerMonth: null,
            monthlyCostUsd: null,
            currentRequestsPerMonth: p.requestsPerMonth,
            selfHostedDeployment: null,
            reason:
              be.reason === "api-free"
                ? "the API option costs nothing per request"
                : "each GPU instance costs more than the API traffic it can carry",
            curve: [],
          };
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

const byTco = (a: OptionCost, b: OptionCost) => a.tco.perMonthUsd.comparedTo(b.tco.perMonthUsd);

/** An option with a line the catalog could not price: its total is a floor, so it never wins on cost. */
export const isUnpriced = (o: OptionCost): boolean =>
  o.monthly.lineItems.some((l) => l.flag === "price-not-found");

function cheapestByVerdict(
  options: readonly OptionCost[],
  allowed: ReadonlySet<Verdict>,
): Partial<Record<Verdict, OptionCost>> {
  const out: Partial<Record<Verdict, OptionCost>> = {};
  for (const o of [...options].sort(byTco))
    if (allowed.has(o.verdict) && !out[o.verdict] && !isUnpriced(o)) out[o.verdict] = o;
  return out;
}

/**
 * The engine: Profile + Catalog → Advice. Pure: same inputs, same Advice. An invalid Profile is an
 * expected outcome (a list of issues), not an exception.
 */
export function advise(input: Profile, catalog: Catalog, opts: AdviseOptions): Result<Advice, DomainIssue[]> {
  const parsed = ProfileSchema.safeParse(input);
  if (!parsed.success) {
    return err(
      parsed.error.issues.map((i) => issue("invalid-profile", i.message, { subject: i.path.join(".") })),
    );
  }
  const { profile: p, assumptions } = resolveProfile(parsed.data, catalog);
  const set = buildOptions(p, catalog);
  const currentHosted = p.currentModel ? catalog.hostedPrice(p.currentModel, p.inputTokensPerRequest) : null;
  const apiOptions = set.options.filter((o) => o.verdict === "api").sort(byTco);
  const comparator =
    (currentHosted?.ok ? apiOptions.find((o) => o.modelId === currentHosted.value.key) : undefined) ??
    apiOptions[0];
  const be = computeBreakEven(p, comparator, set.selfHostedPlans, catalog);
  const deprecations = deprecationsFor(p, set.options, catalog, opts.today);
  const revenueShare: Dec | null =
    comparator && p.monthlyRevenueUsd
      ? comparator.monthly.monthlyCostUsd.dividedBy(p.monthlyRevenueUsd)
      : null;

  const contextFor = (allowed: ReadonlySet<Verdict>): RuleContext => {
    const cheapest = cheapestByVerdict(set.options, allowed);
    return {
      p,
      options: set.options,
      allowed,
      cheapest,
      cheapestOverall: Object.values(cheapest).sort(byTco)[0],
      comparatorApi: comparator,
      breakEven: be,
      apiShareOfRevenue: revenueShare,
      deprecations,
      settings: set.settings,
      thresholds: {
        apiRevenueShare: catalog.numberDefault("apiRevenueShareThreshold"),
        deprecationWarningDays: catalog.numberDefault("deprecationWarningDays"),
      },
    };
  };
  const decision = decide(contextFor(new Set(VERDICTS)), contextFor);
  const score = (v: Verdict) => decision.totals[v] ?? Number.NEGATIVE_INFINITY;
  const warningDays = catalog.numberDefault("deprecationWarningDays");
  const retiringSoon = (model: string) =>
    deprecations.some(
      (d) => d.model === model && d.daysToRetirement !== null && d.daysToRetirement <= warningDays,
    );
  // The model in production stays first among equals, unless it is about to be retired.
  const isCurrent = (o: OptionCost) =>
    currentHosted?.ok === true &&
    o.modelId === currentHosted.value.key &&
    !retiringSoon(currentHosted.value.model);
  const eligible = set.options
    .filter((o) => decision.allowed.has(o.verdict))
    .sort(
      (a, b) =>
        Number(b.verdict === decision.verdict) - Number(a.verdict === decision.verdict) ||
        score(b.verdict) - score(a.verdict) ||
        Number(isUnpriced(a)) - Number(isUnpriced(b)) ||
        Number(isCurrent(b)) - Number(isCurrent(a)) ||
        byTco(a, b),
    );
  const excluded = set.options
    .filter((o) => !decision.allowed.has(o.verdict))
    .sort(byTco)
    .map((option) => ({ option, excludedBy: decision.excludedBy[option.verdict] ?? "no priced option" }));
  const growth = decision.fired.some((f) =>
    ["volume.high", "scenario.voice-enterprise", "revenue.api-share"].includes(f.rule),
  );

  const plan = choosePlan(
    decision.verdict,
    eligible[0],
    p.currentModel,
    currentHosted?.ok === true && !retiringSoon(currentHosted.value.model),
    growth,
  );
  // A plan is a rule's effect too: it shows among the reasons with its id and source.
  const reasons = plan
    ? [
        ...decision.fired,
        {
          rule: plan.id,
          factor: "migration",
          rationale: plan.title,
          source: plan.source,
          effect: "adds a migration plan",
          evidence: {},
        },
      ]
    : decision.fired;

  return ok({
    verdict: decision.verdict,
    profile: p,
    options: eligible,
    excluded,
    breakEven: be,
    reasons,
    conflicts: decision.conflicts,
    assumptions,
    discrepancies: discrepanciesFor(p, decision.verdict, eligible.slice(0, 3), be, catalog),
    migrationPlan: plan,
    deprecations,
    issues: set.issues,
    today: opts.today,
    pricesAsOf: catalog.hostedPricesAsOf,
  });
}

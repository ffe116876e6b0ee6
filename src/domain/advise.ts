import { type Advice, type Deprecation, type OptionCost, VERDICTS, type Verdict } from "./advice.js";
import { computeBreakEven } from "./break-even-summary.js";
import type { Catalog } from "./catalog/catalog.js";
import type { DomainIssue } from "./errors.js";
import { issue } from "./errors.js";
import type { Dec } from "./money.js";
import { buildOptions } from "./options/build-options.js";
import { retiredBy } from "./options/retirement.js";
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
  const set = buildOptions(p, catalog, opts.today);
  const currentHosted = p.currentModel ? catalog.hostedPrice(p.currentModel, p.inputTokensPerRequest) : null;
  const apiOptions = set.options.filter((o) => o.verdict === "api").sort(byTco);
  // A current model already retired is compared through the replacement its vendor names.
  const currentRetired = currentHosted?.ok ? retiredBy(currentHosted.value.key, catalog, opts.today) : null;
  const replacement = currentRetired?.replacement
    ? catalog.hostedPrice(currentRetired.replacement, p.inputTokensPerRequest)
    : null;
  const comparatorKey = replacement?.ok
    ? replacement.value.key
    : currentHosted?.ok
      ? currentHosted.value.key
      : null;
  const comparator = apiOptions.find((o) => o.modelId === comparatorKey) ?? apiOptions[0];
  const be = computeBreakEven(p, comparator, set.selfHostedPlans, catalog);
  const deprecations = deprecationsFor(
    p,
    [...set.options, ...set.retired.map((r) => r.option)],
    catalog,
    opts.today,
  );
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
    currentRetired === null &&
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
    .map((option) => ({ option, excludedBy: decision.excludedBy[option.verdict] ?? "no priced option" }))
    .concat(set.retired);
  const growth = decision.fired.some((f) =>
    ["volume.high", "scenario.voice-enterprise", "revenue.api-share"].includes(f.rule),
  );

  // An embedding model is not a chat model (000): there is no answer of its to serve in shadow mode.
  const currentKind = p.currentModel ? catalog.resolveModel(p.currentModel) : null;
  const generativeCurrent = currentKind?.ok && currentKind.value.kind === "embedding" ? null : p.currentModel;
  const plan = choosePlan(
    decision.verdict,
    eligible[0],
    generativeCurrent,
    currentHosted?.ok === true && currentRetired === null && !retiringSoon(currentHosted.value.model),
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

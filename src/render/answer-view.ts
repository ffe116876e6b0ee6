import type { Verdict } from "../domain/advice.js";
import { formatCompact, formatCount, formatTimes, formatUsd } from "../domain/format.js";
import type { AdviceJson } from "./json.js";

/**
 * The answer as every surface shows it (terminal, Markdown, Slack blocks, Teams cards): words
 * and formatted figures, computed once from the JSON contract so that all surfaces agree, and so
 * that a stored answer renders again without recomputing it.
 */
export interface AnswerView {
  verdict: Verdict;
  verdictLabel: string;
  headline: string;
  options: OptionLine[];
  excluded: string[];
  breakEven: string | null;
  reasons: Array<{ rule: string; text: string; source: string }>;
  conflicts: string[];
  assumptions: string[];
  discrepancies: Array<{ claim: string; computed: string; source: string }>;
  plan: { title: string; phases: Array<{ name: string; steps: string[] }>; source: string } | null;
  deprecations: string[];
  issues: string[];
  footer: string;
}

export interface OptionLine {
  rank: number;
  id: string;
  verdictLabel: string;
  model: string;
  deployment: string;
  monthly: string;
  perMonthOverHorizon: string;
  detail: string | null;
}

export const VERDICT_LABEL: Record<Verdict, string> = {
  api: "Proprietary API",
  "self-hosted": "Self-hosted open-weight model",
  "private-cloud": "Managed private deployment",
  hybrid: "Hybrid (API + self-hosted)",
  local: "Local / on-premises",
};

type OptionJson = AdviceJson["options"][number];

const money = (o: { monthlyCostUsd: number; priced: boolean }) =>
  o.priced ? formatUsd(o.monthlyCostUsd) : `at least ${formatUsd(o.monthlyCostUsd)} (a price is missing)`;

function optionDetail(o: OptionJson): string | null {
  const c = o.capacity;
  if (c) {
    return `${c.replicas} replica(s) at ${c.precision}, peak ${formatCount(Math.round(c.peakTokensPerSecond))} tok/s of ${formatCount(c.replicaTokensPerSecond)} tok/s per replica`;
  }
  return o.notes[0] ?? null;
}

function breakEvenLine(a: AdviceJson): string | null {
  const be = a.breakEven;
  if (be.apiOptionId === null || be.selfHostedOptionId === null) return null;
  const all = [...a.options, ...a.excludedOptions];
  const self = all.find((o) => o.id === be.selfHostedOptionId);
  const api = all.find((o) => o.id === be.apiOptionId);
  const selfName = self
    ? `${self.model} (${be.selfHostedDeployment ?? self.deployment})`
    : be.selfHostedOptionId;
  const apiName = api ? api.model : be.apiOptionId;
  if (be.requestsPerMonth === null)
    return `Self-hosting never beats ${apiName}: ${be.reason ?? "no break-even"}.`;
  const now = be.currentRequestsPerMonth;
  const where =
    be.note !== null || now <= 0
      ? (be.note ?? "no volume was given")
      : now >= be.requestsPerMonth
        ? `you are past it at ${formatCompact(now)}`
        : `you are at ${formatCompact(now)}, ${timesBelow(be.requestsPerMonth / now)}× below`;
  const costs =
    be.costsAgreeWithinCent || be.apiMonthlyCostUsd === null || be.selfHostedMonthlyCostUsd === null
      ? `costs the same as ${apiName} at ${formatCount(be.requestsPerMonth)} requests a month (${formatUsd(be.monthlyCostUsd ?? 0)})`
      : `becomes cheaper than ${apiName} at ${formatCount(be.requestsPerMonth)} requests a month (${formatUsd(be.selfHostedMonthlyCostUsd)} against ${formatUsd(be.apiMonthlyCostUsd)})`;
  return `Break-even: ${selfName} ${costs}; ${where}.`;
}

/** How many times below the break-even a volume is, rounded as usual (the phrasing's facts say the same). */
export const timesBelow = formatTimes;

const assumptionText = (a: AdviceJson["assumptions"][number]) =>
  `${a.field} = ${typeof a.value === "number" ? formatCount(a.value) : String(a.value)} (${a.reason})`;

/** The contract → the view; `maxOptions` bounds the option list for small surfaces. */
export function answerView(a: AdviceJson, maxOptions = 5): AnswerView {
  const top = a.options[0];
  const headline = top
    ? `${VERDICT_LABEL[a.verdict]}: ${top.model} on ${top.deployment}, ${money(top)} a month`
    : `${VERDICT_LABEL[a.verdict]}: no option could be priced`;
  const horizon = typeof a.profile.horizonMonths === "number" ? a.profile.horizonMonths : 24;
  return {
    verdict: a.verdict,
    verdictLabel: VERDICT_LABEL[a.verdict],
    headline,
    options: a.options.slice(0, maxOptions).map((o, i) => ({
      rank: i + 1,
      id: o.id,
      verdictLabel: VERDICT_LABEL[o.verdict],
      model: o.model,
      deployment: o.deployment,
      monthly: money(o),
      perMonthOverHorizon: formatUsd(o.tco.perMonthUsd),
      detail: optionDetail(o),
    })),
    excluded: a.excludedOptions
      .slice(0, 3)
      .map((e) => `${e.model} (${e.deployment}) would cost ${money(e)} but is ruled out by ${e.excludedBy}`),
    breakEven: breakEvenLine(a),
    reasons: a.reasons.map((r) => ({ rule: r.rule, text: `${r.rationale} [${r.effect}]`, source: r.source })),
    conflicts: a.conflicts.map((c) => `${c.summary}: ${c.resolution}`),
    assumptions: a.assumptions.map(assumptionText),
    discrepancies: a.discrepancies.map((d) => ({ claim: d.claim, computed: d.computed, source: d.source })),
    plan: a.migrationPlan
      ? { title: a.migrationPlan.title, phases: a.migrationPlan.phases, source: a.migrationPlan.source }
      : null,
    deprecations: a.deprecations.map((d) => {
      const when =
        d.daysToRetirement === null
          ? `deprecated ${d.deprecatedOn ?? ""}`
          : d.daysToRetirement < 0
            ? `retired on ${d.retiresOn}`
            : `retires on ${d.retiresOn} (in ${d.daysToRetirement} days)`;
      return `${d.model} ${when}${d.replacement ? `; replacement: ${d.replacement}` : ""}`;
    }),
    issues: a.issues.map((i) => i.message),
    footer: `Horizon ${horizon} months. Hosted prices as of ${a.pricesAsOf}; computed for ${a.today}.`,
  };
}

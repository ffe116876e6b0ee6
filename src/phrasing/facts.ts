import type { Advice, FiredRule, OptionCost, Verdict } from "../domain/advice.js";
import { formatCompact, formatCount, formatTimes, formatUsd } from "../domain/format.js";

/**
 * The Advice reduced to what a short summary needs, every figure already formatted by
 * src/domain/format.ts. The template reads it, and it is the only data an LLM is sent.
 */
export interface Facts {
  verdict: Verdict;
  verdictLabel: string;
  /** The top three options, best first. */
  options: FactOption[];
  breakEven: FactBreakEven | null;
  /** The three reasons that weighed most for the verdict, strongest first. */
  reasons: string[];
  retirements: FactRetirement[];
  requestsPerMonth: string;
  horizonMonths: number;
  /** How many defaults filled gaps in the question. */
  assumptions: number;
}

export interface FactOption {
  rank: number;
  kind: string;
  model: string;
  where: string;
  monthly: string;
  /** False when a price is missing, so `monthly` is a lower bound. */
  priced: boolean;
}

export type FactBreakEven =
  | {
      selfHosted: string;
      api: string;
      requestsPerMonth: string;
      monthlyCost: string;
      /**
       * Each side's bill at that whole volume, when they differ by a cent or more (one request can
       * cost more than a cent); null when the costs are the same either way.
       */
      costs: { api: string; selfHosted: string } | null;
      /** "past it" or "below it"; "no volume" when the question's volume is zero. */
      position: "past it" | "below it" | "no volume";
      /** How many times the current volume must grow to reach it ("24×"), when below. */
      timesBelow: string | null;
    }
  | { selfHosted: string; api: string; never: string };

export interface FactRetirement {
  model: string;
  retiresOn: string;
  inDays: number | null;
  replacement: string | null;
}

/** The verdict as prose says it ("a managed private deployment in your cloud"). */
export const VERDICT_PROSE: Record<Verdict, string> = {
  api: "a proprietary API",
  "self-hosted": "a self-hosted open-weight model",
  "private-cloud": "a managed private deployment in your cloud",
  hybrid: "a hybrid (API plus self-hosted)",
  local: "a local, on-premises deployment",
};

const priced = (o: OptionCost) => !o.monthly.lineItems.some((l) => l.flag === "price-not-found");

const money = (o: OptionCost) =>
  priced(o) ? formatUsd(o.monthly.monthlyCostUsd) : `at least ${formatUsd(o.monthly.monthlyCostUsd)}`;

/** How strongly a rule weighed for the verdict: hard rules first, then the points it gave. */
export function ruleWeight(rule: FiredRule, verdict: Verdict): number {
  const e = rule.effect;
  if (/^requires\b/.test(e) && e.includes(verdict)) return 100;
  if (/^excludes\b/.test(e) && !e.includes(verdict)) return 90;
  const points = new RegExp(`([+-]\\d+) ${verdict.replace("-", "\\-")}(?![\\w-])`).exec(e);
  return points?.[1] ? Number(points[1]) : 0;
}

/** The rules that weighed most for the verdict, strongest first (stable for ties). */
export function strongestReasons(a: Advice, n: number): FiredRule[] {
  return a.reasons
    .map((r, i) => ({ r, i, w: ruleWeight(r, a.verdict) }))
    .filter((x) => x.w > 0)
    .sort((x, y) => y.w - x.w || x.i - y.i)
    .slice(0, n)
    .map((x) => x.r);
}

function optionName(a: Advice, id: string): OptionCost | undefined {
  return a.options.find((o) => o.id === id) ?? a.excluded.find((e) => e.option.id === id)?.option;
}

function breakEvenFacts(a: Advice): FactBreakEven | null {
  const be = a.breakEven;
  if (!be) return null;
  const self = optionName(a, be.selfHostedOptionId);
  const api = optionName(a, be.apiOptionId);
  const selfHosted = self
    ? `${self.model} (${be.selfHostedDeployment ?? self.deployment})`
    : be.selfHostedOptionId;
  const apiName = api ? api.model : be.apiOptionId;
  if (be.requestsPerMonth === null)
    return { selfHosted, api: apiName, never: be.reason ?? "self-hosting never becomes cheaper" };
  const now = be.currentRequestsPerMonth;
  const position =
    be.note !== null || now <= 0 ? "no volume" : now >= be.requestsPerMonth ? "past it" : "below it";
  const differ =
    !be.costsAgreeWithinCent && be.apiMonthlyCostUsd !== null && be.selfHostedMonthlyCostUsd !== null;
  return {
    selfHosted,
    api: apiName,
    requestsPerMonth: formatCount(be.requestsPerMonth),
    monthlyCost: formatUsd(be.monthlyCostUsd ?? 0),
    costs: differ
      ? { api: formatUsd(be.apiMonthlyCostUsd ?? 0), selfHosted: formatUsd(be.selfHostedMonthlyCostUsd ?? 0) }
      : null,
    position,
    timesBelow: position === "below it" ? `${formatTimes(be.requestsPerMonth / now)}×` : null,
  };
}

export function adviceFacts(a: Advice): Facts {
  return {
    verdict: a.verdict,
    verdictLabel: VERDICT_PROSE[a.verdict],
    options: a.options.slice(0, 3).map((o, i) => ({
      rank: i + 1,
      kind: VERDICT_PROSE[o.verdict],
      model: o.model,
      where: o.deployment,
      monthly: money(o),
      priced: priced(o),
    })),
    breakEven: breakEvenFacts(a),
    reasons: strongestReasons(a, 3).map((r) => r.rationale),
    retirements: a.deprecations
      .filter((d) => d.retiresOn !== null)
      .slice(0, 3)
      .map((d) => ({
        model: d.model,
        retiresOn: d.retiresOn ?? "",
        inDays: d.daysToRetirement,
        replacement: d.replacement,
      })),
    requestsPerMonth: formatCompact(a.profile.requestsPerMonth),
    horizonMonths: a.profile.horizonMonths,
    assumptions: a.assumptions.length,
  };
}

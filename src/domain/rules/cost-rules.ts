import { VERDICTS } from "../advice.js";
import { formatCount, formatPercent, formatUsd } from "../format.js";
import { SEED } from "../seeds.js";
import type { Rule, RuleContext, Scores } from "./types.js";

const S000 = SEED.s000;
const S001 = SEED.s001;
const S002 = SEED.s002;
const S003 = SEED.s003;
const S004 = SEED.s004;

/** Volume thresholds as the seeds state them. */
export const LOW_VOLUME_REQUESTS = 100_000; // 003 use_proprietary_when; 004 cost table
export const HIGH_VOLUME_REQUESTS = 500_000; // 003 flowchart; 000 "very high message volume"
export const VOICE_SMALL_CALLS = 1_000; // 002 scenario 1
export const VOICE_MEDIUM_CALLS = 10_000; // 002 scenarios 2 and 3
export const VOICE_LOCAL_VIABLE_CALLS = 50_000; // 002 key metrics
/** Costs within this share of the cheapest are too close to decide on. */
export const COST_TIE_BAND = 0.1;

const calls = (ctx: Parameters<Rule["when"]>[0]) => ctx.p.voice?.callsPerMonth ?? 0;
const strictData = (c: readonly string[]) =>
  c.some((x) => x === "hipaa" || x === "sox" || x === "government" || x === "data-sovereignty");

/** Whether the cheapest self-hosted option costs no more than every per-token one still allowed. */
function selfHostingBeatsPerToken(cheapest: RuleContext["cheapest"]): boolean {
  const self = cheapest["self-hosted"];
  if (!self) return false;
  const perToken = [cheapest.api, cheapest["private-cloud"]].filter((o) => o !== undefined);
  return perToken.every((o) => self.tco.perMonthUsd.lessThanOrEqualTo(o.tco.perMonthUsd));
}

/** Soft rules over volume, money and the seeds' scenario tables. */
export const COST_RULES: readonly Rule[] = [
  {
    id: "cost.cheapest",
    factor: "cost",
    when: ({ cheapestOverall }) => cheapestOverall !== undefined,
    scores: ({ cheapest, cheapestOverall }) => {
      const s: Scores = {};
      if (!cheapestOverall) return s;
      const band = cheapestOverall.tco.perMonthUsd.times(1 + COST_TIE_BAND);
      for (const v of VERDICTS) {
        const o = cheapest[v];
        if (o?.tco.perMonthUsd.lessThanOrEqualTo(band)) s[v] = 3;
      }
      return s;
    },
    rationale:
      "The arithmetic: the cheapest allowed option over the horizon, forced migrations and setup included; options within 10% of it count as tied.",
    source: `${S003} (Consider TCO: include ops costs, not just compute)`,
    evidence: ({ cheapestOverall }) => ({
      option: cheapestOverall?.id ?? "none",
      perMonthUsd: cheapestOverall ? formatUsd(cheapestOverall.tco.perMonthUsd) : "n/a",
    }),
  },
  {
    id: "cost.far-more-expensive",
    factor: "cost",
    when: ({ cheapest, cheapestOverall }) =>
      cheapestOverall !== undefined &&
      Object.values(cheapest).some((o) =>
        o.tco.perMonthUsd.greaterThan(cheapestOverall.tco.perMonthUsd.times(3)),
      ),
    scores: ({ cheapest, cheapestOverall }) => {
      const s: Scores = {};
      for (const v of VERDICTS) {
        const o = cheapest[v];
        if (o && cheapestOverall && o.tco.perMonthUsd.greaterThan(cheapestOverall.tco.perMonthUsd.times(3)))
          s[v] = -2;
      }
      return s;
    },
    rationale: "An option costing more than three times the cheapest needs a reason beyond cost.",
    source: `${S003} (Cost Comparison at scale)`,
  },
  {
    id: "volume.low",
    factor: "volume",
    when: ({ p }) => p.useCase !== "voice" && p.requestsPerMonth < LOW_VOLUME_REQUESTS,
    scores: () => ({ api: 2 }),
    rationale:
      "Low to medium volume (under 100K requests a month): the API is cheaper than any reserved GPU.",
    source: `${S003} (use_proprietary_when: <100K requests/month); ${S004} (Low volume: API cheaper)`,
    evidence: ({ p }) => ({ requestsPerMonth: p.requestsPerMonth }),
  },
  {
    id: "volume.high",
    factor: "volume",
    when: ({ p }) => p.useCase !== "voice" && p.requestsPerMonth > HIGH_VOLUME_REQUESTS,
    scores: () => ({ "self-hosted": 1, hybrid: 1 }),
    rationale: "Over 500K requests a month the flowchart says: calculate the break-even before choosing.",
    source: `${S003} (Decision Flowchart: volume > 500K → calculate break-even); ${S000} (very high message volume)`,
    evidence: ({ p }) => ({ requestsPerMonth: p.requestsPerMonth }),
  },
  {
    id: "volume.above-break-even",
    factor: "volume",
    when: ({ breakEven, p, cheapest }) =>
      breakEven?.requestsPerMonth != null &&
      p.requestsPerMonth >= breakEven.requestsPerMonth &&
      selfHostingBeatsPerToken(cheapest),
    scores: () => ({ "self-hosted": 3, hybrid: 1 }),
    rationale:
      "Your volume is past the break-even: reserved GPUs now cost less than paying per token, at the API and at a managed private deployment alike.",
    source: `${S003} (calculate_breakeven)`,
    evidence: ({ breakEven, p }) => ({
      breakEvenRequestsPerMonth: breakEven?.requestsPerMonth ?? 0,
      requestsPerMonth: p.requestsPerMonth,
    }),
  },
  {
    id: "volume.below-break-even",
    factor: "volume",
    when: ({ breakEven, p }) =>
      p.requestsPerMonth > HIGH_VOLUME_REQUESTS &&
      breakEven !== null &&
      (breakEven.requestsPerMonth === null || p.requestsPerMonth < breakEven.requestsPerMonth),
    scores: () => ({ api: 2 }),
    rationale:
      "Despite the high volume, the computed break-even is further out: per-token pricing still wins.",
    source: `${S003} (calculate_breakeven, with this catalog's prices)`,
    evidence: ({ breakEven, p }) => ({
      breakEvenRequestsPerMonth:
        breakEven?.requestsPerMonth === null || breakEven === null
          ? "never"
          : formatCount(breakEven.requestsPerMonth),
      requestsPerMonth: formatCount(p.requestsPerMonth),
    }),
  },
  {
    id: "hybrid.quality-at-volume",
    factor: "scenario",
    when: ({ p, breakEven }) =>
      (p.quality === "high-accuracy" || p.useCase === "code") &&
      breakEven?.requestsPerMonth != null &&
      p.requestsPerMonth >= breakEven.requestsPerMonth,
    scores: () => ({ hybrid: 3 }),
    rationale:
      "Quality-critical work past the break-even: keep complex and customer-facing requests on the strongest API, route bulk and simple ones to a self-hosted model.",
    source: `${S003} (Hybrid Approaches: routing; Summary: APIs for quality, self-hosted for volume); ${S002} (Phase 4: hybrid)`,
  },
  {
    id: "revenue.api-share",
    factor: "revenue",
    when: ({ apiShareOfRevenue, thresholds }) =>
      apiShareOfRevenue?.greaterThan(thresholds.apiRevenueShare) === true,
    scores: () => ({ "self-hosted": 2, hybrid: 2, local: 1 }),
    rationale: "API costs above 10% of revenue: time to evaluate local or hybrid serving.",
    source: `${S002} (Key Metrics: API Costs vs Revenue)`,
    evidence: ({ apiShareOfRevenue }) => ({
      apiShareOfRevenue: apiShareOfRevenue ? formatPercent(apiShareOfRevenue) : "n/a",
    }),
  },
  {
    id: "budget.exceeded",
    factor: "budget",
    when: ({ p, cheapest }) =>
      p.monthlyBudgetUsd !== null &&
      Object.values(cheapest).some((o) => o.monthly.monthlyCostUsd.greaterThan(p.monthlyBudgetUsd ?? 0)),
    scores: ({ p, cheapest }) => {
      const s: Scores = {};
      for (const v of VERDICTS) {
        const o = cheapest[v];
        if (o && p.monthlyBudgetUsd !== null && o.monthly.monthlyCostUsd.greaterThan(p.monthlyBudgetUsd))
          s[v] = -2;
      }
      return s;
    },
    rationale: "Options over your monthly budget lose points.",
    source:
      "user input: the monthly budget stated in the question; seeds/003_b115a8f15225916a.txt (use_self_hosted_when: Predictable costs required)",
    evidence: ({ p }) => ({ monthlyBudgetUsd: formatUsd(p.monthlyBudgetUsd ?? 0) }),
  },
  {
    id: "scenario.voice-startup",
    factor: "scenario",
    when: (ctx) => ctx.p.useCase === "voice" && calls(ctx) < VOICE_SMALL_CALLS,
    scores: () => ({ api: 2 }),
    rationale:
      "Startup or small business (under 1,000 calls a month): APIs, low upfront cost, fast to market.",
    source: `${S002} (Scenario 1)`,
  },
  {
    id: "scenario.voice-medium",
    factor: "scenario",
    when: (ctx) =>
      ctx.p.useCase === "voice" && calls(ctx) >= VOICE_SMALL_CALLS && calls(ctx) <= VOICE_MEDIUM_CALLS,
    scores: () => ({ api: 2 }),
    rationale:
      "Medium business (1,000-10,000 calls a month): APIs stay cost-effective and scale automatically.",
    source: `${S002} (Scenario 2)`,
  },
  {
    id: "scenario.voice-enterprise",
    factor: "scenario",
    when: (ctx) => ctx.p.useCase === "voice" && calls(ctx) > VOICE_MEDIUM_CALLS,
    scores: () => ({ hybrid: 2 }),
    rationale:
      "Large enterprise (over 10,000 calls a month): APIs as primary, local models as backup for cost and redundancy.",
    source: `${S002} (Scenario 3)`,
  },
  {
    id: "scenario.voice-local-viable",
    factor: "scenario",
    when: (ctx) => ctx.p.useCase === "voice" && calls(ctx) > VOICE_LOCAL_VIABLE_CALLS,
    scores: () => ({ local: 1 }),
    rationale:
      "Over 50,000 calls a month 002 calls local models viable; the arithmetic decides whether they are cheaper.",
    source: `${S002} (Key Metrics: call volume; Very High Volume)`,
  },
  {
    id: "scenario.voice-high-security",
    factor: "scenario",
    when: ({ p }) => p.useCase === "voice" && strictData(p.compliance),
    scores: () => ({ local: 3 }),
    rationale:
      "High-security voice (healthcare, finance, government): local models for complete data control.",
    source: `${S002} (Scenario 4)`,
  },
  {
    id: "cheatsheet.tight-budget",
    factor: "scenario",
    when: ({ p }) => p.monthlyBudgetUsd !== null && p.monthlyBudgetUsd <= 200 && p.gpusOnHand !== null,
    scores: () => ({ local: 2 }),
    rationale: "Small startup on a tight budget with hardware at hand: Mistral 7B + Ollama + local RAG.",
    source: `${S001} (Decision Cheat Sheet: small startup, tight budget)`,
  },
  {
    id: "cheatsheet.enterprise-data-sensitive",
    factor: "scenario",
    when: ({ p }) => p.useCase !== "voice" && strictData(p.compliance) && p.team !== "none",
    scores: () => ({ "self-hosted": 1 }),
    rationale: "Enterprise with sensitive data and a team to run it: Llama 3 on custom cloud hosting.",
    source: `${S001} (Decision Cheat Sheet: enterprise, data-sensitive)`,
  },
  {
    id: "cheatsheet.healthcare-legal",
    factor: "scenario",
    when: ({ p }) =>
      p.compliance.includes("hipaa") &&
      (p.customization === "fine-tuning" || p.quality === "domain-precision"),
    scores: () => ({ "self-hosted": 1 }),
    rationale: "Healthcare or legal domain: Llama 3 or Mistral with fine-tuning and RAG.",
    source: `${S001} (Decision Cheat Sheet: healthcare/legal domain)`,
  },
  {
    id: "flowchart.default-api",
    factor: "scenario",
    when: ({ p }) =>
      p.compliance.length === 0 && p.requestsPerMonth <= HIGH_VOLUME_REQUESTS && p.useCase !== "voice",
    scores: () => ({ api: 1 }),
    rationale:
      "No strict privacy needs and volume under 500K a month: use a proprietary API, as for most production cases.",
    source: `${S003} (Decision Flowchart → Use Proprietary API); ${S000} (Recommended for 95% of production use cases)`,
  },
];

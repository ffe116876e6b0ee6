import type { Discrepancy } from "./advice.js";
import { apiCostByPeriod } from "./calc/api-cost.js";
import { voiceMonthlyCost } from "./calc/voice.js";
import type { Catalog } from "./catalog/catalog.js";
import { formatCount, formatUnitUsd, formatUsd } from "./format.js";
import { type Dec, dec } from "./money.js";
import { SEED } from "./seeds.js";

const S000 = SEED.s000;
const S002 = SEED.s002;
const S003 = SEED.s003;

/** 002's cost of one call at its own unit prices (3 minutes, one SMS, 200 NLU tokens on GPT-4). */
export function seed002PerCall(catalog: Catalog): Dec | null {
  const nlu = catalog.hostedPrice("gpt-4", 200);
  const tel = catalog.voicePrice("telephony-minute", "seed-002:telephony");
  const stt = catalog.voicePrice("stt-minute", "seed-002:stt");
  const sms = catalog.voicePrice("sms-message", "seed-002:sms");
  if (!nlu.ok || !tel || !stt || !sms) return null;
  return voiceMonthlyCost(
    {
      callsPerMonth: 1,
      minutesPerCall: 3,
      smsPerCall: 1,
      ttsCharactersPerCall: 0,
      nluRequestsPerCall: 1,
      nluInputTokensPerRequest: 200,
      nluCachedInputTokensPerRequest: 0,
      nluOutputTokensPerRequest: 0,
    },
    { telephony: tel, speechToText: stt, sms, textToSpeech: undefined, nlu: nlu.value },
  ).monthlyCostUsd;
}

/** 002's scenario cost ranges ($50-200, $200-1,000, $1,000+) against its own per-call arithmetic. */
export function check002ScenarioRanges(catalog: Catalog): Discrepancy | null {
  const perCall = seed002PerCall(catalog);
  if (!perCall) return null;
  const at = (calls: number) => formatUsd(perCall.times(calls));
  return {
    id: "seed-002-scenario-ranges",
    claim:
      "002: under 1,000 calls cost $50-200 a month, 1,000-10,000 calls $200-1,000, over 10,000 calls $1,000+",
    computed: `002's own example ($28.50 for 500 calls) is ${formatUnitUsd(perCall)} a call, so under 1,000 calls cost at most ${at(1_000)}, 1,000-10,000 calls ${at(1_000)}-${at(10_000)}, and 10,000 calls ${at(10_000)}: each range is 2-4× the arithmetic`,
    source: `${S002} (Production Scenarios 1-3; Real-World Cost Analysis)`,
  };
}

/** 002 says local becomes viable at 50,000 calls in one place and 100,000+ in another; its own 50,000 example has APIs cheaper. */
export function check002LocalThreshold(catalog: Catalog): Discrepancy | null {
  const perCall = seed002PerCall(catalog);
  if (!perCall) return null;
  return {
    id: "seed-002-local-threshold",
    claim:
      "002: local models become viable above 50,000 calls a month (Key Metrics), and at 100,000+ calls (Valid Use Cases)",
    computed: `the two thresholds differ by 2×; at 50,000 calls 002's own prices give ${formatUsd(perCall.times(50_000))} of APIs against $6,500-13,000 of local models, so APIs are still cheaper there`,
    source: `${S002} (Key Metrics to Track; When Local Models Make Sense; Large Business Example)`,
  };
}

/** Monthly cost of an always-on cloud instance from the catalog: hours a month × hourly price. */
const monthlyOf = (catalog: Catalog, hourlyUsd: number): Dec =>
  dec(hourlyUsd).times(catalog.numberDefault("hoursPerMonth"));

/** 003: an 8x H100 cluster at ~$30,000 a month, against AWS p5.48xlarge on demand. */
export function check003H100Cluster(catalog: Catalog): Discrepancy | null {
  const p5 = catalog.gpuInstance("aws:p5.48xlarge");
  if (!p5?.hourlyUsd) return null;
  const hours = catalog.numberDefault("hoursPerMonth");
  return {
    id: "seed-003-h100-cluster",
    claim: "003: an 8x H100 cluster costs ~$30,000 a month",
    computed: `AWS p5.48xlarge (8x H100 80GB) on demand: ${hours} h × ${formatUnitUsd(p5.hourlyUsd)} = ${formatUsd(monthlyOf(catalog, p5.hourlyUsd))} a month (catalog entry as of ${p5.asOf})`,
    source: `${S003} (Infrastructure Options)`,
  };
}

/** 000: "GPU server (A100/H100): $500-2,000 a month", against the cheapest A100 80GB machine in the catalog. */
export function check000GpuServer(catalog: Catalog): Discrepancy | null {
  const a100s = catalog.data.gpuInstances.filter(
    (g) => g.gpuType === "A100" && g.gpuMemoryGb === 80 && g.hourlyUsd !== undefined,
  );
  const cheapest = [...a100s].sort((a, b) => (a.hourlyUsd ?? 0) - (b.hourlyUsd ?? 0))[0];
  if (!cheapest?.hourlyUsd) return null;
  const hours = catalog.numberDefault("hoursPerMonth");
  return {
    id: "seed-000-gpu-server",
    claim: "000: a GPU server (A100/H100) costs $500-2,000 a month",
    computed: `the cheapest A100 80GB machine in the catalog, ${cheapest.name} (${cheapest.gpuCount}x A100), costs ${hours} h × ${formatUnitUsd(cheapest.hourlyUsd)} = ${formatUsd(monthlyOf(catalog, cheapest.hourlyUsd))} a month on demand, above the top of that range`,
    source: `${S000} (Open-Source LLM (Self-Hosted): Infrastructure Costs)`,
  };
}

/** 003's estimate_api_costs: monthly = daily × 30 but yearly = daily × 365, so a year is not 12 months. */
export function check003YearlyVsMonthly(catalog: Catalog): Discrepancy | null {
  const price = catalog.hostedPrice("gpt-4o-mini", 500);
  if (!price.ok) return null;
  const requestsPerDay = 10_000;
  const p = apiCostByPeriod(
    price.value,
    {
      requestsPerDay,
      inputTokensPerRequest: 500,
      cachedInputTokensPerRequest: 0,
      outputTokensPerRequest: 200,
    },
    30,
  );
  return {
    id: "seed-003-yearly-vs-monthly",
    claim: "003: estimate_api_costs reports monthly = daily × 30 and yearly = daily × 365",
    computed: `for ${formatCount(requestsPerDay)} requests a day on gpt-4o-mini at 500/200 tokens: daily ${formatUsd(p.dailyUsd)}, monthly ${formatUsd(p.monthlyUsd)}, yearly ${formatUsd(p.yearlyUsd)}, but 12 of its months are ${formatUsd(p.monthlyUsd.times(12))}: the year is 365/360 of 12 months (1.4% more)`,
    source: `${S003} (Cost Predictability: estimate_api_costs)`,
  };
}

import type { BreakEvenSummary, Discrepancy, OptionCost, Verdict } from "./advice.js";
import { apiCostPerRequest } from "./calc/api-cost.js";
import { breakEven, flatCurve } from "./calc/break-even.js";
import { flatSelfHostedCost } from "./calc/self-hosted-flat.js";
import { type Catalog, weightsMemoryGb } from "./catalog/catalog.js";
import { formatCount, formatUnitUsd, formatUsd } from "./format.js";
import { type Dec, dec } from "./money.js";
import type { ResolvedProfile } from "./resolve-profile.js";
import {
  check000GpuServer,
  check002LocalThreshold,
  check002ScenarioRanges,
  check003H100Cluster,
  seed002PerCall,
} from "./seed-figures.js";
import { SEED } from "./seeds.js";

const S000 = SEED.s000;
const S001 = SEED.s001;
const S002 = SEED.s002;
const S003 = SEED.s003;
const S004 = SEED.s004;

/** 000's and 003's example request: 500 input and 200 output tokens on gpt-4o-mini. */
function miniPerRequest(catalog: Catalog): Dec | null {
  const price = catalog.hostedPrice("gpt-4o-mini", 500);
  if (!price.ok) return null;
  return apiCostPerRequest(price.value, {
    inputTokensPerRequest: 500,
    cachedInputTokensPerRequest: 0,
    outputTokensPerRequest: 200,
  });
}

const beAt = (perRequest: Dec, monthly: Dec): number | null => {
  const be = breakEven(perRequest, flatCurve(monthly));
  return be.kind === "at" ? be.requestsPerMonth : null;
};

/** 000: "break-even at 100K+ messages a month" beside a $19.50 API bill and $2,000-8,000 of self-hosting. */
export function check000BreakEven(catalog: Catalog): Discrepancy | null {
  const perRequest = miniPerRequest(catalog);
  const est = catalog.data.flatEstimates.find((f) => f.id === "seed-000-open-source-self-hosted");
  if (!perRequest || !est) return null;
  const low = flatSelfHostedCost(est, "low").monthlyCostUsd;
  const high = flatSelfHostedCost(est, "high").monthlyCostUsd;
  const at100k = perRequest.times(100_000);
  return {
    id: "seed-000-break-even",
    claim: "000: open source becomes cheaper from 100K+ messages a month",
    computed: `at 500/200 tokens gpt-4o-mini costs ${formatUsd(perRequest)} a message (${formatUsd(at100k)} for 100K); against ${formatUsd(low)}-${formatUsd(high)} of self-hosting the break-even is ${formatCount(beAt(perRequest, low) ?? 0)}-${formatCount(beAt(perRequest, high) ?? 0)} messages a month`,
    source: `${S000} (Cost Analysis)`,
  };
}

/** 003: "~500K+ requests/month typically favors self-hosting" beside its own calculate_breakeven. */
export function check003Threshold(catalog: Catalog): Discrepancy | null {
  const perRequest = miniPerRequest(catalog);
  const est = catalog.data.flatEstimates.find((f) => f.id === "seed-003-llama3-70b-4xa100");
  if (!perRequest || !est) return null;
  const monthly = flatSelfHostedCost(est, "low").monthlyCostUsd;
  return {
    id: "seed-003-threshold",
    claim: "003 (and 004): self-hosting typically pays off from about 500K-1M requests a month",
    computed: `003's own calculate_breakeven (gpt-4o-mini at 500/200 tokens against ${formatUsd(monthly)} a month) breaks even at ${formatCount(beAt(perRequest, monthly) ?? 0)} requests a month`,
    source: `${S003} (Summary; calculate_breakeven); ${S004} (Break-even estimate)`,
  };
}

/** The same claim, against the break-even computed for this question. */
export function checkThresholdForProfile(be: BreakEvenSummary | null): Discrepancy | null {
  if (!be || be.requestsPerMonth === null) return null;
  if (be.requestsPerMonth >= 500_000 / 2 && be.requestsPerMonth <= 1_000_000 * 2) return null;
  return {
    id: "seed-threshold-vs-your-break-even",
    claim: "003/004: self-hosting becomes cost-effective around 500K-1M requests a month",
    computed: `for your tokens and prices, ${be.selfHostedOptionId} breaks even with ${be.apiOptionId} at ${formatCount(be.requestsPerMonth)} requests a month`,
    source: `${S003} (Summary); ${S004} (Break-even estimate)`,
  };
}

/** 002: 50,000 calls "~$1,425/month" while its per-call figures give twice that. */
export function check002LargeBusiness(catalog: Catalog): Discrepancy | null {
  const perCall = seed002PerCall(catalog);
  if (!perCall) return null;
  // The pipeline's cost is linear in calls (exact decimals), so N calls cost N × one call.
  const at = (calls: number) => perCall.times(calls);
  const small = at(500);
  const large = at(50_000);
  const low = dec(6500);
  const high = dec(13000);
  const ratio = (a: Dec, b: Dec) => a.dividedBy(b).toDecimalPlaces(1).toFixed(1);
  return {
    id: "seed-002-large-business",
    claim:
      "002: 50,000 calls a month cost ~$1,425 in APIs, so APIs are 4-9× cheaper than $6,500-13,000 of local models",
    computed: `002's own unit prices give ${formatUsd(small)} for 500 calls, so ${formatUsd(large)} for 50,000 (100×); APIs are then ${ratio(low, large)}-${ratio(high, large)}× cheaper, not 4-9×`,
    source: `${S002} (Large Business Example)`,
  };
}

/** 004: "SageMaker endpoint running 24/7: ~$150-300/month for ml.g5.xlarge". */
export function check004SageMaker(catalog: Catalog): Discrepancy | null {
  const inst = catalog.gpuInstance("aws:ml.g5.xlarge");
  if (!inst?.hourlyUsd) return null;
  const hours = catalog.numberDefault("hoursPerMonth");
  const monthly = dec(inst.hourlyUsd).times(hours);
  return {
    id: "seed-004-sagemaker",
    claim: "004: a SageMaker endpoint on ml.g5.xlarge running 24/7 costs ~$150-300 a month",
    computed: `${hours} hours × ${formatUnitUsd(inst.hourlyUsd)} an hour = ${formatUsd(monthly)} a month (catalog entry ${inst.id}, as of ${inst.asOf})`,
    source: `${S004} (Hidden costs to consider)`,
  };
}

/** 003: a single A100 (80GB) at ~$2,000/month and ~50 req/s, beside a Llama 3 70B break-even. */
export function check003SingleA100(catalog: Catalog): Discrepancy | null {
  const model = catalog.openWeightModel("llama-3.1-70b");
  if (!model) return null;
  const fp16 = weightsMemoryGb(model, "fp16");
  const int4 = weightsMemoryGb(model, "int4");
  return {
    id: "seed-003-single-a100",
    claim: "003: a single A100 (80GB) serves ~50 requests a second, in a section sizing Llama 3 70B",
    computed: `${model.name} needs ${fp16} GB of weights at fp16 (${model.parametersB}B parameters × 2 bytes), more than one 80 GB GPU holds; it fits one A100 only quantized (${int4} GB at int4)`,
    source: `${S003} (Infrastructure Options; Self-Hosted Architecture: tensor_parallel_size=4)`,
  };
}

/** 001 calls LLaMA 3 open-source in one table and open weights in another. */
export function check001Openness(): Discrepancy {
  return {
    id: "seed-001-openness",
    claim:
      "001's first table lists LLaMA 3 and Mistral 7B as open-source; its comparison table lists LLaMA 3 as open weights",
    computed:
      "by 001's own definitions (open source = weights + training code and data) Llama, Mistral and Qwen are open weights: only their weights are released",
    source: `${S001} (Model Openness; Key Definitions)`,
  };
}

/**
 * The checks that concern this answer: the seed claims a reader of this verdict and these top
 * options would otherwise take at face value. Stable order.
 */
export function discrepanciesFor(
  p: ResolvedProfile,
  verdict: Verdict,
  top: readonly OptionCost[],
  be: BreakEvenSummary | null,
  catalog: Catalog,
): Discrepancy[] {
  const has = (pred: (o: OptionCost) => boolean) => top.some(pred);
  const selfRun = verdict === "self-hosted" || verdict === "local" || verdict === "hybrid";
  const out: Array<Discrepancy | null> = [];
  if (p.useCase === "voice")
    out.push(
      check002LargeBusiness(catalog),
      check002ScenarioRanges(catalog),
      check002LocalThreshold(catalog),
    );
  if (p.useCase !== "voice" && p.useCase !== "embeddings") {
    if (p.requestsPerMonth <= 1_000_000) out.push(check000BreakEven(catalog), check000GpuServer(catalog));
    if (p.requestsPerMonth > 100_000) out.push(check003Threshold(catalog), checkThresholdForProfile(be));
  }
  if (
    p.cloud === "aws" &&
    (p.lifecycleControl || has((o) => o.capacity?.instanceId.startsWith("aws:ml.") === true))
  )
    out.push(check004SageMaker(catalog));
  if (has((o) => o.modelId.includes("70b"))) out.push(check003SingleA100(catalog));
  if (selfRun && p.requestsPerMonth > 100_000) out.push(check003H100Cluster(catalog));
  if ((selfRun || p.customization !== "none") && has((o) => /llama|mistral|mixtral|qwen/.test(o.modelId)))
    out.push(check001Openness());
  return out.filter((d): d is Discrepancy => d !== null);
}

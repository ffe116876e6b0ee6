import type { OptionCost, Verdict } from "../advice.js";
import { type CapacityPlan, capacityPlan } from "../calc/self-hosted-capacity.js";
import { flatSelfHostedCost } from "../calc/self-hosted-flat.js";
import type { Catalog } from "../catalog/catalog.js";
import type { GpuInstance, OpenWeightModel, Throughput } from "../catalog/schema.js";
import type { DomainIssue } from "../errors.js";
import type { Numeric } from "../money.js";
import type { ResolvedProfile } from "../resolve-profile.js";
import { capacityAssumptions, type OptionSettings, ownedTco } from "./settings.js";

/** A sized deployment of one model on one machine type, before it becomes an option. */
export interface SizedPlan {
  model: OpenWeightModel;
  instance: GpuInstance;
  plan: CapacityPlan;
  throughputSource: string;
  precision: string;
  gpusPerReplica: number;
  /** The benchmark that sized it, for the method note. */
  throughput: Throughput;
}

const MIN_TIER: Record<ResolvedProfile["quality"], 1 | 2 | 3> = {
  general: 1,
  "domain-precision": 1,
  "high-accuracy": 3,
};

/** The open-weight models the question names, as current model or candidates. */
export const namedOpenWeight = (p: ResolvedProfile, catalog: Catalog): OpenWeightModel[] =>
  [...p.candidateModels, ...(p.currentModel ? [p.currentModel] : [])]
    .map((n) => catalog.openWeightModel(n))
    .filter((m): m is OpenWeightModel => m !== undefined);

/**
 * Open-weight candidates: those the question names (always kept), then the use case's list filtered
 * by task and quality. Full training needs weights, training code and data (001), so only
 * open-source models qualify then, from the whole catalog.
 */
export function selfHostedCandidates(p: ResolvedProfile, catalog: Catalog): OpenWeightModel[] {
  if (p.customization === "full-training")
    return catalog.data.openWeightModels.filter(
      (m) => m.openness === "open-source" && m.tasks.includes(p.useCase),
    );
  const named = namedOpenWeight(p, catalog);
  const listed = (catalog.data.candidates.find((c) => c.useCase === p.useCase)?.selfHosted ?? [])
    .map((id) => catalog.openWeightModel(id))
    .filter((m): m is OpenWeightModel => m !== undefined)
    .filter((m) => m.tasks.includes(p.useCase) && m.qualityTier >= MIN_TIER[p.quality]);
  const all = [...named, ...listed];
  return all.filter((m, i) => all.findIndex((x) => x.id === m.id) === i);
}

/** The cheapest machine of the given kinds that can serve the volume with this model, by the capacity model. */
export function cheapestPlan(
  model: OpenWeightModel,
  instances: readonly GpuInstance[],
  p: ResolvedProfile,
  catalog: Catalog,
  s: OptionSettings,
  requestsPerMonth: Numeric,
  hardwareOnHand = false,
): { sized: SizedPlan | null; problems: DomainIssue[] } {
  let best: SizedPlan | null = null;
  const problems: DomainIssue[] = [];
  for (const tp of catalog.throughputFor(model.id)) {
    for (const inst of instances.filter((i) => i.gpuType === tp.gpuType)) {
      const r = capacityPlan({
        model,
        instance: inst,
        throughput: tp,
        requestsPerMonth,
        inputTokensPerRequest: p.inputTokensPerRequest,
        outputTokensPerRequest: p.outputTokensPerRequest,
        assumptions: capacityAssumptions(s, p, hardwareOnHand),
      });
      if (!r.ok) {
        problems.push(r.error);
        continue;
      }
      if (best === null || r.value.breakdown.monthlyCostUsd.lessThan(best.plan.breakdown.monthlyCostUsd)) {
        best = {
          model,
          instance: inst,
          plan: r.value,
          throughputSource: tp.source,
          precision: tp.precision,
          gpusPerReplica: tp.gpusPerReplica,
          throughput: tp,
        };
      }
    }
  }
  return { sized: best, problems };
}

const SERVICE_LABEL: Record<GpuInstance["service"], string> = {
  ec2: "vLLM on",
  sagemaker: "SageMaker endpoint on",
  "azure-vm": "vLLM on",
  gce: "vLLM on",
  "on-prem": "vLLM/Ollama on",
  seed: "on",
};

/** "vLLM on 2 × g6e.xlarge (1x NVIDIA L40S 48GB), AWS": how a sized plan is deployed, at a given instance count. */
export function deploymentLabel(inst: GpuInstance, instances: number): string {
  const where = inst.cloud === "on-prem" ? "on premises" : inst.cloud.toUpperCase();
  const gpus = inst.name.includes(inst.gpuType) ? "" : ` (${inst.gpuCount}× ${inst.gpuType})`;
  return `${SERVICE_LABEL[inst.service]} ${instances} × ${inst.name}${gpus}, ${where}`;
}

export function sizedOption(
  sized: SizedPlan,
  verdict: Verdict,
  p: ResolvedProfile,
  s: OptionSettings,
): OptionCost {
  const { model, instance: inst, plan } = sized;
  return {
    id: `${verdict}:${model.id}@${inst.id}`,
    verdict,
    model: model.name,
    modelId: model.id,
    deployment: deploymentLabel(inst, plan.instances),
    monthly: plan.breakdown,
    tco: ownedTco(plan.breakdown, p, s),
    openness: model.openness,
    license: model.license,
    capacity: {
      instanceId: inst.id,
      instances: plan.instances,
      replicas: plan.replicas,
      gpuType: inst.gpuType,
      gpusPerReplica: sized.gpusPerReplica,
      precision: sized.precision,
      weightsGb: plan.weightsGb,
      averageTokensPerSecond: plan.averageTokensPerSecond,
      peakTokensPerSecond: plan.peakTokensPerSecond,
      replicaTokensPerSecond: plan.replicaTokensPerSecond,
      peakUtilization: plan.peakUtilization,
      throughputSource: sized.throughputSource,
    },
    selfHostedShare: null,
    notes: sizingNotes(sized),
  };
}

/** What the reader must know about the figures behind a sized plan: how the benchmark was run, what the price covers. */
export function sizingNotes(sized: SizedPlan): string[] {
  const notes: string[] = [];
  const m = sized.throughput.method;
  if (m === "offline-max-throughput")
    notes.push(
      "sized on TensorRT-LLM's offline maximum throughput (trtllm-bench, all requests queued at once), not a vLLM serving benchmark: vLLM under latency limits sustains less, so more GPUs may be needed",
    );
  if (m === "single-stream")
    notes.push(
      "sized on one stream's speed (batch size 1): a batched server sustains many times more, so this overstates the GPUs needed",
    );
  if (/card only|host PC not included/i.test(sized.instance.name))
    notes.push("the hardware price covers the GPU card only: a host PC to put it in is not included");
  return notes;
}

/** Cloud instances (rented by the hour) in the profile's cloud. */
export const cloudInstances = (p: ResolvedProfile, catalog: Catalog): GpuInstance[] =>
  catalog.data.gpuInstances.filter(
    (g) => g.cloud === p.cloud && g.service !== "seed" && g.service !== "on-prem",
  );

/** Self-hosted options by the capacity model; the seeds' flat figure when no benchmark covers a candidate. */
export function selfHostedOptions(
  p: ResolvedProfile,
  catalog: Catalog,
  s: OptionSettings,
): { options: OptionCost[]; plans: SizedPlan[]; issues: DomainIssue[] } {
  const plans: SizedPlan[] = [];
  const issues: DomainIssue[] = [];
  const instances = cloudInstances(p, catalog);
  const candidates = selfHostedCandidates(p, catalog);
  for (const model of candidates) {
    const { sized } = cheapestPlan(model, instances, p, catalog, s, p.requestsPerMonth);
    if (sized && offerable(sized, p, catalog)) plans.push(sized);
  }
  if (p.cloud !== "on-prem") issues.push(...unsizedIssues(p, catalog, candidates, plans, "self-hosted"));
  const options = plans.map((sized) => sizedOption(sized, "self-hosted", p, s));
  // 003's flat figure is Llama 3 70B: it stands in only for work that model does, and never for full training.
  const seedModel = catalog.openWeightModel("llama-3.1-70b");
  const flatFits = p.customization !== "full-training" && seedModel?.tasks.includes(p.useCase) === true;
  if (options.length === 0 && p.cloud !== "on-prem") {
    const flat = catalog.data.flatEstimates.find((f) => f.id === "seed-003-llama3-70b-4xa100");
    if (flat && flatFits) {
      options.push(flatOption(flat.id, flat.label, "self-hosted", flatSelfHostedCost(flat, "low"), p, s));
      issues.push({
        code: "no-throughput-data",
        message: `no GPU throughput benchmark covers the self-hosted candidates on ${p.cloud}: used 003's flat figure for Llama 3 70B on 4x A100`,
      });
    } else
      issues.push({
        code: "no-throughput-data",
        message: `no self-hosted ${p.customization === "full-training" ? "open-source " : ""}${p.useCase} model can be sized on ${p.cloud}: no throughput benchmark in the catalog covers one`,
      });
  }
  return { options, plans, issues };
}

/**
 * A plan sized on one stream's speed (batch size 1) overstates the GPUs many times over: it is
 * offered only for a model the question names, where a flagged figure beats none.
 */
export const offerable = (sized: SizedPlan, p: ResolvedProfile, catalog: Catalog): boolean =>
  sized.throughput.method !== "single-stream" ||
  namedOpenWeight(p, catalog).some((m) => m.id === sized.model.id);

/**
 * A model the question names, or an open-source model full training needs, that no benchmark can
 * size: said out loud, never silently dropped.
 */
export function unsizedIssues(
  p: ResolvedProfile,
  catalog: Catalog,
  candidates: readonly OpenWeightModel[],
  plans: readonly SizedPlan[],
  where: "self-hosted" | "local",
): DomainIssue[] {
  const named = new Set(namedOpenWeight(p, catalog).map((m) => m.id));
  const mustSay = (m: OpenWeightModel) => named.has(m.id) || p.customization === "full-training";
  const place = where === "local" ? "on your own hardware" : `on any ${p.cloud.toUpperCase()} GPU instance`;
  return candidates
    .filter((m) => mustSay(m) && !plans.some((s) => s.model.id === m.id))
    .map((m) => {
      const gpus = [...new Set(catalog.throughputFor(m.id).map((t) => t.gpuType))];
      const why =
        gpus.length === 0
          ? "the catalog has no throughput benchmark for it"
          : `its benchmarks cover only ${gpus.join(", ")}`;
      return {
        code: "no-throughput-data" as const,
        message: `${m.name} cannot be sized ${place}: ${why}`,
        subject: m.id,
      };
    });
}

export function flatOption(
  id: string,
  label: string,
  verdict: Verdict,
  monthly: ReturnType<typeof flatSelfHostedCost>,
  p: ResolvedProfile,
  s: OptionSettings,
): OptionCost {
  return {
    id: `${verdict}:${id}`,
    verdict,
    model: label,
    modelId: id,
    deployment: "seed estimate (flat monthly figure)",
    monthly,
    tco: ownedTco(monthly, p, s),
    openness: "open-weights",
    license: null,
    capacity: null,
    selfHostedShare: null,
    notes: ["a seed's flat estimate, not sized to your volume"],
  };
}

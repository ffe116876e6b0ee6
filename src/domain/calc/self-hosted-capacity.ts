import { weightsMemoryGb } from "../catalog/catalog.js";
import type { GpuInstance, OpenWeightModel, Throughput } from "../catalog/schema.js";
import { type DomainIssue, issue } from "../errors.js";
import { type Dec, dec, type Numeric, ZERO } from "../money.js";
import { instancesFor } from "./break-even.js";
import { breakdown, type CostBreakdown, type LineItem, line } from "./line-items.js";

export interface CapacityAssumptions {
  peakToAverageRatio: number;
  hoursPerMonth: number;
  /** GPU time of one prompt token relative to one generated token. */
  inputTokenDecodeEquivalent: number;
  minimumReplicas: number;
  operationsUsdPerMonth: number;
  /** One-time setup, spread evenly over the horizon. */
  setupUsd: number;
  horizonMonths: number;
  maxWeightsShareOfGpuMemory: number;
  electricityUsdPerKwh: number;
  /** Hardware already owned: its purchase is sunk and not charged again. */
  hardwareOnHand: boolean;
}

export interface CapacityInput {
  model: OpenWeightModel;
  instance: GpuInstance;
  throughput: Throughput;
  requestsPerMonth: Numeric;
  inputTokensPerRequest: number;
  outputTokensPerRequest: number;
  assumptions: CapacityAssumptions;
}

/** How a volume is served by reserved GPUs, and what the reservation costs. */
export interface CapacityPlan {
  breakdown: CostBreakdown;
  instances: number;
  replicas: number;
  replicasPerInstance: number;
  weightsGb: number;
  usableMemoryPerReplicaGb: number;
  /** Decode-equivalent tokens per second: monthly average, and the peak the GPUs are sized for. */
  averageTokensPerSecond: Dec;
  peakTokensPerSecond: Dec;
  replicaTokensPerSecond: number;
  /** Peak load over installed capacity, 0..1. */
  peakUtilization: Dec;
  /** The cost curve's shape, for break-even: fixed + instanceMonthly × max(minimumInstances, ceil(V / requestsPerInstance)). */
  fixedMonthlyUsd: Dec;
  instanceMonthlyUsd: Dec;
  requestsPerInstancePerMonth: Dec | null;
  minimumInstances: number;
}

/** Monthly cost of one instance, as line parts: rent, a seed's monthly figure, or purchase amortized plus power. */
function instanceLines(count: number, inst: GpuInstance, a: CapacityAssumptions): LineItem[] {
  if (inst.hourlyUsd !== undefined) {
    return [
      line(
        "self.gpu-instances",
        `${count} × ${inst.name} (${inst.gpuCount}× ${inst.gpuType}), ${a.hoursPerMonth} h a month`,
        count * a.hoursPerMonth,
        "instance-hour",
        inst.hourlyUsd,
        inst.source,
      ),
    ];
  }
  if (inst.monthlyUsd !== undefined) {
    return [
      line(
        "self.gpu-instances",
        `${count} × ${inst.name}`,
        count,
        "instance-month",
        inst.monthlyUsd,
        inst.source,
        { flag: "seed-figure" },
      ),
    ];
  }
  const lines: LineItem[] = [];
  const purchase = dec(inst.purchaseUsd ?? 0);
  lines.push(
    a.hardwareOnHand
      ? line(
          "self.hardware",
          `${count} × ${inst.name}, already owned`,
          count,
          "server-month",
          0,
          inst.source,
          { note: "hardware on hand: purchase not charged" },
        )
      : line(
          "self.hardware",
          `${count} × ${inst.name}, $${purchase.toString()} over ${a.horizonMonths} months`,
          count,
          "server-month",
          purchase.dividedBy(a.horizonMonths),
          inst.source,
        ),
  );
  if (inst.powerKw !== undefined) {
    lines.push(
      line(
        "self.electricity",
        `Electricity, ${count} × ${inst.powerKw} kW × ${a.hoursPerMonth} h`,
        dec(count).times(inst.powerKw).times(a.hoursPerMonth),
        "kWh",
        a.electricityUsdPerKwh,
        "catalog default electricityUsdPerKwh",
      ),
    );
  }
  return lines;
}

/**
 * Self-hosted cost by capacity: the volume's peak decode load → replicas of the model that the
 * benchmark says a GPU group sustains → instances reserved all month (paid whether used or not),
 * plus operations and setup amortized over the horizon.
 */
export function capacityPlan(
  input: CapacityInput,
): { ok: true; value: CapacityPlan } | { ok: false; error: DomainIssue } {
  const { model, instance: inst, throughput: tp, assumptions: a } = input;
  if (tp.model !== model.id || tp.gpuType !== inst.gpuType) {
    return {
      ok: false,
      error: issue("no-throughput-data", `no throughput figure for ${model.name} on ${inst.gpuType}`),
    };
  }
  const weightsGb = weightsMemoryGb(model, tp.precision);
  const usable = tp.gpusPerReplica * inst.gpuMemoryGb * a.maxWeightsShareOfGpuMemory;
  if (weightsGb > usable) {
    return {
      ok: false,
      error: issue(
        "does-not-fit",
        `${model.name} at ${tp.precision} needs ${weightsGb} GB of weights; ${tp.gpusPerReplica}× ${inst.gpuType} leave ${Math.round(usable * 10) / 10} GB for them`,
      ),
    };
  }
  const replicasPerInstance = Math.floor(inst.gpuCount / tp.gpusPerReplica);
  if (replicasPerInstance < 1) {
    return {
      ok: false,
      error: issue(
        "does-not-fit",
        `${inst.name} has ${inst.gpuCount} GPU(s); ${model.name} needs ${tp.gpusPerReplica} per replica`,
      ),
    };
  }

  const secondsPerMonth = dec(a.hoursPerMonth).times(3600);
  const tokensPerRequest = dec(input.outputTokensPerRequest).plus(
    dec(input.inputTokensPerRequest).times(a.inputTokenDecodeEquivalent),
  );
  const requests = dec(input.requestsPerMonth);
  const average = requests.times(tokensPerRequest).dividedBy(secondsPerMonth);
  const peak = average.times(a.peakToAverageRatio);
  const minimumInstances = Math.ceil(a.minimumReplicas / replicasPerInstance);
  const requestsPerInstance = tokensPerRequest.isZero()
    ? null
    : dec(tp.outputTokensPerSecond)
        .times(replicasPerInstance)
        .times(secondsPerMonth)
        .dividedBy(tokensPerRequest.times(a.peakToAverageRatio));
  const byLoad = requestsPerInstance === null ? 0 : instancesFor(requests, requestsPerInstance);
  const instances = Math.max(minimumInstances, byLoad);
  const replicas = Math.max(a.minimumReplicas, peak.dividedBy(tp.outputTokensPerSecond).ceil().toNumber());

  const perInstance = breakdown(instanceLines(1, inst, a)).monthlyCostUsd;
  const fixedLines: LineItem[] = [
    line(
      "self.operations",
      "Operations (DevOps time)",
      1,
      "month",
      a.operationsUsdPerMonth,
      "catalog default operationsUsdPerMonth",
    ),
    line(
      "self.setup-amortized",
      `Setup $${a.setupUsd} over ${a.horizonMonths} months`,
      1,
      "month",
      dec(a.setupUsd).dividedBy(a.horizonMonths),
      "catalog default selfHostSetupUsd",
    ),
  ];
  const fixed = breakdown(fixedLines).monthlyCostUsd;
  const capacityTokens = dec(tp.outputTokensPerSecond).times(replicasPerInstance).times(instances);
  return {
    ok: true,
    value: {
      breakdown: breakdown([...instanceLines(instances, inst, a), ...fixedLines]),
      instances,
      replicas,
      replicasPerInstance,
      weightsGb,
      usableMemoryPerReplicaGb: usable,
      averageTokensPerSecond: average,
      peakTokensPerSecond: peak,
      replicaTokensPerSecond: tp.outputTokensPerSecond,
      peakUtilization: capacityTokens.isZero() ? ZERO : peak.dividedBy(capacityTokens),
      fixedMonthlyUsd: fixed,
      instanceMonthlyUsd: perInstance,
      requestsPerInstancePerMonth: requestsPerInstance,
      minimumInstances,
    },
  };
}

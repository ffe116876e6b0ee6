import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { GpuInstance, OpenWeightModel, Throughput } from "../catalog/schema.js";
import { dec } from "../money.js";
import { selfHostedCostAt } from "./break-even.js";
import {
  type CapacityAssumptions,
  type CapacityInput,
  type CapacityPlan,
  capacityPlan,
} from "./self-hosted-capacity.js";

const asOf = "2026-11-21";

const model8b: OpenWeightModel = {
  id: "test-8b",
  name: "Test 8B",
  aliases: [],
  vendor: "Test",
  openness: "open-weights",
  opennessBasis: "weights only",
  license: "test",
  licenseUrl: "https://example.com/license",
  parametersB: 8.03,
  contextTokens: 8192,
  tasks: ["chat"],
  qualityTier: 1,
  managed: [],
  asOf,
  source: "test",
};

const model70b: OpenWeightModel = {
  ...model8b,
  id: "test-70b",
  name: "Test 70B",
  parametersB: 70.6,
  qualityTier: 3,
};

/** One 24 GB GPU at $1.25 an hour. */
const oneGpu: GpuInstance = {
  id: "test:1x24",
  name: "1× 24 GB",
  cloud: "aws",
  service: "ec2",
  gpuType: "T24",
  gpuCount: 1,
  gpuMemoryGb: 24,
  hourlyUsd: 1.25,
  asOf,
  source: "test",
};

const fourGpus: GpuInstance = { ...oneGpu, id: "test:4x24", name: "4× 24 GB", gpuCount: 4, hourlyUsd: 5 };

/** 1,000 output tokens a second from one GPU at fp16. */
const tp8b: Throughput = {
  id: "test:8b:t24x1",
  model: "test-8b",
  gpuType: "T24",
  gpusPerReplica: 1,
  precision: "fp16",
  outputTokensPerSecond: 1000,
  conditions: "test",
  method: "online-serving",
  asOf,
  source: "test",
};

const assumptions: CapacityAssumptions = {
  peakToAverageRatio: 3,
  hoursPerMonth: 730,
  inputTokenDecodeEquivalent: 0.1,
  minimumReplicas: 1,
  operationsUsdPerMonth: 1000,
  setupUsd: 12_000,
  horizonMonths: 24,
  maxWeightsShareOfGpuMemory: 0.8,
  electricityUsdPerKwh: 0.13,
  hardwareOnHand: false,
};

const base: CapacityInput = {
  model: model8b,
  instance: oneGpu,
  throughput: tp8b,
  requestsPerMonth: 10_000_000,
  inputTokensPerRequest: 500,
  outputTokensPerRequest: 200,
  assumptions,
};

const plan = (input: Partial<CapacityInput> = {}): CapacityPlan => {
  const r = capacityPlan({ ...base, ...input });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

const costs = (p: CapacityPlan) =>
  Object.fromEntries(p.breakdown.lineItems.map((l) => [l.code, l.costUsd.toString()]));

describe("capacityPlan: fit", () => {
  it("fits an 8.03B model at fp16 (16.06 GB) on a 24 GB GPU that leaves 19.2 GB for weights", () => {
    const p = plan();
    // 8.03 × 2 = 16.06 GB; 1 × 24 × 0.8 = 19.2 GB
    expect(p.weightsGb).toBe(16.06);
    expect(dec(p.usableMemoryPerReplicaGb).toDecimalPlaces(9).toString()).toBe("19.2");
    expect(p.weightsGb).toBeLessThanOrEqual(p.usableMemoryPerReplicaGb);
  });

  it("does not fit a 70.6B model at fp16 (141.2 GB) on 4× 24 GB (76.8 GB usable)", () => {
    const tp70b: Throughput = { ...tp8b, id: "test:70b:t24x4", model: "test-70b", gpusPerReplica: 4 };
    const r = capacityPlan({ ...base, model: model70b, instance: fourGpus, throughput: tp70b });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe("does-not-fit");
    // 70.6 × 2 = 141.2 GB; 4 × 24 × 0.8 = 76.8 GB
    expect(r.error.message).toContain("141.2 GB");
    expect(r.error.message).toContain("76.8 GB");
  });

  it("does not fit a replica needing more GPUs than the instance has", () => {
    // 2 × 24 × 0.8 = 38.4 GB holds 16.06 GB, but floor(1 / 2) = 0 replicas per instance
    const r = capacityPlan({ ...base, throughput: { ...tp8b, gpusPerReplica: 2 } });
    expect(r.ok ? null : r.error.code).toBe("does-not-fit");
  });

  it("has no throughput data for a benchmark of another model or GPU", () => {
    const otherGpu = capacityPlan({ ...base, throughput: { ...tp8b, gpuType: "H100" } });
    const otherModel = capacityPlan({ ...base, throughput: { ...tp8b, model: "test-70b" } });
    expect(otherGpu.ok ? null : otherGpu.error.code).toBe("no-throughput-data");
    expect(otherModel.ok ? null : otherModel.error.code).toBe("no-throughput-data");
  });
});

describe("capacityPlan: sizing and cost", () => {
  it("sizes 10M requests a month at 500/200 tokens to 3 instances", () => {
    const p = plan();
    // secondsPerMonth = 730 × 3,600 = 2,628,000
    // tokensPerRequest = 200 + 500 × 0.1 = 250
    // requestsPerInstance = 1,000 tok/s × 1 replica × 2,628,000 s / (250 × 3) = 3,504,000
    expect(p.requestsPerInstancePerMonth?.toString()).toBe("3504000");
    // instances = ceil(10,000,000 / 3,504,000) = ceil(2.85) = 3
    expect(p.instances).toBe(3);
    expect(p.replicasPerInstance).toBe(1);
    // average = 10,000,000 × 250 / 2,628,000 = 951.29… tok/s; peak × 3 = 2,853.88… → ceil(2.85) = 3 replicas
    expect(p.averageTokensPerSecond.times(2_628_000).toString()).toBe("2500000000");
    expect(p.peakTokensPerSecond.equals(p.averageTokensPerSecond.times(3))).toBe(true);
    expect(p.replicas).toBe(3);
    expect(p.minimumInstances).toBe(1);
  });

  it("charges instance-hours, operations and setup spread over the horizon", () => {
    const p = plan();
    expect(costs(p)).toEqual({
      // 3 instances × 730 h = 2,190 instance-hours × $1.25 = $2,737.50
      "self.gpu-instances": "2737.5",
      // $1,000 a month
      "self.operations": "1000",
      // $12,000 / 24 months = $500
      "self.setup-amortized": "500",
    });
    expect(p.breakdown.lineItems[0]?.quantity.toString()).toBe("2190");
    expect(p.breakdown.lineItems[0]?.unit).toBe("instance-hour");
    // 2,737.50 + 1,000 + 500 = 4,237.50
    expect(p.breakdown.monthlyCostUsd.toString()).toBe("4237.5");
    // curve: fixed 1,000 + 500 = 1,500; one instance 730 × 1.25 = 912.50
    expect(p.fixedMonthlyUsd.toString()).toBe("1500");
    expect(p.instanceMonthlyUsd.toString()).toBe("912.5");
  });

  it("keeps one instance running at zero requests", () => {
    const p = plan({ requestsPerMonth: 0 });
    expect(p.instances).toBe(1);
    expect(p.replicas).toBe(1);
    // 912.50 + 1,000 + 500 = 2,412.50
    expect(p.breakdown.monthlyCostUsd.toString()).toBe("2412.5");
    expect(p.peakUtilization.toString()).toBe("0");
  });

  it("has no per-instance capacity when requests have no tokens", () => {
    const p = plan({ inputTokensPerRequest: 0, outputTokensPerRequest: 0 });
    expect(p.requestsPerInstancePerMonth).toBeNull();
    expect(p.instances).toBe(1);
    expect(p.breakdown.monthlyCostUsd.toString()).toBe("2412.5");
  });

  it("fits four replicas on a four-GPU instance", () => {
    const p = plan({ instance: fourGpus });
    expect(p.replicasPerInstance).toBe(4);
    // 1,000 × 4 × 2,628,000 / 750 = 14,016,000 requests an instance; ceil(10M / 14.016M) = 1
    expect(p.requestsPerInstancePerMonth?.toString()).toBe("14016000");
    expect(p.instances).toBe(1);
    // 730 × $5 = 3,650 + 1,500 = 5,150
    expect(p.breakdown.monthlyCostUsd.toString()).toBe("5150");
  });

  it("charges a seed's monthly figure per instance, flagged as a seed figure", () => {
    const seedBox: GpuInstance = {
      ...oneGpu,
      id: "seed:test",
      service: "seed",
      hourlyUsd: undefined,
      monthlyUsd: 2000,
    };
    const p = plan({ instance: seedBox });
    const gpu = p.breakdown.lineItems.find((l) => l.code === "self.gpu-instances");
    // 3 instance-months × $2,000 = $6,000
    expect(gpu?.unit).toBe("instance-month");
    expect(gpu?.costUsd.toString()).toBe("6000");
    expect(gpu?.flag).toBe("seed-figure");
  });

  it("amortizes bought hardware over the horizon and adds electricity", () => {
    const server: GpuInstance = {
      ...oneGpu,
      id: "on-prem:test",
      cloud: "on-prem",
      service: "on-prem",
      hourlyUsd: undefined,
      purchaseUsd: 24_000,
      powerKw: 0.5,
    };
    // 1M requests: ceil(1,000,000 / 3,504,000) = 1 server
    const p = plan({ instance: server, requestsPerMonth: 1_000_000 });
    expect(costs(p)).toEqual({
      // $24,000 / 24 months = $1,000 a server-month
      "self.hardware": "1000",
      // 1 × 0.5 kW × 730 h = 365 kWh × $0.13 = $47.45
      "self.electricity": "47.45",
      "self.operations": "1000",
      "self.setup-amortized": "500",
    });
    // 1,000 + 47.45 + 1,000 + 500 = 2,547.45
    expect(p.breakdown.monthlyCostUsd.toString()).toBe("2547.45");
  });

  it("charges no purchase for hardware on hand, only its electricity", () => {
    const server: GpuInstance = {
      ...oneGpu,
      id: "on-prem:test",
      cloud: "on-prem",
      service: "on-prem",
      hourlyUsd: undefined,
      purchaseUsd: 24_000,
      powerKw: 0.5,
    };
    const p = plan({
      instance: server,
      requestsPerMonth: 1_000_000,
      assumptions: { ...assumptions, hardwareOnHand: true },
    });
    const hardware = p.breakdown.lineItems.find((l) => l.code === "self.hardware");
    expect(hardware?.costUsd.toString()).toBe("0");
    expect(hardware?.note).toBe("hardware on hand: purchase not charged");
    // 0 + 47.45 + 1,000 + 500 = 1,547.45
    expect(p.breakdown.monthlyCostUsd.toString()).toBe("1547.45");
  });

  it("needs two instances for two minimum replicas of one GPU each", () => {
    const p = plan({ requestsPerMonth: 0, assumptions: { ...assumptions, minimumReplicas: 2 } });
    expect(p.minimumInstances).toBe(2);
    // 2 × 912.50 + 1,500 = 3,325
    expect(p.breakdown.monthlyCostUsd.toString()).toBe("3325");
  });
});

describe("capacityPlan properties", () => {
  const volume = fc.integer({ min: 0, max: 5_000_000_000 });

  it("never costs less as volume rises", () => {
    fc.assert(
      fc.property(
        volume,
        volume,
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 0, max: 5000 }),
        (a, b, inT, outT) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const t = { inputTokensPerRequest: inT, outputTokensPerRequest: outT };
          const costLo = plan({ ...t, requestsPerMonth: lo }).breakdown.monthlyCostUsd;
          const costHi = plan({ ...t, requestsPerMonth: hi }).breakdown.monthlyCostUsd;
          expect(costLo.lessThanOrEqualTo(costHi)).toBe(true);
        },
      ),
    );
  });

  it("costs what its own curve says at that volume", () => {
    fc.assert(
      fc.property(volume, (v) => {
        const p = plan({ requestsPerMonth: v });
        const curve = {
          fixedMonthlyUsd: p.fixedMonthlyUsd,
          instanceMonthlyUsd: p.instanceMonthlyUsd,
          minimumInstances: p.minimumInstances,
          requestsPerInstancePerMonth: p.requestsPerInstancePerMonth,
        };
        expect(selfHostedCostAt(curve, v).equals(p.breakdown.monthlyCostUsd)).toBe(true);
      }),
    );
  });

  it("never runs the GPUs above their capacity at peak", () => {
    fc.assert(
      fc.property(volume, (v) => {
        expect(plan({ requestsPerMonth: v }).peakUtilization.lessThanOrEqualTo(dec(1))).toBe(true);
      }),
    );
  });
});

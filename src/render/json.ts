import { z } from "zod";
import { type Advice, type OptionCost, VERDICTS } from "../domain/advice.js";
import type { CostBreakdown, LineItem } from "../domain/calc/line-items.js";
import { toJsonNumber } from "../domain/money.js";

/**
 * The JSON contract every surface renders from (documented in the README). Money is a number of
 * US dollars with up to six decimals; volumes are numbers; dates are YYYY-MM-DD. Adding a field is
 * compatible; renaming or removing one bumps `schemaVersion`.
 */
export const SCHEMA_VERSION = 1;

export const LineItemJsonSchema = z.object({
  code: z.string(),
  label: z.string(),
  quantity: z.number(),
  unit: z.string(),
  unitPriceUsd: z.number(),
  costUsd: z.number(),
  source: z.string(),
  flag: z.string().optional(),
  note: z.string().optional(),
});

export const IssueJsonSchema = z.object({
  code: z.string(),
  message: z.string(),
  subject: z.string().optional(),
  suggestions: z.array(z.string()).optional(),
});

/** What the question's words were read as, and what could not be used (src/understanding's result). */
export const UnderstandingJsonSchema = z.object({
  understood: z.array(
    z.object({
      field: z.string(),
      value: z.union([
        z.string(),
        z.number(),
        z.boolean(),
        z.array(z.string()),
        z.object({ gpuType: z.string(), count: z.number() }),
      ]),
      text: z.string(),
      note: z.string().optional(),
    }),
  ),
  unused: z.array(z.string()),
});

const OptionJsonSchema = z.object({
  id: z.string(),
  verdict: z.enum(VERDICTS),
  model: z.string(),
  modelId: z.string(),
  deployment: z.string(),
  monthlyCostUsd: z.number(),
  priced: z.boolean(),
  tco: z.object({
    horizonMonths: z.number(),
    totalUsd: z.number(),
    perMonthUsd: z.number(),
    lineItems: z.array(LineItemJsonSchema),
  }),
  openness: z.string(),
  license: z.string().nullable(),
  capacity: z
    .object({
      instanceId: z.string(),
      instances: z.number(),
      replicas: z.number(),
      gpuType: z.string(),
      gpusPerReplica: z.number(),
      precision: z.string(),
      weightsGb: z.number(),
      averageTokensPerSecond: z.number(),
      peakTokensPerSecond: z.number(),
      replicaTokensPerSecond: z.number(),
      peakUtilization: z.number(),
      throughputSource: z.string(),
    })
    .nullable(),
  selfHostedShare: z.number().nullable(),
  notes: z.array(z.string()),
  lineItems: z.array(LineItemJsonSchema),
});

export const AdviceJsonSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  kind: z.literal("advice"),
  verdict: z.enum(VERDICTS),
  options: z.array(OptionJsonSchema),
  excludedOptions: z.array(
    z.object({
      id: z.string(),
      model: z.string(),
      deployment: z.string(),
      monthlyCostUsd: z.number(),
      priced: z.boolean(),
      excludedBy: z.string(),
    }),
  ),
  breakEven: z.object({
    requestsPerMonth: z.number().nullable(),
    exactRequestsPerMonth: z.number().nullable(),
    monthlyCostUsd: z.number().nullable(),
    apiOptionId: z.string().nullable(),
    selfHostedOptionId: z.string().nullable(),
    /** Each side's cost at the reported (whole) requestsPerMonth. */
    apiMonthlyCostUsd: z.number().nullable().default(null),
    selfHostedMonthlyCostUsd: z.number().nullable().default(null),
    /** Only when true may an answer say the two cost "the same either way". */
    costsAgreeWithinCent: z.boolean().default(false),
    /** Why the distance to the break-even is not given (a zero volume), else null. */
    note: z.string().nullable().default(null),
    currentRequestsPerMonth: z.number(),
    /** The self-hosted deployment sized for the break-even volume, e.g. "vLLM on 1 × g6e.xlarge …". */
    selfHostedDeployment: z.string().nullable().default(null),
    reason: z.string().nullable(),
    /** Monthly cost of both sides over a range of volumes, for the break-even chart. */
    curve: z.array(z.object({ requestsPerMonth: z.number(), apiUsd: z.number(), selfHostedUsd: z.number() })),
  }),
  reasons: z.array(
    z.object({
      rule: z.string(),
      factor: z.string(),
      effect: z.string(),
      rationale: z.string(),
      source: z.string(),
      evidence: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    }),
  ),
  conflicts: z.array(
    z.object({ rules: z.array(z.string()), summary: z.string(), resolution: z.string(), winner: z.string() }),
  ),
  assumptions: z.array(
    z.object({
      field: z.string(),
      value: z.union([z.string(), z.number(), z.boolean()]),
      reason: z.string(),
      source: z.string(),
    }),
  ),
  discrepancies: z.array(
    z.object({ id: z.string(), claim: z.string(), computed: z.string(), source: z.string() }),
  ),
  migrationPlan: z
    .object({
      id: z.string(),
      title: z.string(),
      source: z.string(),
      phases: z.array(z.object({ name: z.string(), steps: z.array(z.string()) })),
    })
    .nullable(),
  deprecations: z.array(
    z.object({
      model: z.string(),
      deprecatedOn: z.string().nullable(),
      retiresOn: z.string().nullable(),
      daysToRetirement: z.number().nullable(),
      replacement: z.string().nullable(),
      source: z.string(),
    }),
  ),
  issues: z.array(IssueJsonSchema),
  profile: z.record(z.string(), z.unknown()),
  today: z.string(),
  pricesAsOf: z.string(),
  /** The short answer read first: who phrased it ("template", "openai", "ollama") and how it went. */
  summary: z
    .object({ text: z.string(), provider: z.string(), model: z.string(), outcome: z.string() })
    .optional(),
  /** The question's reading, on answers to a question in words (the CLI's and the chat surfaces'). */
  understanding: UnderstandingJsonSchema.optional(),
});
export type AdviceJson = z.infer<typeof AdviceJsonSchema>;

export const lineItemJson = (l: LineItem): z.infer<typeof LineItemJsonSchema> => ({
  code: l.code,
  label: l.label,
  quantity: toJsonNumber(l.quantity),
  unit: l.unit,
  unitPriceUsd: toJsonNumber(l.unitPriceUsd, 9),
  costUsd: toJsonNumber(l.costUsd),
  source: l.source,
  ...(l.flag ? { flag: l.flag } : {}),
  ...(l.note ? { note: l.note } : {}),
});

export const breakdownJson = (b: CostBreakdown) => ({
  monthlyCostUsd: toJsonNumber(b.monthlyCostUsd),
  lineItems: b.lineItems.map(lineItemJson),
  issues: b.issues,
});

function optionJson(o: OptionCost, horizonMonths: number): z.infer<typeof OptionJsonSchema> {
  const c = o.capacity;
  return {
    id: o.id,
    verdict: o.verdict,
    model: o.model,
    modelId: o.modelId,
    deployment: o.deployment,
    monthlyCostUsd: toJsonNumber(o.monthly.monthlyCostUsd),
    priced: !o.monthly.lineItems.some((l) => l.flag === "price-not-found"),
    tco: {
      horizonMonths,
      totalUsd: toJsonNumber(o.tco.totalUsd),
      perMonthUsd: toJsonNumber(o.tco.perMonthUsd),
      lineItems: o.tco.breakdown.lineItems.map(lineItemJson),
    },
    openness: o.openness,
    license: o.license,
    capacity: c
      ? {
          instanceId: c.instanceId,
          instances: c.instances,
          replicas: c.replicas,
          gpuType: c.gpuType,
          gpusPerReplica: c.gpusPerReplica,
          precision: c.precision,
          weightsGb: c.weightsGb,
          averageTokensPerSecond: toJsonNumber(c.averageTokensPerSecond, 3),
          peakTokensPerSecond: toJsonNumber(c.peakTokensPerSecond, 3),
          replicaTokensPerSecond: c.replicaTokensPerSecond,
          peakUtilization: toJsonNumber(c.peakUtilization, 4),
          throughputSource: c.throughputSource,
        }
      : null,
    selfHostedShare: o.selfHostedShare,
    notes: o.notes,
    lineItems: o.monthly.lineItems.map(lineItemJson),
  };
}

/** A figure or null; tested against null, not for truth, so that a zero stays a zero. */
function orNull(d: Parameters<typeof toJsonNumber>[0] | null | undefined, places?: number): number | null {
  return d === null || d === undefined ? null : toJsonNumber(d, places);
}

/** Advice → the stable JSON contract. */
export function adviceJson(a: Advice): AdviceJson {
  const be = a.breakEven;
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: "advice",
    verdict: a.verdict,
    options: a.options.map((o) => optionJson(o, a.profile.horizonMonths)),
    excludedOptions: a.excluded.map((e) => ({
      id: e.option.id,
      model: e.option.model,
      deployment: e.option.deployment,
      monthlyCostUsd: toJsonNumber(e.option.monthly.monthlyCostUsd),
      priced: !e.option.monthly.lineItems.some((l) => l.flag === "price-not-found"),
      excludedBy: e.excludedBy,
    })),
    breakEven: {
      requestsPerMonth: be?.requestsPerMonth ?? null,
      exactRequestsPerMonth: orNull(be?.exactRequestsPerMonth, 3),
      monthlyCostUsd: orNull(be?.monthlyCostUsd),
      apiMonthlyCostUsd: orNull(be?.apiMonthlyCostUsd),
      selfHostedMonthlyCostUsd: orNull(be?.selfHostedMonthlyCostUsd),
      costsAgreeWithinCent: be?.costsAgreeWithinCent ?? false,
      note: be?.note ?? null,
      apiOptionId: be?.apiOptionId ?? null,
      selfHostedOptionId: be?.selfHostedOptionId ?? null,
      currentRequestsPerMonth: a.profile.requestsPerMonth,
      selfHostedDeployment: be?.selfHostedDeployment ?? null,
      reason: be
        ? be.reason
        : "no self-hosted option could be sized for this workload, so there is no break-even",
      curve: (be?.curve ?? []).map((p) => ({
        requestsPerMonth: p.requestsPerMonth,
        apiUsd: toJsonNumber(p.apiUsd),
        selfHostedUsd: toJsonNumber(p.selfHostedUsd),
      })),
    },
    reasons: a.reasons,
    conflicts: a.conflicts,
    assumptions: a.assumptions,
    discrepancies: a.discrepancies,
    migrationPlan: a.migrationPlan,
    deprecations: a.deprecations,
    issues: a.issues,
    profile: { ...a.profile },
    today: a.today,
    pricesAsOf: a.pricesAsOf,
  };
}

import { z } from "zod";
import { CLOUDS, USE_CASES } from "../profile.js";

/**
 * Project catalog data: what the hosted-price package does not know. Every entry carries the
 * date its figure was read and where it was read (a URL, or a seed file name).
 */

const isoDate = z.iso.date({ error: "must be a date written YYYY-MM-DD" });
const source = z.string().trim().min(3, { error: "must name a source (a URL or a seed file)" });
const id = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9][a-z0-9._:/+-]*$/, { error: "must be lower-case letters, digits and . _ : / + -" });
const positive = z.number().finite().positive();
const nonNegative = z.number().finite().nonnegative();

export const Sourced = { asOf: isoDate, source };

export const PRECISIONS = ["fp16", "fp8", "int8", "int4"] as const;
export type Precision = (typeof PRECISIONS)[number];
/** Bytes per parameter for each weight precision. */
export const BYTES_PER_PARAMETER: Record<Precision, number> = { fp16: 2, fp8: 1, int8: 1, int4: 0.5 };

export const OPENNESS = ["open-source", "open-weights", "proprietary"] as const;
export type Openness = (typeof OPENNESS)[number];

/** A machine with GPUs: a cloud instance billed by the hour, a seed's monthly figure, or hardware bought outright. */
export const GpuInstanceSchema = z
  .object({
    id,
    name: z.string().min(1),
    cloud: z.enum(CLOUDS),
    /** ec2, sagemaker, azure-vm, gce, on-prem, or seed (a figure quoted by a seed document). */
    service: z.enum(["ec2", "sagemaker", "azure-vm", "gce", "on-prem", "seed"]),
    region: z.string().min(1).optional(),
    gpuType: z.string().min(1),
    gpuCount: z.number().int().min(1).max(64),
    gpuMemoryGb: positive,
    /** On-demand price per hour. */
    hourlyUsd: positive.optional(),
    /** A flat monthly figure, for seeds that quote one. */
    monthlyUsd: positive.optional(),
    /** Purchase price, for hardware on premises; amortized over the horizon. */
    purchaseUsd: positive.optional(),
    /** Power drawn under load, for the electricity line of on-premises hardware. */
    powerKw: positive.optional(),
    ...Sourced,
  })
  .strict()
  .refine((g) => [g.hourlyUsd, g.monthlyUsd, g.purchaseUsd].filter((v) => v !== undefined).length === 1, {
    error: "give exactly one of hourlyUsd, monthlyUsd or purchaseUsd",
  });
export type GpuInstance = z.infer<typeof GpuInstanceSchema>;

export const OpenWeightModelSchema = z
  .object({
    id,
    name: z.string().min(1),
    /** Other spellings a user might type ("llama3.1:8b", "Meta-Llama-3.1-8B-Instruct"). */
    aliases: z.array(z.string().min(1)).default([]),
    vendor: z.string().min(1),
    openness: z.enum(OPENNESS),
    /** Why this openness class, by 001's definitions (what was released). */
    opennessBasis: z.string().min(1),
    license: z.string().min(1),
    licenseUrl: z.url(),
    parametersB: positive,
    /** Parameters active per token, for mixture-of-experts models. */
    activeParametersB: positive.optional(),
    contextTokens: z.number().int().positive(),
    tasks: z.array(z.enum(USE_CASES)).min(1),
    /** 1 small (3-8B), 2 mid (MoE ~47B), 3 large (70B+): matched against the quality need. */
    qualityTier: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    /** The same weights sold per token by a managed service, for the private-cloud option. */
    managed: z
      .array(
        z.object({ cloud: z.enum(CLOUDS), providerId: z.string().min(1), model: z.string().min(1) }).strict(),
      )
      .default([]),
    ...Sourced,
  })
  .strict();
export type OpenWeightModel = z.infer<typeof OpenWeightModelSchema>;

/**
 * How a benchmark was run: an offline maximum (TensorRT-LLM's trtllm-bench, every request queued at
 * once), an online server under load (vLLM benchmark_serving), or one stream at batch size 1.
 */
export const THROUGHPUT_METHODS = ["offline-max-throughput", "online-serving", "single-stream"] as const;
export type ThroughputMethod = (typeof THROUGHPUT_METHODS)[number];

/** A public benchmark's sustained output throughput for one model on one GPU type. */
export const ThroughputSchema = z
  .object({
    id,
    model: id,
    gpuType: z.string().min(1),
    gpusPerReplica: z.number().int().min(1).max(64),
    precision: z.enum(PRECISIONS),
    /** Aggregate output tokens per second of one replica under batched load. */
    outputTokensPerSecond: positive,
    /** Engine, concurrency and prompt/output lengths of the benchmark. */
    conditions: z.string().min(1),
    /** Benchmarks run differently are not comparable; the option says which kind sized it. */
    method: z.enum(THROUGHPUT_METHODS).default("online-serving"),
    ...Sourced,
  })
  .strict();
export type Throughput = z.infer<typeof ThroughputSchema>;

export const VOICE_UNITS = [
  "telephony-minute",
  "stt-minute",
  "tts-million-characters",
  "sms-message",
] as const;
export type VoiceUnit = (typeof VOICE_UNITS)[number];

export const VoicePriceSchema = z
  .object({
    id,
    unit: z.enum(VOICE_UNITS),
    vendor: z.string().min(1),
    product: z.string().min(1),
    unitPriceUsd: positive,
    /** The entry the voice calculator uses for its unit when none is named. */
    default: z.boolean().default(false),
    ...Sourced,
  })
  .strict();
export type VoicePrice = z.infer<typeof VoicePriceSchema>;

export const EmbeddingModelSchema = z
  .object({
    id,
    name: z.string().min(1),
    kind: z.enum(["api", "local"]),
    dimensions: z.number().int().positive(),
    maxInputTokens: z.number().int().positive(),
    /** For API models: the provider whose price the catalog package has. */
    providerId: z.string().min(1).optional(),
    /** For local models. */
    parametersM: positive.optional(),
    license: z.string().min(1).optional(),
    /** For local models: sentences a second on one CPU core, from a public benchmark. */
    cpuSentencesPerSecond: positive.optional(),
    note: z.string().min(1),
    ...Sourced,
  })
  .strict();
export type EmbeddingModel = z.infer<typeof EmbeddingModelSchema>;

export const LifecycleSchema = z
  .object({
    id,
    /** The model name as the provider's API takes it (also matches dated snapshots by prefix when `prefix`). */
    model: z.string().min(1),
    provider: z.string().min(1),
    prefix: z.boolean().default(false),
    deprecatedOn: isoDate.optional(),
    retiresOn: isoDate.optional(),
    replacement: z.string().min(1).optional(),
    ...Sourced,
  })
  .strict()
  .refine((l) => l.deprecatedOn !== undefined || l.retiresOn !== undefined, {
    error: "give deprecatedOn or retiresOn",
  });
export type Lifecycle = z.infer<typeof LifecycleSchema>;

/** A hosted price the catalog package lacks or that a user overrides (USD per 1M tokens). */
export const HostedPriceSchema = z
  .object({
    id,
    providerId: z.string().min(1),
    model: z.string().min(1),
    aliases: z.array(z.string().min(1)).default([]),
    inputPerMTokUsd: nonNegative,
    cachedInputPerMTokUsd: nonNegative.optional(),
    outputPerMTokUsd: nonNegative,
    ...Sourced,
  })
  .strict();
export type HostedPrice = z.infer<typeof HostedPriceSchema>;

/** Discount factor a provider's batch API applies to its token prices. */
export const BatchDiscountSchema = z
  .object({ id, providerId: z.string().min(1), priceFactor: z.number().gt(0).lte(1), ...Sourced })
  .strict();
export type BatchDiscount = z.infer<typeof BatchDiscountSchema>;

/** A seed document's flat self-hosted estimate: infrastructure + amortized setup + operations, a month. */
export const FlatEstimateSchema = z
  .object({
    id,
    label: z.string().min(1),
    infrastructureUsd: z.tuple([nonNegative, nonNegative]),
    setupAmortizedUsd: z.tuple([nonNegative, nonNegative]),
    operationsUsd: z.tuple([nonNegative, nonNegative]),
    /** Other monthly lines the seed lists (electricity, maintenance), low and high. */
    otherUsd: z.tuple([nonNegative, nonNegative]).default([0, 0]),
    /** What the seed says this serves (model and hardware), for the discrepancy checks. */
    serves: z.string().min(1),
    ...Sourced,
  })
  .strict();
export type FlatEstimate = z.infer<typeof FlatEstimateSchema>;

/** A default the engine uses when the question does not say; reported back as an assumption. */
export const AssumptionDefaultSchema = z
  .object({ value: z.union([z.number(), z.string(), z.boolean()]), reason: z.string().min(1), source })
  .strict();
export type AssumptionDefault = z.infer<typeof AssumptionDefaultSchema>;

export const CandidateListSchema = z
  .object({
    useCase: z.enum(USE_CASES),
    api: z.array(z.string().min(1)).min(1),
    selfHosted: z.array(id),
    /** Hosted models on fast inference hardware, offered when latency is real-time (001's speed matrix). */
    realTimeApi: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type CandidateList = z.infer<typeof CandidateListSchema>;

/** A managed, per-token deployment inside the customer's own cloud account (the "private cloud" of 003's flowchart). */
export const PrivateCloudOfferingSchema = z
  .object({
    id,
    cloud: z.enum(CLOUDS),
    /** The catalog package's provider id whose prices apply. */
    providerId: z.string().min(1),
    label: z.string().min(1),
    /** The provider's model ids with the names people know them by. */
    models: z
      .array(
        z
          .object({
            model: z.string().min(1),
            name: z.string().min(1),
            tier: z.union([z.literal(1), z.literal(2), z.literal(3)]),
          })
          .strict(),
      )
      .min(1),
    /** Compliance programs the service is eligible for (HIPAA under a BAA, for example). */
    compliance: z.array(z.string().min(1)),
    ...Sourced,
  })
  .strict();
export type PrivateCloudOffering = z.infer<typeof PrivateCloudOfferingSchema>;

/** How capable a hosted model is, for matching a quality need: 1 small/cost-optimized, 2 mid, 3 frontier. */
export const ApiModelTierSchema = z
  .object({
    id,
    /** "provider:model" as the catalog resolves it, e.g. "openai:gpt-4o". */
    model: z.string().min(1),
    tier: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    /** What the vendor says about the model that puts it in this tier. */
    basis: z.string().min(1),
    ...Sourced,
  })
  .strict();
export type ApiModelTier = z.infer<typeof ApiModelTierSchema>;

/** The whole project data set; a CATALOG_FILE has the same shape with every part optional. */
export const ProjectDataSchema = z
  .object({
    gpuInstances: z.array(GpuInstanceSchema),
    openWeightModels: z.array(OpenWeightModelSchema),
    throughput: z.array(ThroughputSchema),
    voicePrices: z.array(VoicePriceSchema),
    embeddings: z.array(EmbeddingModelSchema),
    lifecycle: z.array(LifecycleSchema),
    hostedPrices: z.array(HostedPriceSchema),
    batchDiscounts: z.array(BatchDiscountSchema),
    flatEstimates: z.array(FlatEstimateSchema),
    candidates: z.array(CandidateListSchema),
    privateCloud: z.array(PrivateCloudOfferingSchema),
    apiModelTiers: z.array(ApiModelTierSchema),
    defaults: z.record(z.string(), AssumptionDefaultSchema),
  })
  .strict();
export type ProjectData = z.infer<typeof ProjectDataSchema>;

export const CatalogOverrideSchema = ProjectDataSchema.partial().strict();
export type CatalogOverride = z.infer<typeof CatalogOverrideSchema>;

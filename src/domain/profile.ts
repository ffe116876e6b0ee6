import { z } from "zod";

/** What a question can say. Every field is optional; `resolveProfile` fills the gaps and reports each default used. */

export const USE_CASES = [
  "chat",
  "classification",
  "summarization",
  "rag",
  "code",
  "voice",
  "embeddings",
  "vision",
  "batch",
] as const;
export type UseCase = (typeof USE_CASES)[number];

/** An empty list means "no special compliance needs". */
export const COMPLIANCE = ["gdpr", "hipaa", "sox", "government", "data-sovereignty", "air-gapped"] as const;
export type Compliance = (typeof COMPLIANCE)[number];

export const TEAMS = ["none", "small-devops", "ml-team"] as const;
export type Team = (typeof TEAMS)[number];

export const CUSTOMIZATIONS = ["none", "rag", "fine-tuning", "full-training"] as const;
export type Customization = (typeof CUSTOMIZATIONS)[number];

export const QUALITY_NEEDS = ["general", "domain-precision", "high-accuracy"] as const;
export type QualityNeed = (typeof QUALITY_NEEDS)[number];

export const LATENCY_NEEDS = ["real-time", "interactive", "batch"] as const;
export type LatencyNeed = (typeof LATENCY_NEEDS)[number];

export const CLOUDS = ["aws", "azure", "gcp", "on-prem"] as const;
export type Cloud = (typeof CLOUDS)[number];

/** Limits that keep the arithmetic meaningful; past them the input is almost certainly a typo. */
export const LIMITS = {
  requestsPerMonth: 100_000_000_000,
  requestsPerDay: 3_000_000_000,
  tokensPerRequest: 2_000_000,
  callsPerMonth: 1_000_000_000,
  minutesPerCall: 600,
  smsPerCall: 100,
  ttsCharactersPerCall: 1_000_000,
  moneyPerMonthUsd: 1_000_000_000,
  horizonMonths: 120,
  gpusOnHand: 100_000,
  modelName: 100,
  candidateModels: 10,
} as const;

const count = (maxValue: number, what: string) =>
  z
    .number({ error: `${what} must be a number` })
    .finite({ error: `${what} must be a finite number` })
    .nonnegative({ error: `${what} cannot be negative` })
    .max(maxValue, {
      error: `${what} above ${maxValue.toLocaleString("en-US")} is beyond what this tool models`,
    });

const wholeCount = (maxValue: number, what: string) =>
  count(maxValue, what).int({ error: `${what} must be a whole number` });

const modelName = z
  .string()
  .trim()
  .min(1, { error: "a model name cannot be empty" })
  .max(LIMITS.modelName, { error: `a model name is at most ${LIMITS.modelName} characters` });

export const GpusOnHandSchema = z
  .object({
    gpuType: z.string().trim().min(1).max(40),
    count: wholeCount(LIMITS.gpusOnHand, "GPUs on hand").min(1, { error: "GPUs on hand must be at least 1" }),
  })
  .strict();
export type GpusOnHand = z.infer<typeof GpusOnHandSchema>;

export const ProfileSchema = z
  .object({
    /** What the model is for. Default: chat (the conversational assistant of 000). */
    useCase: z.enum(USE_CASES).optional(),
    /** Requests (LLM calls) a month. Default: 100,000 (000's example). */
    requestsPerMonth: count(LIMITS.requestsPerMonth, "requests per month").optional(),
    /** Requests a day; converted with the catalog's days per month when no monthly figure is given. */
    requestsPerDay: count(LIMITS.requestsPerDay, "requests per day").optional(),
    /** Input tokens per request, cached ones included (as OpenAI's usage reports count them). Default 500. */
    inputTokensPerRequest: wholeCount(LIMITS.tokensPerRequest, "input tokens per request").optional(),
    /** How many of the input tokens are prompt-cache hits. Default 0. */
    cachedInputTokensPerRequest: wholeCount(
      LIMITS.tokensPerRequest,
      "cached input tokens per request",
    ).optional(),
    /** Output tokens per request. Default 200. */
    outputTokensPerRequest: wholeCount(LIMITS.tokensPerRequest, "output tokens per request").optional(),
    /** Voice: calls a month. */
    callsPerMonth: wholeCount(LIMITS.callsPerMonth, "calls per month").optional(),
    /** Voice: minutes per call. Default 3 (002's example). */
    minutesPerCall: count(LIMITS.minutesPerCall, "minutes per call").optional(),
    /** Voice: SMS sent per call. Default 1 (002's confirmation). */
    smsPerCall: count(LIMITS.smsPerCall, "SMS per call").optional(),
    /** Voice: characters spoken by text-to-speech per call. Default 0 (002 counts none). */
    ttsCharactersPerCall: wholeCount(LIMITS.ttsCharactersPerCall, "TTS characters per call").optional(),
    /** Data sensitivity and compliance; an empty list means none. */
    compliance: z.array(z.enum(COMPLIANCE)).max(COMPLIANCE.length).optional(),
    team: z.enum(TEAMS).optional(),
    customization: z.enum(CUSTOMIZATIONS).optional(),
    quality: z.enum(QUALITY_NEEDS).optional(),
    latency: z.enum(LATENCY_NEEDS).optional(),
    /** Pin model versions and avoid forced vendor migrations (004's lifecycle argument). */
    lifecycleControl: z.boolean().optional(),
    monthlyBudgetUsd: count(LIMITS.moneyPerMonthUsd, "monthly budget").optional(),
    monthlyRevenueUsd: count(LIMITS.moneyPerMonthUsd, "monthly revenue").optional(),
    cloud: z.enum(CLOUDS).optional(),
    gpusOnHand: GpusOnHandSchema.optional(),
    currentModel: modelName.optional(),
    candidateModels: z.array(modelName).max(LIMITS.candidateModels).optional(),
    /** Months over which setup is amortized and total cost of ownership is summed. Default 24. */
    horizonMonths: wholeCount(LIMITS.horizonMonths, "horizon in months")
      .min(1, { error: "the horizon must be at least 1 month" })
      .optional(),
    /** Share of traffic a hybrid sends to the self-hosted side, 0..1. Default: what one replica carries. */
    hybridSelfHostedShare: z.number().min(0).max(1).optional(),
    /** Peak traffic over average traffic, for sizing reserved GPUs. Default 3. */
    peakToAverageRatio: z.number().min(1).max(50).optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (
      p.cachedInputTokensPerRequest !== undefined &&
      p.inputTokensPerRequest !== undefined &&
      p.cachedInputTokensPerRequest > p.inputTokensPerRequest
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["cachedInputTokensPerRequest"],
        message: `cached input tokens (${p.cachedInputTokensPerRequest}) cannot exceed input tokens (${p.inputTokensPerRequest}): input tokens include the cached ones`,
      });
    }
    if (p.inputTokensPerRequest === 0 && p.outputTokensPerRequest === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["inputTokensPerRequest"],
        message:
          "zero input and zero output tokens per request: such a request costs nothing; give the tokens",
      });
    }
  });

export type Profile = z.infer<typeof ProfileSchema>;
export type ProfileField = keyof Profile;

import { z } from "zod";
import { IssueJsonSchema, LineItemJsonSchema, SCHEMA_VERSION } from "./json.js";

/**
 * The JSON documents of `llm-advise cost`, `voice`, `breakeven` and a concept answer: the same
 * contract rules as the Advice's (json.ts), each with its schema so that tests hold the real
 * output to it.
 */

const TokensJsonSchema = z.object({
  inputTokensPerRequest: z.number(),
  cachedInputTokensPerRequest: z.number(),
  outputTokensPerRequest: z.number(),
});

export const CostJsonSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  kind: z.literal("cost"),
  model: z.string(),
  inputs: TokensJsonSchema.extend({
    requestsPerMonth: z.number().optional(),
    requestsPerDay: z.number().optional(),
    batch: z.boolean(),
  }),
  /** A month's bill; its line items add up to it. */
  monthlyCostUsd: z.number(),
  lineItems: z.array(LineItemJsonSchema),
  issues: z.array(IssueJsonSchema),
  /** With --requests-per-day: one day's bill. */
  daily: z.object({ costUsd: z.number(), lineItems: z.array(LineItemJsonSchema) }).optional(),
  /** With --requests-per-day: 003's daily, monthly and yearly figures. */
  period: z
    .object({
      dailyUsd: z.number(),
      monthlyUsd: z.number(),
      yearlyUsd: z.number(),
      daysPerMonth: z.number(),
      daysPerYear: z.number(),
    })
    .optional(),
  pricesAsOf: z.string(),
});
export type CostJson = z.infer<typeof CostJsonSchema>;

export const VoiceJsonSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  kind: z.literal("voice"),
  inputs: TokensJsonSchema.extend({
    callsPerMonth: z.number(),
    minutesPerCall: z.number(),
    smsPerCall: z.number(),
    ttsCharactersPerCall: z.number(),
    nluModel: z.string(),
    prices: z.enum(["current", "seed-002"]),
  }),
  monthlyCostUsd: z.number(),
  lineItems: z.array(LineItemJsonSchema),
  issues: z.array(IssueJsonSchema),
  /** Such as the NLU model's retirement date. */
  warnings: z.array(z.string()),
  pricesAsOf: z.string(),
});
export type VoiceJson = z.infer<typeof VoiceJsonSchema>;

export const BreakevenJsonSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  kind: z.literal("breakeven"),
  api: z.object({
    model: z.string(),
    perRequestUsd: z.number(),
    /** At --requests; null without it. */
    monthlyCostUsd: z.number().nullable(),
  }),
  selfHosted: z.object({ description: z.string(), monthlyCostUsd: z.number().nullable() }),
  /** --requests, or null when none was given. */
  requestsPerMonth: z.number().nullable(),
  recommendation: z.enum(["Self-host", "Use API"]).nullable(),
  savingsUsd: z.number().nullable(),
  breakEven: z.object({
    requestsPerMonth: z.number().nullable(),
    exactRequestsPerMonth: z.number().nullable(),
    /** Self-hosted cost at the exact break-even. */
    monthlyCostUsd: z.number().nullable(),
    /** Each side's cost at the reported whole requestsPerMonth. */
    apiMonthlyCostUsd: z.number().nullable(),
    selfHostedMonthlyCostUsd: z.number().nullable(),
    reason: z.string().nullable(),
  }),
  curve: z.array(z.object({ requestsPerMonth: z.number(), apiUsd: z.number(), selfHostedUsd: z.number() })),
  pricesAsOf: z.string(),
});
export type BreakevenJson = z.infer<typeof BreakevenJsonSchema>;

export const ConceptJsonSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  kind: z.literal("concept"),
  id: z.string(),
  title: z.string(),
  answer: z.string(),
  points: z.array(z.string()).optional(),
  /** Seed files the answer is drawn from. */
  sources: z.array(z.string()),
  /** The section quoted from each seed file, by file. */
  sections: z.record(z.string(), z.string()).optional(),
  /** Pages stating the public facts the answer adds to the seeds. */
  publicSources: z.array(z.string()).optional(),
});
export type ConceptJson = z.infer<typeof ConceptJsonSchema>;

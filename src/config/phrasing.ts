import { z } from "zod";
import type { PhrasingSettings } from "../phrasing/create.js";
import { type LlmProviderName, PROVIDER_NAMES, type ProviderName } from "../phrasing/types.js";
import { blankAsUnset, type ConfigResult, type Env, problemsOf } from "./env.js";

export const DEFAULT_OPENAI_MODEL = "gpt-4o-mini";
export const DEFAULT_OLLAMA_HOST = "http://127.0.0.1:11434";
export const DEFAULT_OLLAMA_MODEL = "llama3.2:3b";

const providerList = `one of ${PROVIDER_NAMES.join(", ")}`;

const httpUrl = (what: string) =>
  z
    .string()
    .trim()
    .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), {
      error: `must be an http(s) URL for ${what}, such as ${what === "Ollama" ? DEFAULT_OLLAMA_HOST : "https://api.openai.com/v1"}`,
    });

const int = (min: number, max: number, fallback: number) =>
  z.coerce
    .number({ error: `must be a whole number from ${min} to ${max}` })
    .int({ error: `must be a whole number from ${min} to ${max}` })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` })
    .default(fallback);

/** Validation messages never repeat a value: a key pasted into the wrong variable must not reach a log. */
export const PhrasingEnvSchema = z.object({
  LLM_PROVIDER: z.enum(PROVIDER_NAMES, { error: `must be ${providerList}` }).optional(),
  LLM_FALLBACK: z
    .string()
    .transform((v) => v.split(",").map((p) => p.trim().toLowerCase()))
    .pipe(
      z.array(z.enum(PROVIDER_NAMES, { error: `must list providers (${providerList}), comma-separated` })),
    )
    .optional(),
  OPENAI_API_KEY: z
    .string()
    .trim()
    .refine((v) => !/\s/.test(v), { error: "must be one token without spaces (a stray newline or quote?)" })
    .optional(),
  OPENAI_BASE_URL: httpUrl("an OpenAI-compatible API").optional(),
  OPENAI_MODEL: z
    .string()
    .trim()
    .max(200, { error: "is too long for a model name" })
    .default(DEFAULT_OPENAI_MODEL),
  // Ollama's own convention allows "127.0.0.1:11434" without a scheme.
  OLLAMA_HOST: z
    .string()
    .trim()
    .transform((v) => (v.includes("://") ? v : `http://${v}`))
    .pipe(httpUrl("Ollama"))
    .default(DEFAULT_OLLAMA_HOST),
  OLLAMA_MODEL: z
    .string()
    .trim()
    .max(200, { error: "is too long for a model name" })
    .default(DEFAULT_OLLAMA_MODEL),
  PHRASING_BUDGET_MS: int(100, 60_000, 6000),
  PHRASING_CACHE_SIZE: int(0, 100_000, 1000),
  LLM_BREAKER_FAILURES: int(1, 100, 3),
  LLM_BREAKER_COOLDOWN_MS: int(1000, 3_600_000, 30_000),
  LLM_EXTRACTION: z.enum(["on", "off"], { error: "must be on or off" }).default("on"),
});

export interface PhrasingConfig extends PhrasingSettings {
  /** Providers named in the chain but left out, and why (logged at startup; the template covers). */
  skipped: Array<{ provider: LlmProviderName; reason: string }>;
}

/** The order tried: LLM_PROVIDER, then LLM_FALLBACK's, each once, up to the template (which always answers last). */
function order(primary: ProviderName | undefined, fallback: ProviderName[] | undefined): ProviderName[] {
  const all = [...(primary ? [primary] : fallback ? [] : ["template" as const]), ...(fallback ?? [])];
  const unique = [...new Set(all)];
  const t = unique.indexOf("template");
  return t === -1 ? unique : unique.slice(0, t);
}

export function loadPhrasingConfig(env: Env): ConfigResult<PhrasingConfig> {
  const parsed = PhrasingEnvSchema.safeParse(blankAsUnset(env));
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error) };
  const e = parsed.data;
  if (e.LLM_PROVIDER === "template" && e.LLM_FALLBACK?.some((p) => p !== "template"))
    return {
      ok: false,
      problems: ["LLM_FALLBACK: LLM_PROVIDER=template answers every question, so no fallback is ever tried"],
    };
  const skipped: PhrasingConfig["skipped"] = [];
  const chain = order(e.LLM_PROVIDER, e.LLM_FALLBACK).filter((p): p is LlmProviderName => {
    if (p === "openai" && !e.OPENAI_API_KEY && !e.OPENAI_BASE_URL) {
      skipped.push({
        provider: p,
        reason: "set OPENAI_API_KEY (from platform.openai.com) or OPENAI_BASE_URL",
      });
      return false;
    }
    return p !== "template";
  });
  return {
    ok: true,
    value: {
      chain,
      skipped,
      openai: { apiKey: e.OPENAI_API_KEY ?? null, baseUrl: e.OPENAI_BASE_URL ?? null, model: e.OPENAI_MODEL },
      ollama: { host: e.OLLAMA_HOST, model: e.OLLAMA_MODEL },
      budgetMs: e.PHRASING_BUDGET_MS,
      cacheSize: e.PHRASING_CACHE_SIZE,
      breaker: { failureThreshold: e.LLM_BREAKER_FAILURES, cooldownMs: e.LLM_BREAKER_COOLDOWN_MS },
      extraction: e.LLM_EXTRACTION === "on",
    },
  };
}

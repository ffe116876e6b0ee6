import { z } from "zod";
import { blankAsUnset, type ConfigResult, type Env, problemsOf } from "./env.js";

export const DEFAULT_OPENAI_ADMIN_BASE_URL = "https://api.openai.com/v1";

const ADMIN_KEYS = "https://platform.openai.com/settings/organization/admin-keys";

/**
 * The shortest digest lease: four times the 30 s post timeout of the Slack and Teams posters. The
 * lease is renewed right before each post, so it must cover one post, not the whole delivery.
 */
export const MIN_LEASE_MS = 120_000;

const int = (variable: string, min: number, max: number, fallback: number) =>
  z.coerce
    .number({ error: `${variable}: must be a whole number from ${min} to ${max}` })
    .int({ error: `${variable}: must be a whole number from ${min} to ${max}` })
    .min(min, { error: `${variable}: must be at least ${min}` })
    .max(max, { error: `${variable}: must be at most ${max}` })
    .default(fallback);

/** Validation messages never repeat a value: a key pasted into the wrong variable must not reach a log. */
export const DigestEnvSchema = z.object({
  DIGEST_SCHEDULER: z.enum(["on", "off"], { error: "DIGEST_SCHEDULER: must be on or off" }).default("on"),
  DIGEST_TICK_MS: int("DIGEST_TICK_MS", 1000, 3_600_000, 60_000),
  DIGEST_LEASE_MS: z.coerce
    .number({ error: "DIGEST_LEASE_MS: must be a whole number of milliseconds" })
    .int({ error: "DIGEST_LEASE_MS: must be a whole number of milliseconds" })
    .min(MIN_LEASE_MS, {
      error: `DIGEST_LEASE_MS: must be at least ${MIN_LEASE_MS} (2 minutes): a lease must outlast a digest post (30 s timeout) by a wide margin, or a slow process and the one taking over from it can both post`,
    })
    .max(3_600_000, { error: "DIGEST_LEASE_MS: must be at most 3600000 (an hour)" })
    .default(5 * 60_000),
  DIGEST_CONCURRENCY: int("DIGEST_CONCURRENCY", 1, 64, 4),
  DIGEST_DEFAULT_TIMEZONE: z
    .string()
    .trim()
    .refine((v) => v === "UTC" || Intl.supportedValuesOf("timeZone").includes(v), {
      error: "DIGEST_DEFAULT_TIMEZONE: must be an IANA time zone such as Europe/Berlin or UTC",
    })
    .default("UTC"),
  OPENAI_ADMIN_KEY: z
    .string()
    .trim()
    .refine((v) => !/\s/.test(v), {
      error: `OPENAI_ADMIN_KEY: must be one token without spaces (a stray newline or quote?); create an admin key at ${ADMIN_KEYS}`,
    })
    .optional(),
  OPENAI_ADMIN_BASE_URL: z
    .string()
    .trim()
    .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), {
      error: `OPENAI_ADMIN_BASE_URL: must be an http(s) URL such as ${DEFAULT_OPENAI_ADMIN_BASE_URL} (unset in production)`,
    })
    .default(DEFAULT_OPENAI_ADMIN_BASE_URL),
  OPENAI_COSTS_PROJECT_IDS: z
    .string()
    .transform((v) =>
      v
        .split(",")
        .map((p) => p.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, {
          error: "OPENAI_COSTS_PROJECT_IDS: must list OpenAI project ids (proj_…), comma-separated",
        }),
      ),
    )
    .optional(),
});

export interface DigestConfig {
  /** Whether this process runs the scheduler (off on replicas that should only serve chat). */
  scheduler: boolean;
  tickMs: number;
  /** How long a claimed delivery belongs to its claimer before another replica may take it over. */
  leaseMs: number;
  concurrency: number;
  defaultTimezone: string;
  /** OpenAI's organization costs API, for actual spend beside the projection; null when no admin key. */
  openAiCosts: { adminKey: string; baseUrl: string; projectIds: string[] } | null;
}

/**
 * Digest scheduling and the optional actual-spend section. OPENAI_ADMIN_KEY is an organization
 * admin key (not a project API key); OPENAI_ADMIN_BASE_URL points the costs client elsewhere (tests).
 */
export function loadDigestConfig(env: Env): ConfigResult<DigestConfig> {
  const parsed = DigestEnvSchema.safeParse(blankAsUnset(env));
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error) };
  const e = parsed.data;
  return {
    ok: true,
    value: {
      scheduler: e.DIGEST_SCHEDULER === "on",
      tickMs: e.DIGEST_TICK_MS,
      leaseMs: e.DIGEST_LEASE_MS,
      concurrency: e.DIGEST_CONCURRENCY,
      defaultTimezone: e.DIGEST_DEFAULT_TIMEZONE,
      openAiCosts: e.OPENAI_ADMIN_KEY
        ? {
            adminKey: e.OPENAI_ADMIN_KEY,
            baseUrl: e.OPENAI_ADMIN_BASE_URL,
            projectIds: e.OPENAI_COSTS_PROJECT_IDS ?? [],
          }
        : null,
    },
  };
}

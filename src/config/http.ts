import { z } from "zod";
import { blankAsUnset, type ConfigResult, type Env, problemsOf } from "./env.js";
import type { TeamsConfig } from "./teams.js";

const port = (variable: string, example: number) =>
  z.coerce
    .number({ error: `${variable}: must be a port number such as ${example}` })
    .int({ error: `${variable}: must be a whole number` })
    .min(0, { error: `${variable}: must be between 0 and 65535` })
    .max(65535, { error: `${variable}: must be between 0 and 65535` });

/** Docker stops a container with SIGKILL 10 s after SIGTERM: the grace plus the 2 s forced-exit margin fits. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 8000;

export const HttpEnvSchema = z.object({
  PORT: port("PORT", 3978).default(3978),
  // Unset: every interface, except for unauthenticated Teams (see listenHost).
  HOST: z.string().trim().min(1).optional(),
  METRICS_PORT: port("METRICS_PORT", 9464).optional(),
  SHUTDOWN_GRACE_MS: z.coerce
    .number({ error: "SHUTDOWN_GRACE_MS: must be a number of milliseconds" })
    .int({ error: "SHUTDOWN_GRACE_MS: must be a whole number of milliseconds" })
    .min(0, { error: "SHUTDOWN_GRACE_MS: cannot be negative" })
    .max(600_000, { error: "SHUTDOWN_GRACE_MS: at most 600000 (10 minutes)" })
    .default(DEFAULT_SHUTDOWN_GRACE_MS),
});

export interface HttpConfig {
  /** The one port for Slack's /slack/events, Teams' /api/messages, /healthz, /readyz (and /metrics without METRICS_PORT). */
  port: number;
  /** HOST as set; null when unset (listenHost decides). */
  host: string | null;
  /** When set, /metrics is served on this port only, so the public port does not expose it. */
  metricsPort: number | null;
  /** The bound for the whole shutdown after SIGTERM; the process exits at most 2 s after it. */
  shutdownGraceMs: number;
}

export function loadHttpConfig(env: Env): ConfigResult<HttpConfig> {
  const parsed = HttpEnvSchema.safeParse(blankAsUnset(env));
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error) };
  const e = parsed.data;
  if (e.METRICS_PORT !== undefined && e.METRICS_PORT !== 0 && e.METRICS_PORT === e.PORT)
    return {
      ok: false,
      problems: ["METRICS_PORT: must differ from PORT (unset it to serve /metrics on PORT)"],
    };
  return {
    ok: true,
    value: {
      port: e.PORT,
      host: e.HOST ?? null,
      metricsPort: e.METRICS_PORT ?? null,
      shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    },
  };
}

/**
 * The address to listen on: HOST when set; otherwise 127.0.0.1 when Teams runs without
 * credentials (anyone who reaches the port could drive the bot), else 0.0.0.0 (containers need it).
 */
export function listenHost(
  http: Pick<HttpConfig, "host">,
  teams: TeamsConfig,
): { host: string; loopbackBecause: string | null } {
  if (http.host !== null) return { host: http.host, loopbackBecause: null };
  if (teams.enabled && teams.credentials === null)
    return {
      host: "127.0.0.1",
      loopbackBecause: "Teams runs without credentials; set HOST=0.0.0.0 to accept other machines",
    };
  return { host: "0.0.0.0", loopbackBecause: null };
}

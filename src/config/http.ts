import { z } from "zod";
import { blankAsUnset, type ConfigResult, type Env, problemsOf } from "./env.js";

export const HttpEnvSchema = z.object({
  PORT: z.coerce
    .number({ error: "PORT: must be a port number such as 3978" })
    .int({ error: "PORT: must be a whole number" })
    .min(0, { error: "PORT: must be between 0 and 65535" })
    .max(65535, { error: "PORT: must be between 0 and 65535" })
    .default(3978),
  HOST: z.string().trim().min(1).default("0.0.0.0"),
  SHUTDOWN_GRACE_MS: z.coerce
    .number({ error: "SHUTDOWN_GRACE_MS: must be a number of milliseconds" })
    .int()
    .min(0, { error: "SHUTDOWN_GRACE_MS: cannot be negative" })
    .max(600_000, { error: "SHUTDOWN_GRACE_MS: at most 600000 (10 minutes)" })
    .default(10_000),
});

export interface HttpConfig {
  /** The one port for Slack's /slack/events, Teams' /api/messages, /healthz, /readyz and /metrics. */
  port: number;
  host: string;
  /** How long answers in flight may take to finish after SIGTERM. */
  shutdownGraceMs: number;
}

export function loadHttpConfig(env: Env): ConfigResult<HttpConfig> {
  const parsed = HttpEnvSchema.safeParse(blankAsUnset(env));
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error) };
  return {
    ok: true,
    value: { port: parsed.data.PORT, host: parsed.data.HOST, shutdownGraceMs: parsed.data.SHUTDOWN_GRACE_MS },
  };
}

import { z } from "zod";
import { LOG_LEVELS, type LogLevel } from "../logging.js";
import { blankAsUnset, type ConfigResult, type Env, problemsOf } from "./env.js";

export const LoggingEnvSchema = z.object({
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `LOG_LEVEL: must be one of ${LOG_LEVELS.join(", ")}` }).optional(),
});

export interface LoggingConfig {
  /** Null when unset: each mode picks its own default (info for servers, warn for the console). */
  level: LogLevel | null;
}

export function loadLoggingConfig(env: Env): ConfigResult<LoggingConfig> {
  const parsed = LoggingEnvSchema.safeParse(blankAsUnset(env));
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error) };
  return { ok: true, value: { level: parsed.data.LOG_LEVEL ?? null } };
}

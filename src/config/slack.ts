import { z } from "zod";
import { blankAsUnset, type ConfigResult, type Env, problemsOf } from "./env.js";

const APPS = "https://api.slack.com/apps";

/** Where each value comes from, repeated in every problem so one line is enough to fix it. */
export const SLACK_VARIABLE_SOURCES = {
  SLACK_BOT_TOKEN: `the Bot User OAuth Token (xoxb-…) from your app's "OAuth & Permissions" page at ${APPS}, after installing the app`,
  SLACK_APP_TOKEN: `an app-level token (xapp-…) with the connections:write scope, from "Basic Information" → "App-Level Tokens" at ${APPS}`,
  SLACK_SIGNING_SECRET: `the Signing Secret from "Basic Information" → "App Credentials" at ${APPS}`,
} as const;

/** Validation messages never repeat a value: a token pasted into the wrong variable must not reach a log. */
const token = (variable: "SLACK_BOT_TOKEN" | "SLACK_APP_TOKEN", prefix: string) =>
  z
    .string()
    .trim()
    .refine((v) => !/\s/.test(v), {
      error: `must be one token without spaces (a stray newline or quote?); expected ${SLACK_VARIABLE_SOURCES[variable]}`,
    })
    .refine((v) => v.startsWith(prefix) && v.length > prefix.length + 8, {
      error: `must start with ${prefix}; expected ${SLACK_VARIABLE_SOURCES[variable]}`,
    });

export const SlackEnvSchema = z.object({
  SLACK_BOT_TOKEN: token("SLACK_BOT_TOKEN", "xoxb-").optional(),
  SLACK_APP_TOKEN: token("SLACK_APP_TOKEN", "xapp-").optional(),
  SLACK_SIGNING_SECRET: z
    .string()
    .trim()
    .refine((v) => /^[A-Za-z0-9]{16,128}$/.test(v), {
      error: `must be letters and digits only, as Slack shows it (usually 32 hex characters); expected ${SLACK_VARIABLE_SOURCES.SLACK_SIGNING_SECRET}`,
    })
    .optional(),
  SLACK_API_URL: z
    .string()
    .trim()
    .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), {
      error:
        "must be an http(s) URL of a Slack Web API, such as https://slack.com/api/ (unset in production)",
    })
    .optional(),
});

/** Socket Mode needs no public URL; HTTP mode receives /slack/events on the process's one PORT. */
export type SlackMode = "socket" | "http";

export interface SlackConfig {
  mode: SlackMode;
  botToken: string;
  /** Set in Socket Mode. */
  appToken: string | null;
  /** Set in HTTP mode, where every request's signature is checked with it. */
  signingSecret: string | null;
  /** The Web API base URL when not Slack's own (a test server); null for https://slack.com/api/. */
  apiUrl: string | null;
}

/**
 * The Slack surface's settings, or null when no SLACK_* variable is set (Slack is not wanted).
 * SLACK_APP_TOKEN set → Socket Mode; otherwise HTTP mode, which needs SLACK_SIGNING_SECRET.
 */
export function loadSlackConfig(env: Env): ConfigResult<SlackConfig | null> {
  const clean = blankAsUnset(env);
  const parsed = SlackEnvSchema.safeParse(clean);
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error) };
  const e = parsed.data;
  const wanted = Object.keys(SLACK_VARIABLE_SOURCES).some((k) => clean[k] !== undefined);
  if (!wanted) return { ok: true, value: null };
  const problems: string[] = [];
  if (!e.SLACK_BOT_TOKEN)
    problems.push(`SLACK_BOT_TOKEN: missing; set it to ${SLACK_VARIABLE_SOURCES.SLACK_BOT_TOKEN}`);
  if (!e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET)
    problems.push(
      `SLACK_SIGNING_SECRET: missing; HTTP mode (SLACK_APP_TOKEN unset) checks every request with ${SLACK_VARIABLE_SOURCES.SLACK_SIGNING_SECRET}. For Socket Mode set SLACK_APP_TOKEN instead`,
    );
  if (problems.length > 0 || !e.SLACK_BOT_TOKEN) return { ok: false, problems };
  return {
    ok: true,
    value: {
      mode: e.SLACK_APP_TOKEN ? "socket" : "http",
      botToken: e.SLACK_BOT_TOKEN,
      appToken: e.SLACK_APP_TOKEN ?? null,
      signingSecret: e.SLACK_SIGNING_SECRET ?? null,
      apiUrl: e.SLACK_API_URL ?? null,
    },
  };
}

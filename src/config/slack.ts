import { z } from "zod";
import { blankAsUnset, type ConfigResult, type Env, problemsOf } from "./env.js";

const APPS = "https://api.slack.com/apps";

/** Where each value comes from, repeated in every problem so one line is enough to fix it. */
export const SLACK_VARIABLE_SOURCES = {
  SLACK_BOT_TOKEN: `the Bot User OAuth Token (xoxb-…) from your app's "OAuth & Permissions" page at ${APPS}, after installing the app`,
  SLACK_APP_TOKEN: `an app-level token (xapp-…) with the connections:write scope, from "Basic Information" → "App-Level Tokens" at ${APPS}`,
  SLACK_SIGNING_SECRET: `the Signing Secret from "Basic Information" → "App Credentials" at ${APPS}`,
} as const;

/** What each kind of Slack token starts with, to say which one was pasted in the wrong place. */
const TOKEN_KINDS: ReadonlyArray<readonly [string, string]> = [
  ["xoxb-", "a bot token (it goes in SLACK_BOT_TOKEN)"],
  ["xapp-", "an app-level token (it goes in SLACK_APP_TOKEN)"],
  ["xoxp-", "a user token (the app needs its bot token)"],
  ["xoxe", "a token-rotation token (the app needs a token that does not expire)"],
];

/**
 * A token's shape: its prefix, then dash-separated parts (xoxb-<team>-<bot>-<secret>,
 * xapp-<n>-<app id>-<n>-<secret>), and how many characters a real one at least has.
 */
const TOKEN_SHAPES = {
  SLACK_BOT_TOKEN: {
    prefix: "xoxb-",
    parts: 3,
    minLength: 24,
    example: "xoxb-<digits>-<digits>-<letters and digits>",
  },
  SLACK_APP_TOKEN: { prefix: "xapp-", parts: 4, minLength: 24, example: "xapp-1-A<app id>-<digits>-<hex>" },
} as const;

/** What is wrong with a token's value, in words that never repeat it (a token must not reach a log). */
function tokenProblem(variable: keyof typeof TOKEN_SHAPES, value: string): string | null {
  const { prefix, parts, minLength, example } = TOKEN_SHAPES[variable];
  if (/\s/.test(value)) return "must be one token without spaces (a stray newline or quote?)";
  if (!value.startsWith(prefix)) {
    const other = TOKEN_KINDS.find(([p]) => p !== prefix && value.startsWith(p));
    return other ? `is ${other[1]}, not one starting with ${prefix}` : `must start with ${prefix}`;
  }
  if (value.length < minLength)
    return `is too short (${value.length} characters) to be a whole token; copy all of it, it looks like ${example}`;
  const rest = value.slice(prefix.length).split("-");
  if (rest.length < parts || rest.some((p) => !/^[A-Za-z0-9]+$/.test(p)))
    return `does not have a token's shape (${example}); copy it again from Slack`;
  return null;
}

const token = (variable: keyof typeof TOKEN_SHAPES) =>
  z
    .string()
    .trim()
    .superRefine((v, ctx) => {
      const problem = tokenProblem(variable, v);
      if (problem)
        ctx.addIssue({ code: "custom", message: `${problem}; expected ${SLACK_VARIABLE_SOURCES[variable]}` });
    });

export const SlackEnvSchema = z.object({
  SLACK_BOT_TOKEN: token("SLACK_BOT_TOKEN").optional(),
  SLACK_APP_TOKEN: token("SLACK_APP_TOKEN").optional(),
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

/** Any of these set means Slack is wanted; SLACK_API_URL alone too, so the missing ones get named. */
const SLACK_VARIABLES = [...Object.keys(SLACK_VARIABLE_SOURCES), "SLACK_API_URL"];

/**
 * The Slack surface's settings, or null when no SLACK_* variable is set (Slack is not wanted).
 * SLACK_APP_TOKEN set → Socket Mode; otherwise HTTP mode, which needs SLACK_SIGNING_SECRET. Every
 * problem is reported, malformed and missing values alike, one line each.
 */
export function loadSlackConfig(env: Env): ConfigResult<SlackConfig | null> {
  const clean = blankAsUnset(env);
  if (!SLACK_VARIABLES.some((k) => clean[k] !== undefined)) return { ok: true, value: null };
  const parsed = SlackEnvSchema.safeParse(clean);
  const problems = parsed.success ? [] : problemsOf(parsed.error);
  const has = (k: keyof typeof SLACK_VARIABLE_SOURCES) => clean[k] !== undefined;
  if (!has("SLACK_BOT_TOKEN"))
    problems.push(
      `SLACK_BOT_TOKEN: missing; set it to ${SLACK_VARIABLE_SOURCES.SLACK_BOT_TOKEN}${has("SLACK_APP_TOKEN") || has("SLACK_SIGNING_SECRET") ? "" : " (SLACK_API_URL alone does nothing)"}`,
    );
  if (!has("SLACK_APP_TOKEN") && !has("SLACK_SIGNING_SECRET"))
    problems.push(
      `SLACK_SIGNING_SECRET: missing; HTTP mode (SLACK_APP_TOKEN unset) checks every request with ${SLACK_VARIABLE_SOURCES.SLACK_SIGNING_SECRET}. For Socket Mode set SLACK_APP_TOKEN instead`,
    );
  const e = parsed.success ? parsed.data : null;
  if (problems.length > 0 || !e?.SLACK_BOT_TOKEN) return { ok: false, problems };
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

import { ErrorCode, WebClient, type WebClientOptions } from "@slack/web-api";
import { SLACK_VARIABLE_SOURCES, type SlackConfig } from "../../config/slack.js";
import type { Logger } from "../../logging.js";
import { boltLogger } from "./bolt-logger.js";
import { SlackStartupError, webApiErrorCode } from "./errors.js";

/** Slack's own Web API, when SLACK_API_URL does not name another. */
const SLACK_API = "https://slack.com/api/";

/** How long start-up waits for Slack: each attempt's timeout, and how many times it tries again. */
export interface StartupCheck {
  timeoutMs: number;
  retries: number;
}

/** One retry and ten seconds an attempt: an unreachable Slack fails start-up in about twenty seconds, not half an hour. */
export const DEFAULT_STARTUP_CHECK: StartupCheck = { timeoutMs: 10_000, retries: 1 };

/** Who the bot is, from auth.test: Bolt needs it to ignore its own messages, users to invite it. */
export interface BotIdentity {
  botUserId: string;
  botId: string;
}

/**
 * Checks SLACK_BOT_TOKEN with auth.test on a client of its own, with a bounded retry and timeout
 * (the app's client retries for half an hour, which suits answers but not start-up).
 * @see https://docs.slack.dev/reference/methods/auth.test
 */
export async function checkBotToken(
  config: Pick<SlackConfig, "botToken" | "apiUrl">,
  logger: Logger,
  check: StartupCheck = DEFAULT_STARTUP_CHECK,
  clientOptions: WebClientOptions = {},
): Promise<BotIdentity> {
  const client = new WebClient(config.botToken, {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    logger: boltLogger(logger),
    ...clientOptions,
    timeout: check.timeoutMs,
    retryConfig: { retries: check.retries, factor: 1, minTimeout: 500, maxTimeout: 500 },
  });
  let r: Awaited<ReturnType<WebClient["auth"]["test"]>>;
  try {
    r = await client.auth.test();
  } catch (error) {
    throw botTokenError(error, config.apiUrl, check);
  }
  if (!r.user_id || !r.bot_id)
    throw new SlackStartupError(
      `SLACK_BOT_TOKEN: the token is not a bot token (auth.test names no bot); set it to ${SLACK_VARIABLE_SOURCES.SLACK_BOT_TOKEN}`,
    );
  return { botUserId: r.user_id, botId: r.bot_id };
}

/** auth.test failed: a refused token names its variable; an unreachable Web API names where it looked. */
function botTokenError(error: unknown, apiUrl: string | null, check: StartupCheck): SlackStartupError {
  const e = error as { code?: string; statusCode?: number };
  const where = apiUrl ?? SLACK_API;
  const variable = apiUrl ? "SLACK_API_URL" : "SLACK_BOT_TOKEN";
  const hint = apiUrl
    ? "check the URL, or unset SLACK_API_URL to use https://slack.com/api/"
    : "check the network, proxy or firewall";
  switch (e?.code) {
    case ErrorCode.PlatformError:
      return new SlackStartupError(
        `SLACK_BOT_TOKEN: Slack refused the token (auth.test: ${webApiErrorCode(error)}); set it to ${SLACK_VARIABLE_SOURCES.SLACK_BOT_TOKEN}`,
        { cause: error },
      );
    case ErrorCode.HTTPError:
      return new SlackStartupError(
        `${variable}: ${where} answered auth.test with HTTP ${e.statusCode ?? "error"}, so it is not a Slack Web API; ${hint}`,
        { cause: error },
      );
    default:
      return new SlackStartupError(
        `${variable}: could not reach Slack at ${where} (${networkReason(error, check)}); ${hint}`,
        { cause: error },
      );
  }
}

/** "ECONNREFUSED", "no answer within 10 s": the network failure in a few words, without a stack. */
function networkReason(error: unknown, check: StartupCheck): string {
  const original = (error as { original?: { name?: string; message?: string; cause?: { code?: string } } })
    ?.original;
  const tries = `${check.retries + 1} ${check.retries === 0 ? "try" : "tries"}`;
  if (original?.name === "TimeoutError" || original?.name === "AbortError")
    return `no answer within ${check.timeoutMs / 1000} s, ${tries}`;
  const code = original?.cause?.code ?? original?.message ?? "request failed";
  return `${code}, ${tries}`;
}

/**
 * Socket Mode's connection failed (apps.connections.open): a refused SLACK_APP_TOKEN says where to
 * get a working one.
 * @see https://docs.slack.dev/apis/events-api/using-socket-mode
 */
export function appTokenError(error: unknown): SlackStartupError {
  const e = error as { code?: string };
  const where =
    "get one at api.slack.com/apps → Basic Information → App-Level Tokens, with the connections:write scope";
  if (e?.code === ErrorCode.PlatformError)
    return new SlackStartupError(
      `SLACK_APP_TOKEN: Slack refused the app-level token (apps.connections.open: ${webApiErrorCode(error)}); ${where}`,
      { cause: error },
    );
  const why = e?.code ? webApiErrorCode(error) : error instanceof Error ? error.message : String(error);
  return new SlackStartupError(
    `SLACK_APP_TOKEN: could not open a Socket Mode connection (${why.slice(0, 200)}); check the network, or ${where}`,
    { cause: error },
  );
}

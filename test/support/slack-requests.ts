import { createHmac } from "node:crypto";

/**
 * Requests as Slack sends them to /slack/events, signed the way Slack signs them:
 * `v0=` + HMAC-SHA256(signing secret, `v0:` + timestamp + `:` + raw body), with the timestamp in
 * X-Slack-Request-Timestamp. Computed here, independently of Bolt's verifier.
 * @see https://docs.slack.dev/authentication/verifying-requests-from-slack
 */
export const signature = (secret: string, timestamp: number, body: string): string =>
  `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;

export interface SendOptions {
  /** Unix seconds; default now. */
  timestamp?: number;
  /** Sign with another secret (a forged request). */
  signWith?: string;
  /** X-Slack-Retry-Num and X-Slack-Retry-Reason, as on a redelivery. */
  retryNum?: number;
}

export async function sendSigned(
  url: string,
  secret: string,
  body: string,
  contentType: "application/json" | "application/x-www-form-urlencoded",
  opts: SendOptions = {},
): Promise<Response> {
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(url, {
    method: "POST",
    headers: {
      "content-type": contentType,
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": signature(opts.signWith ?? secret, timestamp, body),
      ...(opts.retryNum !== undefined
        ? { "x-slack-retry-num": String(opts.retryNum), "x-slack-retry-reason": "http_timeout" }
        : {}),
    },
    body,
  });
}

export const TEAM = "T0TEAM";
export const APP_ID = "A0APP";

/** A slash command's form body. */
export function commandBody(f: {
  text: string;
  channel: string;
  user: string;
  responseUrl: string;
  triggerId?: string;
}): string {
  return new URLSearchParams({
    token: "verification-token-unused",
    team_id: TEAM,
    team_domain: "fake",
    channel_id: f.channel,
    channel_name: "general",
    user_id: f.user,
    user_name: "someone",
    command: "/llm-advise",
    text: f.text,
    api_app_id: APP_ID,
    response_url: f.responseUrl,
    trigger_id: f.triggerId ?? "trigger-1",
  }).toString();
}

/** An interaction (block_actions, view_submission): a form with one `payload` field of JSON. */
export const interactionBody = (payload: Record<string, unknown>): string =>
  new URLSearchParams({ payload: JSON.stringify(payload) }).toString();

/** A button click on a message in a channel. */
export function blockActionPayload(f: {
  user: string;
  channel: string;
  messageTs: string;
  threadTs?: string;
  actionId: string;
  value: string;
  responseUrl: string;
}): Record<string, unknown> {
  return {
    type: "block_actions",
    team: { id: TEAM, domain: "fake" },
    user: { id: f.user, username: "someone", team_id: TEAM },
    api_app_id: APP_ID,
    token: "unused",
    container: { type: "message", message_ts: f.messageTs, channel_id: f.channel, is_ephemeral: false },
    trigger_id: "trigger-2",
    channel: { id: f.channel, name: "general" },
    message: { type: "message", ts: f.messageTs, ...(f.threadTs ? { thread_ts: f.threadTs } : {}), text: "" },
    response_url: f.responseUrl,
    actions: [
      { type: "button", action_id: f.actionId, block_id: "answer.actions", value: f.value, action_ts: "1" },
    ],
  };
}

/** An Events API delivery. */
export function eventBody(event: Record<string, unknown>, eventId: string): string {
  return JSON.stringify({
    token: "unused",
    team_id: TEAM,
    api_app_id: APP_ID,
    event,
    type: "event_callback",
    event_id: eventId,
    event_time: 1_700_000_000,
    authorizations: [{ team_id: TEAM, user_id: "U0BOT", is_bot: true, is_enterprise_install: false }],
  });
}

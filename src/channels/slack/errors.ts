import { ErrorCode } from "@slack/web-api";

/** The Slack edge's failures (STYLE 17): a stable code, and words for the user apart from the technical message. */
export type SlackErrorCode = "slack-web-api" | "slack-internal" | "slack-startup";

export abstract class SlackEdgeError extends Error {
  abstract readonly code: SlackErrorCode;
  abstract readonly userMessage: string;
}

/** A Web API call that failed: Slack's own error code (`not_in_channel`), a rate limit, HTTP or network. */
export class SlackWebApiError extends SlackEdgeError {
  readonly code = "slack-web-api" as const;
  readonly userMessage = "Slack did not accept my reply. Please try again in a minute.";
  constructor(
    readonly method: string,
    /** Slack's error string for platform errors; `rate_limited`, `http_<status>` or `request_error` otherwise. */
    readonly apiError: string,
    options?: { cause?: unknown },
  ) {
    super(`Slack Web API ${method} failed: ${apiError}`, options);
    this.name = "SlackWebApiError";
  }
}

/** Anything else that went wrong while handling a Slack request: a bug or the store. */
export class SlackInternalError extends SlackEdgeError {
  readonly code = "slack-internal" as const;
  readonly userMessage = "Something went wrong on my side while answering. Please try again.";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SlackInternalError";
  }
}

/**
 * The surface could not start: a refused token or an unreachable Slack. `userMessage` is one line
 * naming the variable to fix, for main.ts to print as is (no stack, no secret).
 */
export class SlackStartupError extends SlackEdgeError {
  readonly code = "slack-startup" as const;
  constructor(
    readonly userMessage: string,
    options?: { cause?: unknown },
  ) {
    super(userMessage, options);
    this.name = "SlackStartupError";
  }
}

/** Slack's error string of a failed Web API call, in a few words a metric label can carry. */
export function webApiErrorCode(error: unknown): string {
  const e = error as { code?: string; data?: { error?: string }; statusCode?: number };
  switch (e?.code) {
    case ErrorCode.PlatformError:
      return e.data?.error ?? "unknown_error";
    case ErrorCode.RateLimitedError:
      return "rate_limited";
    case ErrorCode.HTTPError:
      return `http_${e.statusCode ?? "error"}`;
    case ErrorCode.RequestError:
      return "request_error";
    default:
      return "unknown_error";
  }
}

/** Every error as one of ours, so the error edge logs a code and tells the user something short. */
export function asSlackError(error: unknown): SlackEdgeError {
  if (error instanceof SlackEdgeError) return error;
  const cause = (error as { original?: unknown })?.original ?? error;
  if (cause instanceof SlackEdgeError) return cause;
  const message = error instanceof Error ? error.message : String(error);
  return new SlackInternalError(message, { cause: error });
}

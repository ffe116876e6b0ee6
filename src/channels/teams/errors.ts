/** The Teams surface's failures: a stable code, and one line a person may read (STYLE 17). */
export type TeamsErrorCode =
  /** The Bot Connector refused or failed a call (send, reply, update). */
  | "connector"
  /** A digest names a conversation the bot has no stored reference for (never installed there). */
  | "no-conversation-reference"
  /** Anything else: a bug or the infrastructure. */
  | "internal";

const USER_MESSAGES: Record<TeamsErrorCode, string> = {
  connector: "Teams did not accept my reply; please try again in a moment.",
  "no-conversation-reference": "I have not been added to that conversation, so I cannot post there.",
  internal: "Something went wrong on my side while answering; please try again.",
};

export class TeamsError extends Error {
  readonly code: TeamsErrorCode;
  /** What the user reads: one short line, no internals. */
  readonly userMessage: string;

  constructor(code: TeamsErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "TeamsError";
    this.code = code;
    this.userMessage = USER_MESSAGES[code];
  }
}

/** The HTTP status of a Bot Connector error, as the SDK's RestError carries it; null when there is none. */
export function connectorStatus(error: unknown): number | null {
  if (typeof error !== "object" || error === null) return null;
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === "number" ? status : null;
}

/** Any failure as a TeamsError: connector errors keep their HTTP status in the message, nothing else. */
export function asTeamsError(error: unknown): TeamsError {
  if (error instanceof TeamsError) return error;
  const status = connectorStatus(error);
  // No `cause`: the SDK's error holds the failed request, bearer token included, and would be logged.
  if (status !== null) return new TeamsError("connector", `Bot Connector answered HTTP ${status}`);
  return new TeamsError("internal", error instanceof Error ? error.message : "unknown failure", {
    cause: error,
  });
}

/**
 * What to log about a failure. A Bot Connector error carries the HTTP request it failed on, bearer
 * token included, so only its status is logged; other errors are logged whole.
 */
export function logFields(error: unknown): { code: TeamsErrorCode; status?: number; err?: unknown } {
  const e = asTeamsError(error);
  const status = connectorStatus(error);
  return e.code === "connector"
    ? { code: e.code, ...(status === null ? {} : { status }) }
    : { code: e.code, err: error };
}

import { formatWithOptions } from "node:util";
import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "../../logging.js";

const LEVELS: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
  fatal: LogLevel.ERROR,
  silent: LogLevel.ERROR,
};

/**
 * The SDKs' debug lines carry request, response and event bodies (what users typed) inside plain
 * strings, where redaction by field name cannot reach: keep what happened, drop the payload.
 */
export function withoutPayload(line: string): string {
  const cut = line.replace(/\((body|data): [\s\S]*\)$/, "($1 omitted)");
  const colon = cut.indexOf(": ");
  return colon === -1 ? cut : `${cut.slice(0, colon)}: (omitted)`;
}

/** Bolt's and the Web API client's log lines, into our pino logger (the SDKs redact tokens themselves). */
export function boltLogger(logger: Logger): BoltLogger {
  const log = logger.child({ component: "slack-sdk" });
  const text = (msg: unknown[]) =>
    formatWithOptions({ depth: 2, breakLength: Number.POSITIVE_INFINITY }, ...msg);
  let name = "bolt";
  return {
    debug: (...msg: unknown[]) => log.debug({ sdk: name }, withoutPayload(text(msg))),
    info: (...msg: unknown[]) => log.info({ sdk: name }, text(msg)),
    warn: (...msg: unknown[]) => log.warn({ sdk: name }, text(msg)),
    error: (...msg: unknown[]) => log.error({ sdk: name }, text(msg)),
    // Our logger's level decides; Bolt asks only to pass it on to the clients it creates.
    setLevel: () => undefined,
    getLevel: () => LEVELS[logger.level] ?? LogLevel.INFO,
    setName: (n: string) => {
      name = n;
    },
  };
}

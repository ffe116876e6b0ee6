import { type DestinationStream, type Logger as PinoLogger, pino } from "pino";

/** Structured JSON logs; edges receive a Logger and log constant messages with fields (STYLE 20). */
export type Logger = PinoLogger;

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Field paths censored in every log line: credentials, and what users typed. A log line may say
 * that a question was answered and how, never what it said.
 */
const SENSITIVE = [
  "token",
  "apiKey",
  "password",
  "secret",
  "authorization",
  "signingSecret",
  "appPassword",
  "text",
  "question",
];

/** Each sensitive key at the top level and up to three levels down (pino's wildcards match one level). */
export const REDACTED_PATHS = SENSITIVE.flatMap((k) => [k, `*.${k}`, `*.*.${k}`, `*.*.*.${k}`]).concat([
  "headers.authorization",
  "*.headers.authorization",
]);

export function createLogger(level: LogLevel = "info", destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: "llm-advisor" },
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** A logger that writes nothing, for tests that do not look at logs. */
export const silentLogger = (): Logger => pino({ level: "silent" });

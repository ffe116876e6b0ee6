import { type DestinationStream, type Logger as PinoLogger, pino, stdSerializers } from "pino";
import { redactDatabaseUrl } from "./config/store.js";

/** Structured JSON logs; edges receive a Logger and log constant messages with fields (STYLE 20). */
export type Logger = PinoLogger;

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const CENSOR = "[redacted]";

/**
 * Field names censored in every log line, at any depth: credentials, and what users typed or what
 * was sent to an LLM. A log line may say that a question was answered and how, never what it said.
 */
export const SENSITIVE_KEYS: readonly string[] = [
  "token",
  "botToken",
  "appToken",
  "apiKey",
  "adminKey",
  "password",
  "appPassword",
  "secret",
  "clientSecret",
  "signingSecret",
  "authorization",
  "cookie",
  "text",
  "question",
  "prompt",
];
const sensitive = new Set(SENSITIVE_KEYS.map((k) => k.toLowerCase()));

/** Fields that hold connection URLs: their password is replaced, the rest (host, database) kept. */
const URL_KEYS = new Set(["url", "databaseurl", "connectionstring"]);
/** `scheme://user:password@` anywhere in a string, e.g. inside a driver's error message. */
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^\s/:@]*:)[^\s/@]+@/gi;
const HAS_URL_PASSWORD = new RegExp(URL_PASSWORD.source, "i");

/** Deeper than this a value is replaced, not walked: log fields are never legitimately that deep. */
const MAX_DEPTH = 12;

function redactString(key: string, value: string): string {
  if (!HAS_URL_PASSWORD.test(value)) return value;
  return URL_KEYS.has(key.toLowerCase()) ? redactDatabaseUrl(value) : value.replace(URL_PASSWORD, "$1***@");
}

/**
 * A copy of a log line's fields with every sensitive key censored however deep it sits, the
 * `content` of chat `messages[]` censored, and passwords taken out of URLs. Errors are serialized
 * first (message, stack, cause) so what they carry is checked too.
 */
export function redact(value: unknown, key = "", depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === "string") return redactString(key, value);
  if (value === null || typeof value !== "object") return value;
  if (depth >= MAX_DEPTH) return "[too deep]";
  if (seen.has(value)) return "[circular]";
  seen.add(value);
  const plain = value instanceof Error ? stdSerializers.err(value) : value;
  if (Array.isArray(plain)) return plain.map((item) => redact(item, key, depth + 1, seen));
  if (plain instanceof Date || Buffer.isBuffer(plain)) return plain;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(plain)) {
    // messages[*].content: the conversation sent to an LLM.
    const isMessageContent = k === "content" && key.toLowerCase() === "messages";
    out[k] = sensitive.has(k.toLowerCase()) || isMessageContent ? CENSOR : redact(v, k, depth + 1, seen);
  }
  return out;
}

export function createLogger(level: LogLevel = "info", destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: "llm-advisor" },
    formatters: {
      log: (fields: Record<string, unknown>) => redact(fields) as Record<string, unknown>,
      bindings: (bindings: Record<string, unknown>) => redact(bindings) as Record<string, unknown>,
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** A logger that writes nothing, for tests that do not look at logs. */
export const silentLogger = (): Logger => pino({ level: "silent" });

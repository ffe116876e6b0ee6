import { badInput } from "./errors.js";

const SCALES: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9 };

/**
 * A count from a flag: "100000", "100_000", "100,000", "100k", "1.5M", "1e6". Anything else,
 * a negative, a non-finite or an over-limit value is a one-line error naming the flag.
 */
export function parseCount(
  flag: string,
  raw: string | undefined,
  max: number,
  opts: { integer?: boolean; min?: number } = {},
): number | undefined {
  if (raw === undefined) return undefined;
  const text = raw.trim().toLowerCase().replace(/[_,]/g, "");
  const m = /^(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)\s*([kmb])?$/.exec(text);
  if (!m?.[1]) throw badInput(`--${flag} expects a number such as 500000, 500k or 1.5M; got "${raw}"`);
  const value = Number(m[1]) * (m[2] ? (SCALES[m[2]] ?? 1) : 1);
  if (!Number.isFinite(value)) throw badInput(`--${flag} must be a finite number; got "${raw}"`);
  const min = opts.min ?? 0;
  if (value < min)
    throw badInput(`--${flag} cannot be ${min === 0 ? "negative" : `below ${min}`}; got ${raw}`);
  if (value > max)
    throw badInput(`--${flag} ${raw} is beyond what this tool models (max ${max.toLocaleString("en-US")})`);
  if (opts.integer && !Number.isInteger(value))
    throw badInput(`--${flag} must be a whole number; got ${raw}`);
  return value;
}

export const FORMATS = ["text", "markdown", "json"] as const;
export type Format = (typeof FORMATS)[number];

export function parseFormat(raw: string | undefined): Format {
  const f = (raw ?? "text").toLowerCase();
  if (!(FORMATS as readonly string[]).includes(f))
    throw badInput(`--format must be one of text, markdown, json; got "${raw}"`);
  return f as Format;
}

/** "YYYY-MM-DD" for --today; the default comes from the caller's clock. */
export function parseDay(raw: string | undefined, fallback: Date): string {
  if (raw === undefined) return fallback.toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(Date.parse(raw)))
    throw badInput(`--today expects a date written YYYY-MM-DD; got "${raw}"`);
  return raw;
}

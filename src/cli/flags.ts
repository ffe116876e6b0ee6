import { LIMITS } from "../domain/profile.js";
import { badInput } from "./errors.js";

const SCALES: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9 };

/** Thousands separators only where they separate thousands: "1,500,000" yes, "1,5M" no. */
const COUNT = /^(-?(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:_\d{3})+|\d+)(?:\.\d+)?(?:e[+-]?\d+)?)\s*([kmb])?$/;

/** A flag's value as typed, clipped so that a pasted wall of text is not echoed back whole. */
export const said = (raw: string): string => (raw.length > 40 ? `${raw.slice(0, 37)}...` : raw);

/**
 * A count from a flag: "100000", "100_000", "100,000", "100k", "1.5M", "1e6". Anything else,
 * a negative, a non-finite or an over-limit value is a one-line error naming the flag; so is
 * zero or a fraction where the flag counts requests or calls.
 */
export function parseCount(
  flag: string,
  raw: string | undefined,
  max: number,
  opts: { integer?: boolean; positive?: boolean } = {},
): number | undefined {
  if (raw === undefined) return undefined;
  const text = raw.trim().toLowerCase();
  const m = COUNT.exec(text);
  if (!m?.[1]) {
    if (/\d,\d{1,2}(?!\d)/.test(text))
      throw badInput(
        `--${flag} "${said(raw)}" is ambiguous: a comma separates thousands here; write 1.5M or 1,500,000`,
      );
    throw badInput(`--${flag} expects a number such as 500000, 500k or 1.5M; got "${said(raw)}"`);
  }
  const value = Number(m[1].replace(/[_,]/g, "")) * (m[2] ? (SCALES[m[2]] ?? 1) : 1);
  if (!Number.isFinite(value)) throw badInput(`--${flag} must be a finite number; got "${said(raw)}"`);
  if (value < 0) throw badInput(`--${flag} cannot be negative; got ${said(raw)}`);
  if (opts.positive && value === 0) throw badInput(`--${flag} must be above zero; zero costs nothing`);
  if (value > max)
    throw badInput(
      `--${flag} ${said(raw)} is beyond what this tool models (max ${max.toLocaleString("en-US")})`,
    );
  if (opts.integer && !Number.isInteger(value))
    throw badInput(`--${flag} must be a whole number; got ${said(raw)}`);
  return value;
}

/** A model name from a flag: trimmed, not empty, no longer than any catalog name. */
export function parseModelName(flag: string, raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const name = raw.trim();
  if (name === "") throw badInput(`--${flag} cannot be empty`);
  if (name.length > LIMITS.modelName)
    throw badInput(
      `--${flag} "${said(name)}" is longer than any model name (max ${LIMITS.modelName} characters)`,
    );
  return name;
}

export const FORMATS = ["text", "markdown", "json"] as const;
export type Format = (typeof FORMATS)[number];

export function parseFormat(raw: string | undefined): Format {
  const f = (raw ?? "text").toLowerCase();
  if (!(FORMATS as readonly string[]).includes(f))
    throw badInput(`--format must be one of text, markdown, json; got "${said(raw ?? "")}"`);
  return f as Format;
}

/** Days the catalog's prices and retirement dates can speak for; outside them a date is a typo. */
const FIRST_DAY = "2000-01-01";
const LAST_DAY = "2099-12-31";

/** "YYYY-MM-DD" for --today: a real calendar day in a sensible range; the default comes from the caller's clock. */
export function parseDay(raw: string | undefined, fallback: Date): string {
  if (raw === undefined) return fallback.toISOString().slice(0, 10);
  const real =
    /^\d{4}-\d{2}-\d{2}$/.test(raw) &&
    !Number.isNaN(Date.parse(raw)) &&
    new Date(`${raw}T00:00:00Z`).toISOString().slice(0, 10) === raw;
  if (!real) throw badInput(`--today expects a real date written YYYY-MM-DD; got "${said(raw)}"`);
  if (raw < FIRST_DAY || raw > LAST_DAY)
    throw badInput(`--today must be between ${FIRST_DAY} and ${LAST_DAY}; got ${raw}`);
  return raw;
}

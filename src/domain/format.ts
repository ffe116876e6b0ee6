import { Dec, dec, type Numeric } from "./money.js";

/** Display formatting shared by every surface, so "$1,234.56" reads the same in Slack, Teams and the terminal. */

const grouped = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/** "$1,234.56"; amounts under a cent keep up to four significant decimals ("$0.000195"). */
export function formatUsd(value: Numeric): string {
  const v = dec(value);
  const abs = v.abs();
  if (!abs.isZero() && abs.lessThan(0.01))
    return `${v.isNegative() ? "-" : ""}$${abs.toSignificantDigits(4).toFixed()}`;
  const [whole = "0", cents = "00"] = abs.toFixed(2, Dec.ROUND_HALF_UP).split(".");
  // The sign follows the rounded figure, so -0.001 and negative zero print as $0.00.
  const sign = v.isNegative() && (whole !== "0" || cents !== "00") ? "-" : "";
  return `${sign}$${grouped(whole)}.${cents}`;
}

/**
 * A unit price exactly as the catalog states it ("$1.4084 an hour", "$0.075 per 1M tokens"), so
 * that quantity × unit price in a line can be checked by hand; at least two decimals.
 */
export function formatUnitUsd(value: Numeric): string {
  const v = dec(value);
  if (v.decimalPlaces() <= 2) return formatUsd(v);
  const [whole = "0", frac = ""] = v.abs().toFixed().split(".");
  return `${v.isNegative() ? "-" : ""}$${grouped(whole)}.${frac}`;
}

/** "1,234,567" for whole numbers; fractions keep up to two decimals ("2.5"). */
export function formatCount(value: Numeric): string {
  const rounded = dec(value).toDecimalPlaces(2);
  const [whole = "0", frac] = rounded.abs().toFixed().split(".");
  return `${rounded.isNegative() && !rounded.isZero() ? "-" : ""}${grouped(whole)}${frac ? `.${frac}` : ""}`;
}

/** "500K", "1.5M", "2B": compact volumes for headlines. */
export function formatCompact(value: Numeric): string {
  const v = dec(value);
  const units: Array<[number, string]> = [
    [1e9, "B"],
    [1e6, "M"],
    [1e3, "K"],
  ];
  let i = units.findIndex(([size]) => v.abs().greaterThanOrEqualTo(size));
  if (i === -1) return formatCount(v);
  let scaled = v.dividedBy(units[i]?.[0] ?? 1).toDecimalPlaces(2);
  // 999,999 rounds to 1000K: say 1M instead. Decimal's toFixed() prints no trailing zeros (500, 1.5).
  if (scaled.abs().greaterThanOrEqualTo(1000) && i > 0) {
    i -= 1;
    scaled = v.dividedBy(units[i]?.[0] ?? 1).toDecimalPlaces(2);
  }
  return `${scaled.toFixed()}${units[i]?.[1] ?? ""}`;
}

/** "12.5%" from a 0..1 share. */
export const formatPercent = (share: Numeric): string =>
  `${dec(share).times(100).toDecimalPlaces(1).toFixed().replace(/\.0$/, "")}%`;

/** "×2.3" ratios between two amounts. */
export const formatRatio = (a: Dec, b: Dec): string =>
  b.isZero() ? "∞" : `${a.dividedBy(b).toDecimalPlaces(1).toFixed()}×`;

/** How many times one volume is another, rounded as usual: 281.1 → "281", 2.46 → "2.5". */
export function formatTimes(ratio: number): string {
  const tenths = Math.round(ratio * 10) / 10;
  return tenths < 10 ? tenths.toFixed(1) : formatCount(Math.round(ratio));
}

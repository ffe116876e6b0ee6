import { Dec, dec, type Numeric } from "./money.js";

/** Display formatting shared by every surface, so "$1,234.56" reads the same in Slack, Teams and the terminal. */

const grouped = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/** "$1,234.56"; amounts under a cent keep up to four significant decimals ("$0.000195"). */
export function formatUsd(value: Numeric): string {
  const v = dec(value);
  const sign = v.isNegative() ? "-" : "";
  const abs = v.abs();
  if (!abs.isZero() && abs.lessThan(0.01)) return `${sign}$${abs.toSignificantDigits(4).toFixed()}`;
  const [whole = "0", cents = "00"] = abs.toFixed(2, Dec.ROUND_HALF_UP).split(".");
  return `${sign}$${grouped(whole)}.${cents}`;
}

/** "1,234,567" for whole numbers; fractions keep up to two decimals ("2.5"). */
export function formatCount(value: Numeric): string {
  const v = dec(value);
  const fixed = v.toDecimalPlaces(2).toFixed();
  const [whole = "0", frac] = fixed.replace("-", "").split(".");
  return `${v.isNegative() ? "-" : ""}${grouped(whole)}${frac ? `.${frac}` : ""}`;
}

/** "500K", "1.5M", "2B": compact volumes for headlines. */
export function formatCompact(value: Numeric): string {
  const v = dec(value);
  const units: Array<[number, string]> = [
    [1e9, "B"],
    [1e6, "M"],
    [1e3, "K"],
  ];
  for (const [size, suffix] of units) {
    if (v.abs().greaterThanOrEqualTo(size))
      return `${v
        .dividedBy(size)
        .toDecimalPlaces(2)
        .toFixed()
        .replace(/\.?0+$/, "")}${suffix}`;
  }
  return formatCount(v);
}

/** "12.5%" from a 0..1 share. */
export const formatPercent = (share: Numeric): string =>
  `${dec(share).times(100).toDecimalPlaces(1).toFixed().replace(/\.0$/, "")}%`;

/** "×2.3" ratios between two amounts. */
export const formatRatio = (a: Dec, b: Dec): string =>
  b.isZero() ? "∞" : `${a.dividedBy(b).toDecimalPlaces(1).toFixed()}×`;

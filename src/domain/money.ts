import { Decimal } from "decimal.js";

/**
 * Exact decimal arithmetic for money and volumes: prices such as $0.075 per 1M tokens
 * have no exact binary float, and sums of floats drift. Rounding happens only for display.
 */
export const Dec = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Dec>;

/** Anything a calculator accepts as a quantity or price. Numbers go through their shortest decimal text. */
export type Numeric = Dec | number | string;

export const dec = (value: Numeric): Dec => (value instanceof Dec ? value : new Dec(value));

export const ZERO = dec(0);
export const ONE = dec(1);
export const MILLION = dec(1_000_000);

export const sum = (values: readonly Dec[]): Dec => values.reduce((acc, v) => acc.plus(v), ZERO);

export const max = (a: Dec, b: Dec): Dec => (a.greaterThanOrEqualTo(b) ? a : b);
export const min = (a: Dec, b: Dec): Dec => (a.lessThanOrEqualTo(b) ? a : b);

/** Half-up rounding to cents, the way an invoice shows money. */
export const toCents = (value: Dec): Dec => value.toDecimalPlaces(2, Dec.ROUND_HALF_UP);

/**
 * A JSON-safe number with at most `places` decimals. JSON consumers get the exact figure
 * (to a micro-dollar by default), not a display-rounded one.
 */
export const toJsonNumber = (value: Dec, places = 6): number =>
  Number(value.toDecimalPlaces(places, Dec.ROUND_HALF_UP).toString());

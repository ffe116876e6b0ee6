import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Dec, dec, MILLION, max, min, ONE, sum, toCents, toJsonNumber, ZERO } from "./money.js";

describe("dec", () => {
  it("adds 0.1 and 0.2 to exactly 0.3, where binary floats do not", () => {
    // Floats: 0.1 + 0.2 = 0.30000000000000004; decimals keep the written digits.
    expect(0.1 + 0.2).not.toBe(0.3);
    const total = dec(0.1).plus(dec(0.2));
    expect(total.toString()).toBe("0.3");
    expect(total.equals(dec("0.3"))).toBe(true);
  });

  it("reads a number through its shortest decimal text, so $0.075 stays 0.075", () => {
    // 0.075 has no exact binary form; its shortest text is "0.075".
    expect(dec(0.075).toString()).toBe("0.075");
    expect(dec("0.075").equals(dec(0.075))).toBe(true);
  });

  it("returns a Dec it is given unchanged", () => {
    const d = new Dec("19.5");
    expect(dec(d)).toBe(d);
  });

  it("prices 300 cached tokens at $0.075 per 1M exactly", () => {
    // 300 / 1,000,000 × 0.075 = 0.0000225
    expect(dec(300).dividedBy(MILLION).times("0.075").toString()).toBe("0.0000225");
  });

  it("has zero, one and a million as constants", () => {
    expect(ZERO.toString()).toBe("0");
    expect(ONE.toString()).toBe("1");
    expect(MILLION.toString()).toBe("1000000");
  });
});

describe("sum, max and min", () => {
  it("sums an empty list to zero", () => {
    expect(sum([]).toString()).toBe("0");
  });

  it("sums 000's two lines to $19.50", () => {
    // 7.50 + 12.00 = 19.50
    expect(sum([dec("7.5"), dec("12")]).toString()).toBe("19.5");
  });

  it("sums ten dimes to exactly one dollar", () => {
    // 10 × 0.1 = 1 (a float loop gives 0.9999999999999999)
    expect(sum(Array.from({ length: 10 }, () => dec(0.1))).toString()).toBe("1");
  });

  it("picks the larger and the smaller of two amounts", () => {
    expect(max(dec("195"), dec("9500")).toString()).toBe("9500");
    expect(min(dec("195"), dec("9500")).toString()).toBe("195");
    expect(max(dec("-1"), ZERO).toString()).toBe("0");
  });

  it("sums any list of cent amounts to the exact integer-cent total", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), { maxLength: 50 }),
        (cents) => {
          // The integer sum of cents, divided by 100 once, is the exact total.
          const exactCents = cents.reduce((acc, c) => acc + BigInt(c), 0n);
          const total = sum(cents.map((c) => dec(c).dividedBy(100)));
          expect(total.equals(dec(exactCents.toString()).dividedBy(100))).toBe(true);
        },
      ),
    );
  });
});

describe("toCents", () => {
  it("rounds half up to the cent, the way an invoice shows money", () => {
    // 0.125 → 0.13; 2.344 → 2.34; 19.495 → 19.50
    expect(toCents(dec("0.125")).toString()).toBe("0.13");
    expect(toCents(dec("2.344")).toString()).toBe("2.34");
    expect(toCents(dec("19.495")).toString()).toBe("19.5");
  });

  it("rounds a negative half away from zero", () => {
    // -0.125 → -0.13 (ROUND_HALF_UP rounds away from zero)
    expect(toCents(dec("-0.125")).toString()).toBe("-0.13");
  });

  it("keeps $2,579.1666… as $2,579.17", () => {
    // 61,900 / 24 = 2,579.1666…
    expect(toCents(dec(61_900).dividedBy(24)).toString()).toBe("2579.17");
  });
});

describe("toJsonNumber", () => {
  it("keeps six decimals by default, so $0.000195 survives JSON", () => {
    expect(toJsonNumber(dec("0.000195"))).toBe(0.000195);
    // 0.0001955 → 0.000196 (half up at the sixth decimal)
    expect(toJsonNumber(dec("0.0001955"))).toBe(0.000196);
  });

  it("rounds to the places asked for", () => {
    // 2,579.1666… → 2,579.17 at two places
    expect(toJsonNumber(dec(61_900).dividedBy(24), 2)).toBe(2579.17);
  });

  it("returns zero for zero", () => {
    expect(toJsonNumber(ZERO)).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import { breakdown, line, missingPriceLine, scaleBreakdown } from "./line-items.js";

describe("line", () => {
  it("costs quantity × unit price exactly", () => {
    // 30M cached tokens × $0.075 = $2.25
    const l = line("api.cached-input-tokens", "cached", 30, "1M tokens", "0.075", "test");
    expect(l.costUsd.toString()).toBe("2.25");
    expect(l.quantity.toString()).toBe("30");
    expect(l.unitPriceUsd.toString()).toBe("0.075");
    expect(l.flag).toBeUndefined();
  });

  it("carries a flag and a note when given", () => {
    const l = line("self.infrastructure", "GPU", 1, "month", 8000, "seed", {
      flag: "seed-figure",
      note: "n",
    });
    expect([l.flag, l.note]).toEqual(["seed-figure", "n"]);
  });
});

describe("missingPriceLine", () => {
  it("shows the quantity, costs $0 and flags price-not-found", () => {
    const l = missingPriceLine("voice.sms", "SMS", 500, "message", "no message price in the catalog");
    expect(l.quantity.toString()).toBe("500");
    expect(l.unitPriceUsd.toString()).toBe("0");
    expect(l.costUsd.toString()).toBe("0");
    expect(l.flag).toBe("price-not-found");
    expect(l.source).toBe("none");
    expect(l.note).toBe("no message price in the catalog");
  });
});

describe("breakdown", () => {
  it("totals its lines exactly", () => {
    // 7.50 + 12.00 + 0 = 19.50
    const b = breakdown([
      line("a", "a", 50, "1M tokens", "0.15", "t"),
      line("b", "b", 20, "1M tokens", "0.60", "t"),
      missingPriceLine("c", "c", 5, "x", "none"),
    ]);
    expect(b.monthlyCostUsd.toString()).toBe("19.5");
    expect(b.issues).toEqual([]);
  });

  it("totals no lines to $0", () => {
    expect(breakdown([]).monthlyCostUsd.toString()).toBe("0");
  });
});

describe("scaleBreakdown", () => {
  it("scales every line's quantity and cost by the factor and labels it", () => {
    const b = breakdown([
      line("a", "input", 50, "1M tokens", "0.15", "t"),
      line("b", "output", 20, "1M tokens", "0.60", "t"),
    ]);
    const s = scaleBreakdown(b, "0.75", " (75%)");
    // 50 × 0.75 = 37.5M × 0.15 = 5.625; 20 × 0.75 = 15M × 0.60 = 9; total 14.625 = 0.75 × 19.50
    expect(s.lineItems.map((l) => [l.label, l.quantity.toString(), l.costUsd.toString()])).toEqual([
      ["input (75%)", "37.5", "5.625"],
      ["output (75%)", "15", "9"],
    ]);
    expect(s.monthlyCostUsd.toString()).toBe("14.625");
    // The unit price does not change.
    expect(s.lineItems[0]?.unitPriceUsd.toString()).toBe("0.15");
  });

  it("scales to $0 by a factor of zero", () => {
    const b = breakdown([line("a", "input", 50, "1M tokens", "0.15", "t")]);
    expect(scaleBreakdown(b, 0, "").monthlyCostUsd.toString()).toBe("0");
  });
});

import { describe, expect, it } from "vitest";
import { buildCatalog } from "../catalog/catalog.js";
import type { FlatEstimate } from "../catalog/schema.js";
import { flatSelfHostedCost } from "./self-hosted-flat.js";

const catalog = buildCatalog({ pricesAt: new Date("2026-11-21") });

const estimate = (id: string): FlatEstimate => {
  const e = catalog.data.flatEstimates.find((f) => f.id === id);
  if (!e) throw new Error(`no flat estimate ${id}`);
  return e;
};

const costOf = (lines: ReturnType<typeof flatSelfHostedCost>["lineItems"]) =>
  Object.fromEntries(lines.map((l) => [l.code, l.costUsd.toString()]));

describe("flatSelfHostedCost", () => {
  it("costs 003's Llama 3 70B on 4× A100 $9,500 a month (8,000 + 500 + 1,000)", () => {
    const b = flatSelfHostedCost(estimate("seed-003-llama3-70b-4xa100"));
    expect(costOf(b.lineItems)).toEqual({
      "self.infrastructure": "8000",
      "self.setup-amortized": "500",
      "self.operations": "1000",
    });
    // 8,000 + 500 + 1,000 = 9,500
    expect(b.monthlyCostUsd.toString()).toBe("9500");
    expect(b.lineItems.every((l) => l.flag === "seed-figure" && l.unit === "month")).toBe(true);
    expect(b.lineItems.every((l) => l.source.startsWith("seeds/003_"))).toBe(true);
    // A figure with no range carries no "low end" note.
    expect(b.lineItems.every((l) => l.note === undefined)).toBe(true);
  });

  it("costs the same at the high end when the seed gives one figure", () => {
    expect(flatSelfHostedCost(estimate("seed-003-llama3-70b-4xa100"), "high").monthlyCostUsd.toString()).toBe(
      "9500",
    );
  });

  it("costs 000's self-hosted range $2,000 (500 + 1,000 + 500) to $8,000 (2,000 + 5,000 + 1,000)", () => {
    const e = estimate("seed-000-open-source-self-hosted");
    const low = flatSelfHostedCost(e, "low");
    const high = flatSelfHostedCost(e, "high");
    // low: GPU 500 + DevOps 1,000 + maintenance 500 = 2,000; no setup line (000 gives none)
    expect(costOf(low.lineItems)).toEqual({
      "self.infrastructure": "500",
      "self.operations": "1000",
      "self.other": "500",
    });
    expect(low.monthlyCostUsd.toString()).toBe("2000");
    // high: GPU 2,000 + DevOps 5,000 + maintenance 1,000 = 8,000
    expect(high.monthlyCostUsd.toString()).toBe("8000");
    expect(low.lineItems[0]?.note).toBe("low end of the seed's $500-2000 range");
    expect(high.lineItems[0]?.note).toBe("high end of the seed's $500-2000 range");
  });

  it("takes the low end when no bound is named", () => {
    expect(flatSelfHostedCost(estimate("seed-000-open-source-self-hosted")).monthlyCostUsd.toString()).toBe(
      "2000",
    );
  });

  it("costs 002's small local setup $350 (200 + 100 + 50) to $800 (500 + 200 + 100)", () => {
    const e = estimate("seed-002-local-small");
    expect(flatSelfHostedCost(e, "low").monthlyCostUsd.toString()).toBe("350");
    expect(flatSelfHostedCost(e, "high").monthlyCostUsd.toString()).toBe("800");
  });

  it("costs 002's large local setup $6,500 (1,000 + 5,000 + 500) to $13,000 (2,000 + 10,000 + 1,000)", () => {
    const e = estimate("seed-002-local-large");
    expect(flatSelfHostedCost(e, "low").monthlyCostUsd.toString()).toBe("6500");
    expect(flatSelfHostedCost(e, "high").monthlyCostUsd.toString()).toBe("13000");
  });

  it("gives no lines and $0 for an estimate of all zeros", () => {
    const zero: FlatEstimate = {
      id: "test:zero",
      label: "nothing",
      infrastructureUsd: [0, 0],
      setupAmortizedUsd: [0, 0],
      operationsUsd: [0, 0],
      otherUsd: [0, 0],
      serves: "nothing",
      asOf: "2026-11-21",
      source: "test",
    };
    const b = flatSelfHostedCost(zero, "high");
    expect(b.lineItems).toEqual([]);
    expect(b.monthlyCostUsd.toString()).toBe("0");
  });

  it("keeps a line whose low end is zero but high end is not", () => {
    const e: FlatEstimate = {
      id: "test:range",
      label: "range",
      infrastructureUsd: [0, 300],
      setupAmortizedUsd: [0, 0],
      operationsUsd: [0, 0],
      otherUsd: [0, 0],
      serves: "test",
      asOf: "2026-11-21",
      source: "test",
    };
    const low = flatSelfHostedCost(e, "low");
    expect(low.lineItems.map((l) => [l.code, l.costUsd.toString()])).toEqual([["self.infrastructure", "0"]]);
    expect(flatSelfHostedCost(e, "high").monthlyCostUsd.toString()).toBe("300");
  });
});

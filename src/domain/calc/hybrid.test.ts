import { describe, expect, it } from "vitest";
import { miniByHand as miniPrice } from "../../../test/fixtures/prices.js";
import { apiMonthlyCost } from "./api-cost.js";
import { hybridMonthlyCost } from "./hybrid.js";
import { breakdown, line, missingPriceLine } from "./line-items.js";

const mini = miniPrice("test");

// 1M requests a month, 25% self-hosted: the API serves 750,000 at 500/200 tokens.
const apiForRest = apiMonthlyCost(mini, {
  requestsPerMonth: 750_000,
  inputTokensPerRequest: 500,
  cachedInputTokensPerRequest: 0,
  outputTokensPerRequest: 200,
});
const selfForShare = breakdown([
  line("self.gpu-instances", "1 × box", 730, "instance-hour", "1.25", "test"),
  line("self.operations", "Operations", 1, "month", 1000, "test"),
]);

describe("hybridMonthlyCost", () => {
  it("adds the API's and the self-hosted side's totals", () => {
    // API: 750,000 × 500 = 375M × 0.15 = 56.25; 750,000 × 200 = 150M × 0.60 = 90.00; = 146.25
    expect(apiForRest.monthlyCostUsd.toString()).toBe("146.25");
    // self-hosted: 730 × 1.25 = 912.50 + 1,000 = 1,912.50
    const h = hybridMonthlyCost("0.25", apiForRest, selfForShare);
    // 146.25 + 1,912.50 = 2,058.75
    expect(h.monthlyCostUsd.toString()).toBe("2058.75");
  });

  it("prefixes every line's code with hybrid. and keeps its cost", () => {
    const h = hybridMonthlyCost("0.25", apiForRest, selfForShare);
    expect(h.lineItems.map((l) => l.code)).toEqual([
      "hybrid.api.input-tokens",
      "hybrid.api.output-tokens",
      "hybrid.self.gpu-instances",
      "hybrid.self.operations",
    ]);
    expect(h.lineItems.map((l) => l.costUsd.toString())).toEqual(["56.25", "90", "912.5", "1000"]);
  });

  it("labels each line with its side and share of traffic", () => {
    const h = hybridMonthlyCost("0.25", apiForRest, selfForShare);
    expect(h.lineItems[0]?.label).toBe("gpt-4o-mini input tokens [API, 75% of traffic]");
    expect(h.lineItems[2]?.label).toBe("1 × box [self-hosted, 25% of traffic]");
  });

  it("writes a share to one decimal", () => {
    // 0.125 → 12.5% self-hosted, 87.5% API
    const h = hybridMonthlyCost("0.125", apiForRest, selfForShare);
    expect(h.lineItems[0]?.label).toContain("[API, 87.5% of traffic]");
    expect(h.lineItems[2]?.label).toContain("[self-hosted, 12.5% of traffic]");
  });

  it("keeps both sides' issues and flagged lines", () => {
    const flagged = breakdown(
      [missingPriceLine("self.gpu-instances", "box", 1, "instance-month", "no price")],
      [{ code: "no-price", message: "no price for box" }],
    );
    const apiIssue = { ...apiForRest, issues: [{ code: "unknown-model" as const, message: "x" }] };
    const h = hybridMonthlyCost(0.5, apiIssue, flagged);
    expect(h.issues.map((i) => i.code)).toEqual(["unknown-model", "no-price"]);
    expect(h.lineItems.at(-1)?.flag).toBe("price-not-found");
    // 146.25 + 0 = 146.25
    expect(h.monthlyCostUsd.toString()).toBe("146.25");
  });

  it("costs two empty sides $0", () => {
    const h = hybridMonthlyCost(0, breakdown([]), breakdown([]));
    expect(h.lineItems).toEqual([]);
    expect(h.monthlyCostUsd.toString()).toBe("0");
  });
});

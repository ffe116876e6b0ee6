import { describe, expect, it } from "vitest";
import { advise } from "../domain/advise.js";
import { buildCatalog } from "../domain/catalog/catalog.js";
import { answerView, timesBelow } from "./answer-view.js";
import { type AdviceJson, adviceJson } from "./json.js";

const TODAY = "2026-12-05";
const catalog = buildCatalog({ pricesAt: new Date(`${TODAY}T12:00:00Z`) });

/** A real Advice's contract, with a break-even whose figures a test sets. */
function withBreakEven(be: Partial<AdviceJson["breakEven"]>): AdviceJson {
  const r = advise({ requestsPerMonth: 100_000 }, catalog, { today: TODAY });
  if (!r.ok) throw new Error("advise failed");
  const a = adviceJson(r.value);
  if (a.breakEven.apiOptionId === null || a.breakEven.selfHostedOptionId === null)
    throw new Error("expected a break-even between an API and a self-hosted option");
  return { ...a, breakEven: { ...a.breakEven, ...be } };
}

describe("timesBelow", () => {
  it.each([
    [281.1, "281"],
    [281.6, "282"],
    [2.46, "2.5"],
    [9.94, "9.9"],
    [9.96, "10"],
    [1_234.4, "1,234"],
  ])("%s → %s", (ratio, text) => {
    expect(timesBelow(ratio)).toBe(text);
  });
});

describe("the break-even line", () => {
  it("rounds the distance as usual instead of up: 28,110 ÷ 100 = 281.1 → 281× below", () => {
    const line = answerView(
      withBreakEven({ requestsPerMonth: 28_110, currentRequestsPerMonth: 100 }),
    ).breakEven;
    expect(line).toContain("you are at 100, 281× below");
  });

  it("shows one decimal below 10×: 246 ÷ 100 = 2.46 → 2.5× below", () => {
    const line = answerView(withBreakEven({ requestsPerMonth: 246, currentRequestsPerMonth: 100 })).breakEven;
    expect(line).toContain("2.5× below");
  });

  it("says 'costs the same' only when both sides agree within a cent, else both figures", () => {
    const same = answerView(
      withBreakEven({ requestsPerMonth: 1_000, monthlyCostUsd: 50, costsAgreeWithinCent: true }),
    ).breakEven;
    expect(same).toMatch(/costs the same as .* at 1,000 requests a month \(\$50\.00\)/);
    const apart = answerView(
      withBreakEven({
        requestsPerMonth: 1_000,
        costsAgreeWithinCent: false,
        apiMonthlyCostUsd: 50.03,
        selfHostedMonthlyCostUsd: 50,
      }),
    ).breakEven;
    expect(apart).toMatch(/becomes cheaper than .* at 1,000 requests a month \(\$50\.00 against \$50\.03\)/);
  });

  it("gives the engine's note instead of a distance when there is no volume", () => {
    const note = "no volume was given, so how far you are from the break-even is not computed";
    const line = answerView(withBreakEven({ currentRequestsPerMonth: 0, note })).breakEven;
    expect(line).toContain(note);
    expect(line).not.toContain("× below");
  });
});

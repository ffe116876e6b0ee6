import { describe, expect, it } from "vitest";
import { buildCatalog } from "../domain/catalog/catalog.js";
import type { Profile } from "../domain/profile.js";
import { understand } from "./understand.js";

const catalog = buildCatalog({ pricesAt: new Date("2026-11-21") });

function read(text: string) {
  const r = understand(text, catalog);
  if (r.kind !== "advice") throw new Error(`expected advice for "${text}", got ${JSON.stringify(r)}`);
  return r;
}

describe("money, horizon and peak", () => {
  it.each<[string, Profile]>([
    ["budget of $500/month", { monthlyBudgetUsd: 500 }],
    ["$2k a month budget", { monthlyBudgetUsd: 2_000 }],
    ["our budget is $1,500 per month", { monthlyBudgetUsd: 1_500 }],
    ["we can spend at most $800/month", { monthlyBudgetUsd: 800 }],
    ["$24k annual budget", { monthlyBudgetUsd: 2_000 }],
    ["revenue $50k/month", { monthlyRevenueUsd: 50_000 }],
    ["revenue of $50k a month", { monthlyRevenueUsd: 50_000 }],
    ["we make $1M a year", { monthlyRevenueUsd: 83_333.33 }],
    ["ARR of $1.2M", { monthlyRevenueUsd: 100_000 }],
    ["$30k MRR", { monthlyRevenueUsd: 30_000 }],
    ["over 3 years", { horizonMonths: 36 }],
    ["36-month horizon", { horizonMonths: 36 }],
    ["for 18 months", { horizonMonths: 18 }],
    ["over the next two years", { horizonMonths: 24 }],
    ["peak is 5x average", { peakToAverageRatio: 5 }],
    ["peaks at 4 times the average", { peakToAverageRatio: 4 }],
    ["peak-to-average ratio of 2.5", { peakToAverageRatio: 2.5 }],
  ])("reads %j", (text, expected) => {
    const r = read(text);
    expect(r.profile).toEqual(expected);
    expect(r.unused).toEqual([]);
  });

  it("says a yearly figure was divided by 12", () => {
    expect(read("we make $1M a year").understood).toEqual([
      {
        field: "monthlyRevenueUsd",
        value: 83_333.33,
        text: "make $1M a year",
        note: "÷ 12 from a yearly figure",
      },
    ]);
  });

  it("does not take a price for a budget or a volume", () => {
    const r = read("the $20 plan");
    expect(r.profile).toEqual({});
    expect(r.unused).toEqual(["$20 plan"]);
  });
});

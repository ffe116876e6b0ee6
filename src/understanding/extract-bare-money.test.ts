import { describe, expect, it } from "vitest";
import { buildCatalog } from "../domain/catalog/catalog.js";
import type { Profile } from "../domain/profile.js";
import { moneyNear } from "./extract-bare-money.js";
import { understand } from "./understand.js";

const catalog = buildCatalog({ pricesAt: new Date("2026-11-21") });

function read(text: string) {
  const r = understand(text, catalog);
  if (r.kind !== "advice") throw new Error(`expected advice for "${text}", got ${JSON.stringify(r)}`);
  return r;
}

describe("money typed without a currency sign", () => {
  it.each<[string, Profile]>([
    ["we make 40k a month revenue", { monthlyRevenueUsd: 40_000 }],
    ["we earn 40k per month", { monthlyRevenueUsd: 40_000 }],
    ["our revenue is 40k a month", { monthlyRevenueUsd: 40_000 }],
    ["we make 40k/month", { monthlyRevenueUsd: 40_000 }],
    ["40k a month in sales", { monthlyRevenueUsd: 40_000 }],
    // 1.2M a year ÷ 12 = 100,000 a month.
    ["ARR of 1.2M", { monthlyRevenueUsd: 100_000 }],
    ["spend no more than 3k a month", { monthlyBudgetUsd: 3_000 }],
    ["we can afford 2,500 a month", { monthlyBudgetUsd: 2_500 }],
    ["3k a month budget", { monthlyBudgetUsd: 3_000 }],
  ])("reads %j as money, never as requests", (text, expected) => {
    const r = read(text);
    expect(r.profile).toEqual(expected);
    expect(r.unused).toEqual([]);
  });

  it("says how the figure was read", () => {
    expect(read("our revenue is 40k a month").understood).toEqual([
      { field: "monthlyRevenueUsd", value: 40_000, text: "revenue is 40k a month", note: "dollars" },
    ]);
    expect(read("budget 3000").understood).toEqual([
      {
        field: "monthlyBudgetUsd",
        value: 3_000,
        text: "budget 3000",
        note: "dollars a month: no period was given",
      },
    ]);
  });

  it.each([
    ["we spend 5k a month on openai", "spend 5k a month"],
    ["we pay 800 a month for GPUs", "pay 800 a month"],
    ["our costs are 2k a day", "costs are 2k a day"],
  ])("tells back what is spent today (%j): the Profile has no field for it", (text, words) => {
    const r = read(text);
    expect(r.profile).toEqual({});
    expect(r.unused[0]).toBe(
      `${words} (money, not a request volume: what you spend today is not an input; give the volume, e.g. "500k requests a month")`,
    );
  });

  it("keeps the volume when the money is about something else", () => {
    expect(read("we spend 5k a month on 2M requests a month").profile).toEqual({
      requestsPerMonth: 2_000_000,
    });
    expect(read("we make 500k requests a month").profile).toEqual({ requestsPerMonth: 500_000 });
    expect(read("what does it cost at 500k a month?").profile).toEqual({ requestsPerMonth: 500_000 });
  });

  it("refuses a day's money rather than guessing a month", () => {
    const r = read("revenue is 2k a day");
    expect(r.profile).toEqual({});
    expect(r.unused).toEqual(["revenue is 2k a day (money, not a volume: give it per month or per year)"]);
  });

  it("finds a money word within a few words of a figure, in the same clause only", () => {
    const text = "we pay roughly 40k a month";
    expect(moneyNear(text, text.indexOf("40k"), text.length)).toBe(true);
    const apart = "we pay a lot, 40k a month";
    expect(moneyNear(apart, apart.indexOf("40k"), apart.length)).toBe(false);
    const bought = "cost at 40k a month";
    expect(moneyNear(bought, bought.indexOf("40k"), bought.length)).toBe(false);
  });
});

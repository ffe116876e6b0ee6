import { describe, expect, it } from "vitest";
import { dec, toCents } from "../money.js";
import { breakdown, type CostBreakdown, line } from "./line-items.js";
import { months, type RecurringEvent, totalCostOfOwnership, withoutSetupAmortization } from "./tco.js";

/** A self-hosted month: one instance $912.50, operations $1,000, setup $12,000 / 24 = $500. */
const selfHostedMonth: CostBreakdown = breakdown([
  line("self.gpu-instances", "1 × box, 730 h", 730, "instance-hour", "1.25", "test"),
  line("self.operations", "Operations", 1, "month", 1000, "test"),
  line("self.setup-amortized", "Setup $12000 over 24 months", 1, "month", 500, "test"),
]);

/** 000's API month: $19.50. */
const apiMonth: CostBreakdown = breakdown([
  line("api.input-tokens", "input", 50, "1M tokens", "0.15", "test"),
  line("api.output-tokens", "output", 20, "1M tokens", "0.60", "test"),
]);

/** 004: a forced migration every 15 months, 40 engineer-hours × $100 = $4,000. */
const migration: RecurringEvent = {
  code: "tco.forced-migration",
  label: "Forced model migration",
  everyMonths: 15,
  costUsd: 4000,
  source: "seeds/004_6527799eb7821511.txt",
};

describe("withoutSetupAmortization", () => {
  it("removes exactly the setup-amortization line", () => {
    const b = withoutSetupAmortization(selfHostedMonth);
    expect(b.lineItems.map((l) => l.code)).toEqual(["self.gpu-instances", "self.operations"]);
    // 912.50 + 1,000 = 1,912.50 (was 2,412.50)
    expect(selfHostedMonth.monthlyCostUsd.toString()).toBe("2412.5");
    expect(b.monthlyCostUsd.toString()).toBe("1912.5");
  });

  it("leaves a bill without a setup line as it was", () => {
    const b = withoutSetupAmortization(apiMonth);
    expect(b.lineItems).toEqual(apiMonth.lineItems);
    expect(b.monthlyCostUsd.toString()).toBe("19.5");
  });

  it("keeps the bill's issues", () => {
    const withIssue = { ...selfHostedMonth, issues: [{ code: "no-price" as const, message: "x" }] };
    expect(withoutSetupAmortization(withIssue).issues).toEqual(withIssue.issues);
  });
});

describe("totalCostOfOwnership", () => {
  const selfHosted = (horizonMonths: number) =>
    totalCostOfOwnership({
      monthly: withoutSetupAmortization(selfHostedMonth),
      horizonMonths,
      oneTime: [{ code: "tco.setup", label: "Setup", costUsd: 12_000, source: "test" }],
      recurring: [],
    });

  it("adds 24 months of the bill, the one-time setup once, and one forced migration", () => {
    const t = totalCostOfOwnership({
      monthly: apiMonth,
      horizonMonths: 24,
      oneTime: [],
      recurring: [migration],
    });
    const [monthly, migrations] = t.breakdown.lineItems;
    // 24 × $19.50 = $468
    expect(monthly?.quantity.toString()).toBe("24");
    expect(monthly?.costUsd.toString()).toBe("468");
    // floor(24 / 15) = 1 migration × $4,000
    expect(migrations?.quantity.toString()).toBe("1");
    expect(migrations?.costUsd.toString()).toBe("4000");
    // 468 + 4,000 = 4,468; per month 4,468 / 24 = 186.1666… → $186.17
    expect(t.totalUsd.toString()).toBe("4468");
    expect(toCents(t.perMonthUsd).toString()).toBe("186.17");
    // 186.1666… × 24 gives back 4,468 to the cent (the division does not terminate)
    expect(toCents(t.perMonthUsd.times(24)).toString()).toBe("4468");
  });

  it("counts setup once over the horizon for self-hosting", () => {
    const t = selfHosted(24);
    // 24 × 1,912.50 = 45,900 + setup 12,000 = 57,900
    expect(t.totalUsd.toString()).toBe("57900");
    // 57,900 / 24 = 2,412.50: the same as the bill with setup amortized over 24 months
    expect(t.perMonthUsd.toString()).toBe("2412.5");
  });

  it("counts two forced migrations in 36 months", () => {
    const t = totalCostOfOwnership({
      monthly: withoutSetupAmortization(selfHostedMonth),
      horizonMonths: 36,
      oneTime: [{ code: "tco.setup", label: "Setup", costUsd: 12_000, source: "test" }],
      recurring: [migration],
    });
    const m = t.breakdown.lineItems.find((l) => l.code === "tco.forced-migration");
    // floor(36 / 15) = 2 × 4,000 = 8,000
    expect(m?.quantity.toString()).toBe("2");
    expect(m?.costUsd.toString()).toBe("8000");
    // 36 × 1,912.50 = 68,850 + 12,000 + 8,000 = 88,850; / 36 = 2,468.0555… → $2,468.06
    expect(t.totalUsd.toString()).toBe("88850");
    expect(toCents(t.perMonthUsd).toString()).toBe("2468.06");
  });

  it("counts no migration within 14 months and one at exactly 15", () => {
    const at = (h: number) =>
      totalCostOfOwnership({
        monthly: apiMonth,
        horizonMonths: h,
        oneTime: [],
        recurring: [migration],
      }).breakdown.lineItems[1]?.quantity.toString();
    expect(at(14)).toBe("0");
    expect(at(15)).toBe("1");
    expect(at(29)).toBe("1");
    expect(at(30)).toBe("2");
  });

  it("costs an empty bill with nothing else $0", () => {
    const t = totalCostOfOwnership({ monthly: breakdown([]), horizonMonths: 24, oneTime: [], recurring: [] });
    expect(t.totalUsd.toString()).toBe("0");
    expect(t.perMonthUsd.toString()).toBe("0");
  });

  it("spreads a one-month horizon over one month", () => {
    const t = totalCostOfOwnership({
      monthly: apiMonth,
      horizonMonths: 1,
      oneTime: [],
      recurring: [migration],
    });
    // 1 × 19.50, floor(1 / 15) = 0 migrations
    expect(t.totalUsd.toString()).toBe("19.5");
    expect(t.perMonthUsd.toString()).toBe("19.5");
  });

  it("turns a month count into a Dec", () => {
    expect(months(24).equals(dec(24))).toBe(true);
  });
});

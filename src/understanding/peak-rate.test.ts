import { describe, expect, it } from "vitest";
import { buildCatalog } from "../domain/catalog/catalog.js";
import type { Profile } from "../domain/profile.js";
import { applyFollowUp } from "./follow-up.js";
import type { UnderstandResult } from "./types.js";
import { understand } from "./understand.js";

const catalog = buildCatalog({ pricesAt: new Date("2026-11-21") });
const DAYS = catalog.numberDefault("daysPerMonth");

function advice(text: string): Extract<UnderstandResult, { kind: "advice" }> {
  const r = understand(text, catalog);
  if (r.kind !== "advice") throw new Error(`expected advice for "${text}", got ${JSON.stringify(r)}`);
  return r;
}

describe("a rate said to be the peak", () => {
  it("alone: sizes for it as it is (factor 1) and says the volume is an upper bound", () => {
    const r = advice("50 rps peak");
    // 50 × 86,400 = 4,320,000 a day.
    expect(r.profile).toEqual({ requestsPerDay: 4_320_000, peakToAverageRatio: 1 });
    expect(r.understood.map((u) => u.note)).toEqual([
      "a peak rate taken as steady, × 86,400 seconds a day: an upper bound on the volume; give the monthly volume too",
      "the rate given is the peak, so GPUs are sized for it as it is",
    ]);
  });

  it("beside a monthly volume: gives the peak-to-average factor", () => {
    expect(DAYS).toBe(30);
    // 30,000,000 ÷ (30 × 86,400) = 11.574 a second on average; 50 ÷ 11.574 = 4.32.
    expect(advice("30M requests a month, peak of 50 rps").profile).toEqual({
      requestsPerMonth: 30_000_000,
      peakToAverageRatio: 4.32,
    });
  });

  it("beside a stated factor: gives the average volume", () => {
    // 50 ÷ 5 = 10 a second × 86,400 = 864,000 a day.
    expect(advice("50 rps at peak, peak is 5x average").profile).toEqual({
      requestsPerDay: 864_000,
      peakToAverageRatio: 5,
    });
  });

  it("tells back a peak the factor's bounds cannot hold", () => {
    // 1,000,000 ÷ 2,592,000 = 0.386 a second; 50 ÷ 0.386 = 129.6, above the Profile's 50.
    const r = advice("1M requests a month, 50 rps peak");
    expect(r.profile).toEqual({ requestsPerMonth: 1_000_000 });
    expect(r.unused).toEqual([
      "50 rps peak (50 a second at peak is 129.6× the average of the volume given; the peak-to-average factor must be between 1 and 50)",
    ]);
  });

  it("in a follow-up, takes the thread's volume as the average", () => {
    const thread: Profile = { requestsPerMonth: 10_368_000 };
    // 10,368,000 ÷ 2,592,000 = 4 a second; 20 ÷ 4 = 5.
    const r = applyFollowUp(thread, "peaks at 20 rps", catalog);
    expect(r.kind === "delta" && r.profile).toEqual({ requestsPerMonth: 10_368_000, peakToAverageRatio: 5 });
  });

  it("leaves a plain rate steady, as before", () => {
    expect(advice("50 rps").profile).toEqual({ requestsPerDay: 4_320_000 });
  });
});

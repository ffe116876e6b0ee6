import { describe, expect, it } from "vitest";
import { buildCatalog } from "../domain/catalog/catalog.js";
import type { Profile } from "../domain/profile.js";
import { understand } from "./understand.js";

const catalog = buildCatalog({ pricesAt: new Date("2026-11-21") });

function profileOf(text: string): Profile {
  const r = understand(text, catalog);
  if (r.kind !== "advice") throw new Error(`expected advice for "${text}", got ${JSON.stringify(r)}`);
  expect(r.unused).toEqual([]);
  return r.profile;
}

describe("volume: number formats", () => {
  it.each<[string, Profile]>([
    ["500k requests a month", { requestsPerMonth: 500_000 }],
    ["500K requests/month", { requestsPerMonth: 500_000 }],
    ["1.5M requests per month", { requestsPerMonth: 1_500_000 }],
    ["2 million requests monthly", { requestsPerMonth: 2_000_000 }],
    ["2,000,000 requests /mo", { requestsPerMonth: 2_000_000 }],
    ["2_000_000 requests a month", { requestsPerMonth: 2_000_000 }],
    ["1e6 requests a month", { requestsPerMonth: 1_000_000 }],
    ["half a million requests a month", { requestsPerMonth: 500_000 }],
    ["10 thousand requests a month", { requestsPerMonth: 10_000 }],
    ["2M requests", { requestsPerMonth: 2_000_000 }],
    ["500k/month", { requestsPerMonth: 500_000 }],
  ])("reads %j", (text, expected) => {
    expect(profileOf(text)).toEqual(expected);
  });
});

describe("volume: periods and what is counted", () => {
  it.each<[string, Profile]>([
    ["10k requests per day", { requestsPerDay: 10_000 }],
    ["10k requests a day", { requestsPerDay: 10_000 }],
    ["10k requests daily", { requestsPerDay: 10_000 }],
    ["10k requests/day", { requestsPerDay: 10_000 }],
    ["10k daily requests", { requestsPerDay: 10_000 }],
    ["300 calls a month", { requestsPerMonth: 300 }],
    ["300 messages a month", { requestsPerMonth: 300 }],
    ["300 queries a month", { requestsPerMonth: 300 }],
    ["300 conversations a month", { requestsPerMonth: 300 }],
    ["300 support tickets a month", { requestsPerMonth: 300 }],
    ["300 documents a month", { requestsPerMonth: 300 }],
    ["300 API calls a month", { requestsPerMonth: 300 }],
    ["1.2M requests a year", { requestsPerMonth: 100_000 }],
    ["1,000 requests an hour", { requestsPerDay: 24_000 }],
    ["requests per month: 40k", { requestsPerMonth: 40_000 }],
    ["monthly volume of 2M", { requestsPerMonth: 2_000_000 }],
    ["500-1000 requests a month", { requestsPerMonth: 1_000 }],
  ])("reads %j", (text, expected) => {
    expect(profileOf(text)).toEqual(expected);
  });

  it("notes how a converted figure was derived", () => {
    const r = understand("1.2M requests a year", catalog);
    expect(r.kind === "advice" && r.understood).toEqual([
      {
        field: "requestsPerMonth",
        value: 100_000,
        text: "1.2M requests a year",
        note: "÷ 12 from a yearly figure",
      },
    ]);
  });

  it("reads a steady rate per second as a daily volume", () => {
    expect(profileOf("5 requests per second")).toEqual({ requestsPerDay: 432_000 });
  });

  it("counts calls as calls a month when the use case is voice", () => {
    expect(profileOf("voice assistant with 500 calls a month")).toEqual({
      useCase: "voice",
      callsPerMonth: 500,
    });
    expect(profileOf("2k phone calls a month")).toEqual({ useCase: "voice", callsPerMonth: 2_000 });
  });

  it("does not read money or people as a volume", () => {
    expect(understand("we pay $3k/month today", catalog)).toMatchObject({
      profile: {},
      unused: [
        'pay $3k/month (money, not a request volume: what you spend today is not an input; give the volume, e.g. "500k requests a month")',
      ],
    });
    expect(understand("10k daily active users", catalog)).toMatchObject({
      profile: {},
      unused: ["10k daily active users"],
    });
  });

  it("does not read token counts, minutes or GPUs as a volume", () => {
    expect(profileOf("800 input tokens per request")).toEqual({ inputTokensPerRequest: 800 });
    expect(profileOf("3 minutes per call")).toEqual({ useCase: "voice", minutesPerCall: 3 });
    expect(profileOf("we have 4 A100s")).toEqual({ gpusOnHand: { gpuType: "A100", count: 4 } });
  });
});

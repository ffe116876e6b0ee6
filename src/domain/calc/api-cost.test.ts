import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { miniByHand as miniPrice } from "../../../test/fixtures/prices.js";
import { buildCatalog, type HostedModelPrice } from "../catalog/catalog.js";
import type { BatchDiscount } from "../catalog/schema.js";
import { dec } from "../money.js";
import { apiCostByPeriod, apiCostPerRequest, apiMonthlyCost } from "./api-cost.js";

const catalog = buildCatalog({ pricesAt: new Date("2026-11-21") });

const miniByHand = miniPrice();

/** 003's gpt-4o figures. */
const gpt4oByHand: HostedModelPrice = {
  ...miniByHand,
  key: "openai:gpt-4o",
  model: "gpt-4o",
  inputPerMTokUsd: dec("2.50"),
  cachedInputPerMTokUsd: dec("1.25"),
  outputPerMTokUsd: dec("10.00"),
  source: "seeds/003_b115a8f15225916a.txt (estimate_api_costs)",
};

const halfPrice: BatchDiscount = {
  id: "test:batch",
  providerId: "openai",
  priceFactor: 0.5,
  asOf: "2026-11-21",
  source: "test",
};

const hosted = (name: string, inputTokens = 0): HostedModelPrice => {
  const r = catalog.hostedPrice(name, inputTokens);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

const seed000 = { requestsPerMonth: 100_000, inputTokensPerRequest: 500, cachedInputTokensPerRequest: 0 };

describe("apiMonthlyCost (seed 000)", () => {
  it("costs 100K messages at 500 in / 200 out on gpt-4o-mini $19.50 a month", () => {
    const b = apiMonthlyCost(miniByHand, { ...seed000, outputTokensPerRequest: 200 });
    const [input, output] = b.lineItems;
    // 100,000 × 500 = 50M input tokens × $0.15/M = $7.50
    expect(input?.code).toBe("api.input-tokens");
    expect(input?.quantity.toString()).toBe("50");
    expect(input?.unit).toBe("1M tokens");
    expect(input?.costUsd.toString()).toBe("7.5");
    // 100,000 × 200 = 20M output tokens × $0.60/M = $12.00
    expect(output?.code).toBe("api.output-tokens");
    expect(output?.quantity.toString()).toBe("20");
    expect(output?.costUsd.toString()).toBe("12");
    // 7.50 + 12.00 = 19.50
    expect(b.lineItems).toHaveLength(2);
    expect(b.monthlyCostUsd.toString()).toBe("19.5");
    expect(b.issues).toEqual([]);
  });

  it("costs the same $19.50 with the catalog's gpt-4o-mini price", () => {
    const b = apiMonthlyCost(hosted("gpt-4o-mini", 500), { ...seed000, outputTokensPerRequest: 200 });
    // 50M × $0.15 + 20M × $0.60 = 7.50 + 12.00 = 19.50
    expect(b.monthlyCostUsd.equals(dec("19.50"))).toBe(true);
    expect(b.lineItems.every((l) => l.source.includes("@pydantic/genai-prices"))).toBe(true);
  });

  it("charges cached input tokens at the cache-hit price", () => {
    const b = apiMonthlyCost(miniByHand, {
      ...seed000,
      cachedInputTokensPerRequest: 300,
      outputTokensPerRequest: 200,
    });
    const byCode = Object.fromEntries(b.lineItems.map((l) => [l.code, l]));
    // uncached: 100,000 × (500 − 300) = 20M × $0.15 = $3.00
    expect(byCode["api.input-tokens"]?.quantity.toString()).toBe("20");
    expect(byCode["api.input-tokens"]?.costUsd.toString()).toBe("3");
    // cached: 100,000 × 300 = 30M × $0.075 = $2.25
    expect(byCode["api.cached-input-tokens"]?.quantity.toString()).toBe("30");
    expect(byCode["api.cached-input-tokens"]?.unitPriceUsd.toString()).toBe("0.075");
    expect(byCode["api.cached-input-tokens"]?.costUsd.toString()).toBe("2.25");
    expect(byCode["api.cached-input-tokens"]?.flag).toBeUndefined();
    // output: 20M × $0.60 = $12.00; total 3.00 + 2.25 + 12.00 = 17.25
    expect(b.monthlyCostUsd.toString()).toBe("17.25");
  });

  it("bills cached tokens at the input price, flagged, when there is no cache-hit price", () => {
    const noCache = { ...miniByHand, cachedInputPerMTokUsd: null };
    const b = apiMonthlyCost(noCache, {
      ...seed000,
      cachedInputTokensPerRequest: 300,
      outputTokensPerRequest: 200,
    });
    const cached = b.lineItems.find((l) => l.code === "api.cached-input-tokens");
    // 30M × $0.15 = $4.50
    expect(cached?.flag).toBe("no-cached-price");
    expect(cached?.costUsd.toString()).toBe("4.5");
    // 3.00 + 4.50 + 12.00 = 19.50: the same as without caching
    expect(b.monthlyCostUsd.toString()).toBe("19.5");
  });

  it("drops the uncached line when every input token is a cache hit", () => {
    const b = apiMonthlyCost(miniByHand, {
      ...seed000,
      cachedInputTokensPerRequest: 500,
      outputTokensPerRequest: 200,
    });
    expect(b.lineItems.map((l) => l.code)).toEqual(["api.cached-input-tokens", "api.output-tokens"]);
    // 50M × $0.075 = $3.75, + $12.00 = $15.75
    expect(b.monthlyCostUsd.toString()).toBe("15.75");
  });

  it("halves every line with a batch discount factor of 0.5", () => {
    const usage = { ...seed000, cachedInputTokensPerRequest: 300, outputTokensPerRequest: 200 };
    const full = apiMonthlyCost(miniByHand, usage);
    const batch = apiMonthlyCost(miniByHand, usage, halfPrice);
    expect(batch.lineItems).toHaveLength(full.lineItems.length);
    batch.lineItems.forEach((l, i) => {
      expect(l.costUsd.equals(full.lineItems[i]?.costUsd.times("0.5") ?? dec(-1))).toBe(true);
      expect(l.label).toContain("(batch, ×0.5)");
      expect(l.source).toContain("batch: test");
    });
    // 20M × 0.075 + 30M × 0.0375 + 20M × 0.30 = 1.50 + 1.125 + 6.00 = 8.625 (half of 17.25)
    expect(batch.monthlyCostUsd.toString()).toBe("8.625");
  });

  it("halves 000's bill with the catalog's OpenAI batch discount", () => {
    const openaiBatch = catalog.batchDiscount("openai");
    if (!openaiBatch) throw new Error("no OpenAI batch discount");
    const b = apiMonthlyCost(miniByHand, { ...seed000, outputTokensPerRequest: 200 }, openaiBatch);
    // 50M × $0.075 + 20M × $0.30 = 3.75 + 6.00 = 9.75
    expect(b.monthlyCostUsd.toString()).toBe("9.75");
  });

  it("gives a flagged, zero-cost output line for a model without an output price", () => {
    const b = apiMonthlyCost(hosted("text-embedding-3-small"), { ...seed000, outputTokensPerRequest: 200 });
    const output = b.lineItems.find((l) => l.code === "api.output-tokens");
    expect(output?.flag).toBe("price-not-found");
    // 100,000 × 200 = 20M tokens, shown but costed $0
    expect(output?.quantity.toString()).toBe("20");
    expect(output?.costUsd.toString()).toBe("0");
    expect(output?.note).toContain("no output-token price");
    // input: 50M × $0.02 = $1.00
    expect(b.monthlyCostUsd.equals(dec("1"))).toBe(true);
  });

  it("gives no output line for an embedding model asked for no output tokens", () => {
    const b = apiMonthlyCost(hosted("text-embedding-3-small"), { ...seed000, outputTokensPerRequest: 0 });
    expect(b.lineItems.map((l) => l.code)).toEqual(["api.input-tokens"]);
    expect(b.lineItems.some((l) => l.flag !== undefined)).toBe(false);
  });

  it("costs zero requests $0, keeping the lines", () => {
    const b = apiMonthlyCost(miniByHand, { ...seed000, requestsPerMonth: 0, outputTokensPerRequest: 200 });
    expect(b.lineItems).toHaveLength(2);
    expect(b.lineItems.every((l) => l.costUsd.isZero() && l.quantity.isZero())).toBe(true);
    expect(b.monthlyCostUsd.toString()).toBe("0");
  });

  it("costs requests with zero tokens $0", () => {
    const b = apiMonthlyCost(miniByHand, {
      requestsPerMonth: 100_000,
      inputTokensPerRequest: 0,
      cachedInputTokensPerRequest: 0,
      outputTokensPerRequest: 0,
    });
    expect(b.lineItems.map((l) => l.code)).toEqual(["api.input-tokens"]);
    expect(b.monthlyCostUsd.toString()).toBe("0");
  });

  it("has no price for an unknown model, and says what was meant", () => {
    const r = catalog.hostedPrice("gpt-4o-mni", 500);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe("unknown-model");
    expect(r.error.message).toMatch(/^no price for "gpt-4o-mni"; did you mean gpt-4o-mini/);
  });

  it("uses gpt-5.4's long-prompt price for a request of 300,000 input tokens", () => {
    const long = hosted("gpt-5.4", 300_000);
    expect(long.inputPerMTokUsd.toString()).toBe("5");
    const b = apiMonthlyCost(long, {
      requestsPerMonth: 1000,
      inputTokensPerRequest: 300_000,
      cachedInputTokensPerRequest: 0,
      outputTokensPerRequest: 0,
    });
    // 1,000 × 300,000 = 300M tokens × $5/M = $1,500
    expect(b.monthlyCostUsd.toString()).toBe("1500");
    expect(b.lineItems[0]?.note).toContain("271,999");
  });

  it("uses gpt-5.4's base price for a request of 200,000 input tokens", () => {
    const short = hosted("gpt-5.4", 200_000);
    expect(short.tierNote).toBeNull();
    const b = apiMonthlyCost(short, {
      requestsPerMonth: 1000,
      inputTokensPerRequest: 200_000,
      cachedInputTokensPerRequest: 0,
      outputTokensPerRequest: 0,
    });
    // 1,000 × 200,000 = 200M tokens × $2.50/M = $500
    expect(b.monthlyCostUsd.toString()).toBe("500");
    expect(b.lineItems[0]?.note).toBeUndefined();
  });
});

describe("apiCostPerRequest", () => {
  it("costs one 500/200 gpt-4o-mini request $0.000195", () => {
    // 500/1e6 × 0.15 + 200/1e6 × 0.60 = 0.000075 + 0.00012 = 0.000195
    const k = apiCostPerRequest(miniByHand, {
      inputTokensPerRequest: 500,
      cachedInputTokensPerRequest: 0,
      outputTokensPerRequest: 200,
    });
    expect(k.toString()).toBe("0.000195");
  });

  it("is the exact slope of the monthly cost", () => {
    const money = fc.integer({ min: 0, max: 10_000_000 }).map((c) => dec(c).dividedBy(1000));
    fc.assert(
      fc.property(
        money,
        money,
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 0, max: 200_000 }),
        fc.integer({ min: 0, max: 200_000 }),
        (input, output, requests, inTokens, outTokens) => {
          const price = { ...miniByHand, inputPerMTokUsd: input, outputPerMTokUsd: output };
          const usage = {
            inputTokensPerRequest: inTokens,
            cachedInputTokensPerRequest: 0,
            outputTokensPerRequest: outTokens,
          };
          const monthly = apiMonthlyCost(price, { ...usage, requestsPerMonth: requests }).monthlyCostUsd;
          // requests × (in × p_in + out × p_out) / 1e6, computed apart from the calculator
          const expected = dec(requests)
            .times(dec(inTokens).times(input).plus(dec(outTokens).times(output)))
            .dividedBy(1_000_000);
          expect(monthly.equals(expected)).toBe(true);
          expect(monthly.equals(apiCostPerRequest(price, usage).times(requests))).toBe(true);
        },
      ),
    );
  });
});

describe("apiCostByPeriod (seed 003's estimate_api_costs)", () => {
  const daysPerMonth = catalog.numberDefault("daysPerMonth");
  const usage = {
    requestsPerDay: 10_000,
    inputTokensPerRequest: 500,
    cachedInputTokensPerRequest: 0,
    outputTokensPerRequest: 200,
  };

  it("uses 003's 30 days a month", () => {
    expect(daysPerMonth).toBe(30);
  });

  it("costs 10,000 requests a day at 500/200 on gpt-4o-mini $1.95 a day, $58.50 a month, $711.75 a year", () => {
    const p = apiCostByPeriod(miniByHand, usage, daysPerMonth);
    // daily = 10,000×500/1e6×0.15 + 10,000×200/1e6×0.60 = 0.75 + 1.20 = 1.95
    expect(p.dailyUsd.toString()).toBe("1.95");
    // monthly = 1.95 × 30 = 58.50
    expect(p.monthlyUsd.toString()).toBe("58.5");
    // yearly = 1.95 × 365 = 711.75
    expect(p.yearlyUsd.toString()).toBe("711.75");
    // 003's yearly is ×365 while its monthly is ×30, so yearly is not 12 × monthly (12 × 58.50 = 702.00).
    expect(p.yearlyUsd.equals(p.monthlyUsd.times(12))).toBe(false);
    expect(p.daysPerMonth).toBe(30);
    expect(p.daysPerYear).toBe(365);
  });

  it("gives the same with the catalog's gpt-4o-mini price", () => {
    const p = apiCostByPeriod(hosted("gpt-4o-mini", 500), usage, daysPerMonth);
    expect(p.dailyUsd.toString()).toBe("1.95");
    expect(p.monthlyUsd.toString()).toBe("58.5");
  });

  it("costs the same traffic on gpt-4o $32.50 a day, $975.00 a month, $11,862.50 a year", () => {
    const p = apiCostByPeriod(gpt4oByHand, usage, daysPerMonth);
    // daily = 10,000×500/1e6×2.50 + 10,000×200/1e6×10.00 = 12.50 + 20.00 = 32.50
    expect(p.dailyUsd.toString()).toBe("32.5");
    // monthly = 32.50 × 30 = 975.00; yearly = 32.50 × 365 = 11,862.50
    expect(p.monthlyUsd.toString()).toBe("975");
    expect(p.yearlyUsd.toString()).toBe("11862.5");
  });

  it("gives gpt-4o from the catalog the same $32.50 a day", () => {
    const p = apiCostByPeriod(hosted("gpt-4o", 500), usage, daysPerMonth);
    expect(p.dailyUsd.equals(dec("32.50"))).toBe(true);
  });

  it("costs 1,000 requests a day at 1,000/500 on gpt-4o-mini $0.45 a day, $13.50 a month, $164.25 a year", () => {
    const p = apiCostByPeriod(
      miniByHand,
      {
        requestsPerDay: 1000,
        inputTokensPerRequest: 1000,
        cachedInputTokensPerRequest: 0,
        outputTokensPerRequest: 500,
      },
      daysPerMonth,
    );
    // daily = 1,000×1,000/1e6×0.15 + 1,000×500/1e6×0.60 = 0.15 + 0.30 = 0.45
    expect(p.dailyUsd.toString()).toBe("0.45");
    // monthly = 0.45 × 30 = 13.50; yearly = 0.45 × 365 = 164.25
    expect(p.monthlyUsd.toString()).toBe("13.5");
    expect(p.yearlyUsd.toString()).toBe("164.25");
  });

  it("costs zero requests a day $0 in every period", () => {
    const p = apiCostByPeriod(miniByHand, { ...usage, requestsPerDay: 0 }, daysPerMonth);
    expect([p.dailyUsd, p.monthlyUsd, p.yearlyUsd].map((d) => d.toString())).toEqual(["0", "0", "0"]);
  });
});

import type { HostedModelPrice } from "../catalog/hosted-prices.js";
import type { BatchDiscount } from "../catalog/schema.js";
import { type Dec, dec, MILLION, type Numeric, ONE } from "../money.js";
import { breakdown, type CostBreakdown, type LineItem, line, missingPriceLine } from "./line-items.js";

/** Token volume of a hosted-API workload. Input tokens include the cached ones, as in OpenAI's usage reports. */
export interface ApiUsage {
  requestsPerMonth: Numeric;
  inputTokensPerRequest: number;
  cachedInputTokensPerRequest: number;
  outputTokensPerRequest: number;
}

/**
 * Monthly cost of a hosted model: requests × tokens × price per 1M tokens, split into uncached input,
 * cached input and output lines. A batch discount, when given, multiplies every token price.
 */
export function apiMonthlyCost(
  price: HostedModelPrice,
  usage: ApiUsage,
  batch?: BatchDiscount,
): CostBreakdown {
  const requests = dec(usage.requestsPerMonth);
  const factor = batch ? dec(batch.priceFactor) : ONE;
  const suffix = batch ? ` (batch, ×${batch.priceFactor})` : "";
  const src = batch ? `${price.source}; batch: ${batch.source}` : price.source;
  const mtok = (tokensPerRequest: number): Dec => requests.times(tokensPerRequest).dividedBy(MILLION);
  const uncached = usage.inputTokensPerRequest - usage.cachedInputTokensPerRequest;
  const lines: LineItem[] = [];

  if (uncached > 0 || usage.cachedInputTokensPerRequest === 0) {
    lines.push(
      line(
        "api.input-tokens",
        `${price.model} input tokens${suffix}`,
        mtok(uncached),
        "1M tokens",
        price.inputPerMTokUsd.times(factor),
        src,
        price.tierNote ? { note: price.tierNote } : {},
      ),
    );
  }
  if (usage.cachedInputTokensPerRequest > 0) {
    const cachedPrice = price.cachedInputPerMTokUsd;
    lines.push(
      cachedPrice === null
        ? line(
            "api.cached-input-tokens",
            `${price.model} cached input tokens${suffix}`,
            mtok(usage.cachedInputTokensPerRequest),
            "1M tokens",
            price.inputPerMTokUsd.times(factor),
            src,
            {
              flag: "no-cached-price",
              note: "no cache-hit price in the catalog: billed at the input price",
            },
          )
        : line(
            "api.cached-input-tokens",
            `${price.model} cached input tokens${suffix}`,
            mtok(usage.cachedInputTokensPerRequest),
            "1M tokens",
            cachedPrice.times(factor),
            src,
          ),
    );
  }
  if (usage.outputTokensPerRequest > 0) {
    const out = price.outputPerMTokUsd;
    lines.push(
      out === null
        ? missingPriceLine(
            "api.output-tokens",
            `${price.model} output tokens`,
            mtok(usage.outputTokensPerRequest),
            "1M tokens",
            `${price.model} has no output-token price (it is not a text-generation model)`,
          )
        : line(
            "api.output-tokens",
            `${price.model} output tokens${suffix}`,
            mtok(usage.outputTokensPerRequest),
            "1M tokens",
            out.times(factor),
            src,
          ),
    );
  }
  return breakdown(lines);
}

/** Cost of one request: the slope of the API's cost line, used for break-even. */
export function apiCostPerRequest(
  price: HostedModelPrice,
  usage: Omit<ApiUsage, "requestsPerMonth">,
  batch?: BatchDiscount,
): Dec {
  return apiMonthlyCost(price, { ...usage, requestsPerMonth: 1 }, batch).monthlyCostUsd;
}

/** Daily, monthly and yearly cost from a daily volume, as 003's estimate_api_costs computes them. */
export interface PeriodCosts {
  daily: CostBreakdown;
  dailyUsd: Dec;
  monthlyUsd: Dec;
  yearlyUsd: Dec;
  daysPerMonth: number;
  daysPerYear: number;
}

export function apiCostByPeriod(
  price: HostedModelPrice,
  usage: Omit<ApiUsage, "requestsPerMonth"> & { requestsPerDay: Numeric },
  daysPerMonth: number,
  daysPerYear = 365,
): PeriodCosts {
  const daily = apiMonthlyCost(price, { ...usage, requestsPerMonth: usage.requestsPerDay });
  return {
    daily,
    dailyUsd: daily.monthlyCostUsd,
    monthlyUsd: daily.monthlyCostUsd.times(daysPerMonth),
    yearlyUsd: daily.monthlyCostUsd.times(daysPerYear),
    daysPerMonth,
    daysPerYear,
  };
}

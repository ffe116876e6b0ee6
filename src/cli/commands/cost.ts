import { apiCostByPeriod, apiMonthlyCost } from "../../domain/calc/api-cost.js";
import { formatUsd } from "../../domain/format.js";
import { toJsonNumber } from "../../domain/money.js";
import { LIMITS } from "../../domain/profile.js";
import { breakdownJson, lineItemJson } from "../../render/json.js";
import type { CostJson } from "../../render/json-documents.js";
import { breakdownMarkdown } from "../../render/markdown.js";
import { breakdownText } from "../../render/text.js";
import { type CliContext, emit } from "../context.js";
import { badInput, CliError } from "../errors.js";
import { parseCount, parseModelName } from "../flags.js";
import { type TokenFlags, tokenFlags } from "./token-flags.js";

export interface CostFlags extends TokenFlags {
  model?: string;
  requests?: string;
  requestsPerDay?: string;
  batch?: boolean;
}

/** `llm-advise cost`: the API bill for a model and a volume, as line items. */
export function costCommand(ctx: CliContext, flags: CostFlags): void {
  const model = parseModelName("model", flags.model);
  if (!model) throw badInput("--model is required, e.g. --model gpt-4o-mini");
  const tokens = tokenFlags(flags);
  const whole = { integer: true, positive: true };
  const perMonth = parseCount("requests", flags.requests, LIMITS.requestsPerMonth, whole);
  const perDay = parseCount("requests-per-day", flags.requestsPerDay, LIMITS.requestsPerDay, whole);
  if (perMonth === undefined && perDay === undefined)
    throw badInput("give the volume: --requests <per month> or --requests-per-day <per day>");
  if (perMonth !== undefined && perDay !== undefined)
    throw badInput("give either --requests or --requests-per-day, not both");
  const price = ctx.catalog.hostedPrice(model, tokens.inputTokensPerRequest);
  if (!price.ok) throw new CliError("unknown-model", price.error.message);
  const batch = flags.batch ? ctx.catalog.batchDiscount(price.value.providerId) : undefined;
  if (flags.batch && !batch)
    throw badInput(`no batch discount is known for ${price.value.providerName}; drop --batch`);

  if (perDay !== undefined) {
    const daysPerMonth = ctx.catalog.numberDefault("daysPerMonth");
    const p = apiCostByPeriod(price.value, { ...tokens, requestsPerDay: perDay }, daysPerMonth);
    // The contract's lineItems add up to its monthlyCostUsd: a month's bill; the day's sits under `daily`.
    const month = apiMonthlyCost(price.value, { ...tokens, requestsPerMonth: perDay * p.daysPerMonth });
    const title = `${price.value.model} (${price.value.providerName}), ${perDay.toLocaleString("en-US")} requests a day`;
    const period = `Daily ${formatUsd(p.dailyUsd)}; monthly (× ${p.daysPerMonth} days) ${formatUsd(p.monthlyUsd)}; yearly (× ${p.daysPerYear} days) ${formatUsd(p.yearlyUsd)}`;
    emit(
      ctx,
      `${breakdownText(`${title}, one day:`, p.daily)}\n${period}`,
      `${breakdownMarkdown(`${title}, one day`, p.daily)}\n\n${period}`,
      {
        schemaVersion: 1,
        kind: "cost",
        model: price.value.key,
        inputs: { requestsPerDay: perDay, ...tokens, batch: Boolean(flags.batch) },
        ...breakdownJson(month),
        daily: {
          costUsd: toJsonNumber(p.daily.monthlyCostUsd),
          lineItems: p.daily.lineItems.map(lineItemJson),
        },
        period: {
          dailyUsd: p.dailyUsd.toNumber(),
          monthlyUsd: p.monthlyUsd.toNumber(),
          yearlyUsd: p.yearlyUsd.toNumber(),
          daysPerMonth: p.daysPerMonth,
          daysPerYear: p.daysPerYear,
        },
        pricesAsOf: price.value.asOf,
      } satisfies CostJson,
    );
    return;
  }
  const bill = apiMonthlyCost(price.value, { ...tokens, requestsPerMonth: perMonth ?? 0 }, batch);
  const title = `${price.value.model} (${price.value.providerName}), ${(perMonth ?? 0).toLocaleString("en-US")} requests a month${batch ? ", batch" : ""}`;
  emit(ctx, breakdownText(`${title}:`, bill), breakdownMarkdown(title, bill), {
    schemaVersion: 1,
    kind: "cost",
    model: price.value.key,
    inputs: { requestsPerMonth: perMonth, ...tokens, batch: Boolean(flags.batch) },
    ...breakdownJson(bill),
    pricesAsOf: price.value.asOf,
  } satisfies CostJson);
}

import { apiCostPerRequest } from "../../domain/calc/api-cost.js";
import {
  breakEven,
  curveVolumes,
  flatCurve,
  type SelfHostedCurve,
  selfHostedCostAt,
} from "../../domain/calc/break-even.js";
import { flatSelfHostedCost } from "../../domain/calc/self-hosted-flat.js";
import { formatCount, formatUsd } from "../../domain/format.js";
import { toCents, toJsonNumber } from "../../domain/money.js";
import { cheapestPlan, cloudInstances } from "../../domain/options/self-hosted-options.js";
import { optionSettings } from "../../domain/options/settings.js";
import { CLOUDS, type Cloud, LIMITS } from "../../domain/profile.js";
import { resolveProfile } from "../../domain/resolve-profile.js";
import type { BreakevenJson } from "../../render/json-documents.js";
import { type CliContext, emit } from "../context.js";
import { badInput, CliError } from "../errors.js";
import { parseCount, parseModelName, said } from "../flags.js";
import { type TokenFlags, tokenFlags } from "./token-flags.js";

export interface BreakevenFlags extends TokenFlags {
  model?: string;
  requests?: string;
  selfHosted?: string;
  selfHostedMonthly?: string;
  instance?: string;
  cloud?: string;
}

interface SelfSide {
  label: string;
  curve: SelfHostedCurve;
}

/** The self-hosted side: a flat monthly figure, a sized model, or 003's own $9,500 example. */
function selfSide(
  ctx: CliContext,
  flags: BreakevenFlags,
  tokens: ReturnType<typeof tokenFlags>,
  volume: number,
): SelfSide {
  const monthly = parseCount("self-hosted-monthly", flags.selfHostedMonthly, LIMITS.moneyPerMonthUsd);
  const selfHosted = parseModelName("self-hosted", flags.selfHosted);
  if (monthly !== undefined && selfHosted !== undefined)
    throw badInput(
      "give either --self-hosted (size a model) or --self-hosted-monthly (a flat cost), not both",
    );
  if (selfHosted === undefined)
    for (const [flag, value] of [
      ["cloud", flags.cloud],
      ["instance", flags.instance],
    ] as const)
      if (value !== undefined)
        throw badInput(
          `--${flag} sizes the model given with --self-hosted; add --self-hosted <model> or drop --${flag}`,
        );
  if (monthly !== undefined)
    return { label: `self-hosted at ${formatUsd(monthly)} a month (flat)`, curve: flatCurve(monthly) };
  if (selfHosted) {
    const model = ctx.catalog.openWeightModel(selfHosted);
    if (!model)
      throw new CliError(
        "unknown-model",
        `no open-weight model "${said(selfHosted)}" in the catalog; try ${ctx.catalog.data.openWeightModels.map((m) => m.id).join(", ")}`,
      );
    const cloud = (flags.cloud ?? "aws").toLowerCase();
    if (!(CLOUDS as readonly string[]).includes(cloud))
      throw badInput(`--cloud must be one of ${CLOUDS.join(", ")}; got "${said(flags.cloud ?? "")}"`);
    const { profile } = resolveProfile(
      { ...tokens, requestsPerMonth: volume, cloud: cloud as Cloud },
      ctx.catalog,
    );
    const instances = flags.instance
      ? ctx.catalog.data.gpuInstances.filter((g) => g.id === flags.instance)
      : cloudInstances(profile, ctx.catalog);
    if (instances.length === 0)
      throw badInput(
        `no GPU instance "${said(flags.instance ?? "")}" in the catalog; llm-advise catalog lists them`,
      );
    const { sized, problems } = cheapestPlan(
      model,
      instances,
      profile,
      ctx.catalog,
      optionSettings(ctx.catalog),
      volume,
    );
    if (!sized)
      throw badInput(
        problems[0]?.message ??
          `no throughput benchmark covers ${model.name} on these instances; give --self-hosted-monthly instead`,
      );
    return {
      label: `${model.name} on ${sized.instance.name}${sized.instance.name.includes(sized.instance.gpuType) ? "" : ` (${sized.instance.gpuCount}× ${sized.instance.gpuType})`}, sized by throughput`,
      curve: sized.plan,
    };
  }
  const est = ctx.catalog.data.flatEstimates.find((f) => f.id === "seed-003-llama3-70b-4xa100");
  if (!est) throw new CliError("internal", "the catalog lost 003's flat estimate");
  return {
    label: `${est.label} (${formatUsd(flatSelfHostedCost(est).monthlyCostUsd)} a month)`,
    curve: flatCurve(flatSelfHostedCost(est).monthlyCostUsd),
  };
}

/** `llm-advise breakeven`: the volume at which self-hosting costs what the API costs. */
export function breakevenCommand(ctx: CliContext, flags: BreakevenFlags): void {
  const modelName = parseModelName("model", flags.model);
  if (!modelName) throw badInput("--model is required (the API model), e.g. --model gpt-4o-mini");
  const tokens = tokenFlags(flags);
  // Without --requests there is no volume to compare at: those figures are null, not zero.
  const volume = parseCount("requests", flags.requests, LIMITS.requestsPerMonth, {
    integer: true,
    positive: true,
  });
  const price = ctx.catalog.hostedPrice(modelName, tokens.inputTokensPerRequest);
  if (!price.ok) throw new CliError("unknown-model", price.error.message);
  const perRequest = apiCostPerRequest(price.value, tokens);
  const self = selfSide(ctx, flags, tokens, volume ?? 0);
  const be = breakEven(perRequest, self.curve);
  const at =
    volume === undefined
      ? null
      : { api: perRequest.times(volume), self: selfHostedCostAt(self.curve, volume) };
  const recommendation = at ? (at.self.lessThan(at.api) ? "Self-host" : "Use API") : null;
  // The break-even is a whole request count: both sides are priced at it, and "either way" only within a cent.
  const atBreakEven =
    be.kind === "at"
      ? {
          api: perRequest.times(be.requestsPerMonth),
          self: selfHostedCostAt(self.curve, be.requestsPerMonth),
        }
      : null;
  const agree =
    atBreakEven !== null &&
    toCents(atBreakEven.api).minus(toCents(atBreakEven.self)).abs().lessThanOrEqualTo("0.01");
  const lines = [
    `API: ${price.value.model} at ${formatUsd(perRequest)} a request (${tokens.inputTokensPerRequest} in / ${tokens.outputTokensPerRequest} out)`,
    `Self-hosted: ${self.label}`,
    ...(at && volume !== undefined
      ? [
          `At ${formatCount(volume)} requests a month: API ${formatUsd(at.api)}, self-hosted ${formatUsd(at.self)} → ${recommendation} (saves ${formatUsd(at.api.minus(at.self).abs())} a month)`,
        ]
      : []),
    be.kind === "at" && atBreakEven
      ? `Break-even: ${formatCount(be.requestsPerMonth)} requests a month (${
          agree
            ? `${formatUsd(be.monthlyCostUsd)} a month either way`
            : `API ${formatUsd(atBreakEven.api)}, self-hosted ${formatUsd(atBreakEven.self)}`
        })`
      : `Break-even: none; ${be.kind === "never" && be.reason === "api-free" ? "the API costs nothing per request" : "each GPU instance costs more than the API traffic it can carry"}`,
  ];
  const curve = curveVolumes(Math.max(volume ?? 0, 1000), be.kind === "at" ? be.requestsPerMonth : null).map(
    (v) => ({
      requestsPerMonth: v,
      apiUsd: toJsonNumber(perRequest.times(v)),
      selfHostedUsd: toJsonNumber(selfHostedCostAt(self.curve, v)),
    }),
  );
  const body: BreakevenJson = {
    schemaVersion: 1,
    kind: "breakeven",
    api: {
      model: price.value.key,
      perRequestUsd: toJsonNumber(perRequest, 9),
      monthlyCostUsd: at ? toJsonNumber(at.api) : null,
    },
    selfHosted: { description: self.label, monthlyCostUsd: at ? toJsonNumber(at.self) : null },
    requestsPerMonth: volume ?? null,
    recommendation,
    savingsUsd: at ? toJsonNumber(at.api.minus(at.self).abs()) : null,
    breakEven:
      be.kind === "at"
        ? {
            requestsPerMonth: be.requestsPerMonth,
            exactRequestsPerMonth: toJsonNumber(be.exactRequestsPerMonth, 3),
            monthlyCostUsd: toJsonNumber(be.monthlyCostUsd),
            apiMonthlyCostUsd: atBreakEven ? toJsonNumber(atBreakEven.api) : null,
            selfHostedMonthlyCostUsd: atBreakEven ? toJsonNumber(atBreakEven.self) : null,
            reason: null,
          }
        : {
            requestsPerMonth: null,
            exactRequestsPerMonth: null,
            monthlyCostUsd: null,
            apiMonthlyCostUsd: null,
            selfHostedMonthlyCostUsd: null,
            reason: be.reason,
          },
    curve,
    pricesAsOf: price.value.asOf,
  };
  emit(ctx, lines.join("\n"), lines.map((l) => `- ${l}`).join("\n"), body);
}

import { weightsMemoryTable } from "../../domain/catalog/catalog.js";
import type { ProjectData } from "../../domain/catalog/schema.js";
import { formatUnitUsd, formatUsd } from "../../domain/format.js";
import { type CliContext, emit } from "../context.js";
import { badInput } from "../errors.js";
import { said } from "../flags.js";

type Section = keyof ProjectData;
const SECTIONS: readonly Section[] = [
  "gpuInstances",
  "openWeightModels",
  "throughput",
  "voicePrices",
  "embeddings",
  "lifecycle",
  "privateCloud",
  "batchDiscounts",
  "flatEstimates",
  "candidates",
  "defaults",
  "hostedPrices",
  "apiModelTiers",
];

/** One line per entry: what it says, as of when, from where. */
function lines(data: ProjectData, section: Section): string[] {
  switch (section) {
    case "gpuInstances":
      return data.gpuInstances.map((g) => {
        const price =
          g.hourlyUsd !== undefined
            ? `${formatUnitUsd(g.hourlyUsd)}/h`
            : g.monthlyUsd !== undefined
              ? `${formatUsd(g.monthlyUsd)}/month`
              : `${formatUsd(g.purchaseUsd ?? 0)} to buy`;
        return `${g.id}: ${g.gpuCount}× ${g.gpuType} ${g.gpuMemoryGb} GB, ${price} (as of ${g.asOf}; ${g.source})`;
      });
    case "openWeightModels":
      return data.openWeightModels.map((m) => {
        const mem = weightsMemoryTable(m);
        return `${m.id}: ${m.name}, ${m.parametersB}B, ${m.openness}, ${m.license}; weights ${mem.fp16} GB fp16 / ${mem.int8} GB int8 / ${mem.int4} GB int4 (as of ${m.asOf}; ${m.source})`;
      });
    case "throughput":
      return data.throughput.map(
        (t) =>
          `${t.id}: ${t.model} on ${t.gpusPerReplica}× ${t.gpuType} ${t.precision}: ${t.outputTokensPerSecond} output tok/s (${t.conditions}; as of ${t.asOf}; ${t.source})`,
      );
    case "voicePrices":
      return data.voicePrices.map(
        (v) =>
          `${v.id}${v.default ? " (default)" : ""}: ${v.vendor} ${v.product}, ${formatUnitUsd(v.unitPriceUsd)} per ${v.unit} (as of ${v.asOf}; ${v.source})`,
      );
    case "embeddings":
      return data.embeddings.map(
        (e) => `${e.id}: ${e.kind}, ${e.dimensions} dimensions (as of ${e.asOf}; ${e.source})`,
      );
    case "lifecycle":
      return data.lifecycle.map(
        (l) =>
          `${l.provider}:${l.model}: deprecated ${l.deprecatedOn ?? "-"}, retires ${l.retiresOn ?? "-"}${l.replacement ? `, replacement ${l.replacement}` : ""} (as of ${l.asOf}; ${l.source})`,
      );
    case "privateCloud":
      return data.privateCloud.map(
        (o) =>
          `${o.id}: ${o.label}: ${o.models.map((m) => m.name).join(", ")} (as of ${o.asOf}; ${o.source})`,
      );
    case "batchDiscounts":
      return data.batchDiscounts.map(
        (b) => `${b.id}: ${b.providerId} batch price × ${b.priceFactor} (as of ${b.asOf}; ${b.source})`,
      );
    case "flatEstimates":
      return data.flatEstimates.map(
        (f) =>
          `${f.id}: ${f.label}: infrastructure ${f.infrastructureUsd.join("-")}, setup ${f.setupAmortizedUsd.join("-")}, operations ${f.operationsUsd.join("-")}, other ${f.otherUsd.join("-")} USD a month (${f.source})`,
      );
    case "candidates":
      return data.candidates.map(
        (c) => `${c.useCase}: API ${c.api.join(", ")}; self-hosted ${c.selfHosted.join(", ") || "-"}`,
      );
    case "defaults":
      return Object.entries(data.defaults).map(
        ([k, d]) => `${k} = ${String(d.value)}: ${d.reason} (${d.source})`,
      );
    case "apiModelTiers":
      return data.apiModelTiers.map(
        (t) => `${t.model}: tier ${t.tier}, ${t.basis} (as of ${t.asOf}; ${t.source})`,
      );
    case "hostedPrices":
      return data.hostedPrices.map(
        (h) =>
          `${h.providerId}:${h.model}: ${h.inputPerMTokUsd}/${h.outputPerMTokUsd} USD per 1M (as of ${h.asOf}; ${h.source})`,
      );
  }
}

/** `llm-advise catalog`: the data behind every figure, each entry dated and sourced. */
export function catalogCommand(ctx: CliContext, section: string | undefined): void {
  if (section !== undefined && !(SECTIONS as readonly string[]).includes(section)) {
    throw badInput(`--section must be one of ${SECTIONS.join(", ")}; got "${said(section)}"`);
  }
  const chosen = section ? [section as Section] : SECTIONS;
  const text = [`Hosted token prices: @pydantic/genai-prices, as of ${ctx.catalog.hostedPricesAsOf}.`];
  for (const s of chosen) text.push("", `${s}:`, ...lines(ctx.catalog.data, s).map((l) => `  ${l}`));
  const json = Object.fromEntries(chosen.map((s) => [s, ctx.catalog.data[s]]));
  emit(ctx, text.join("\n"), text.join("\n"), {
    schemaVersion: 1,
    kind: "catalog",
    hostedPricesAsOf: ctx.catalog.hostedPricesAsOf,
    ...json,
  });
}

import { z } from "zod";
import type { AdviceJson } from "../render/json.js";

/**
 * What a posted digest priced, stored as a catalog snapshot (deduplicated by hash) and named by the
 * delivery, so the next digest can say what changed and why: every unit price its options used, the
 * volume it priced, and each option's monthly bill.
 */
export const DigestSnapshotSchema = z.object({
  kind: z.literal("llm-advisor.digest"),
  version: z.literal(1),
  pricesAsOf: z.string(),
  /** Unit prices by price key (see `priceKey`). */
  prices: z.record(z.string(), z.object({ label: z.string(), unit: z.string(), usd: z.number() })),
  /** The volume figures priced, by Profile field ("requestsPerMonth", "callsPerMonth", ...). */
  volume: z.record(z.string(), z.number()),
  options: z.array(z.object({ id: z.string(), model: z.string(), monthlyCostUsd: z.number() })),
  recommendedId: z.string().nullable(),
});
export type DigestSnapshot = z.infer<typeof DigestSnapshotSchema>;

type OptionJson = AdviceJson["options"][number];
type LineJson = OptionJson["lineItems"][number];

/** The volume fields a digest compares, with their words. */
export const VOLUME_FIELDS: ReadonlyArray<readonly [string, string]> = [
  ["requestsPerMonth", "requests a month"],
  ["inputTokensPerRequest", "input tokens per request"],
  ["cachedInputTokensPerRequest", "cached input tokens per request"],
  ["outputTokensPerRequest", "output tokens per request"],
  ["callsPerMonth", "calls a month"],
  ["minutesPerCall", "minutes per call"],
  ["smsPerCall", "SMS per call"],
  ["ttsCharactersPerCall", "TTS characters per call"],
];

/** The resolved Profile's volume, voice figures included when it is a voice workload. */
export function volumeOf(advice: AdviceJson): Record<string, number> {
  const p = advice.profile as Record<string, unknown>;
  const voice = (p.voice ?? {}) as Record<string, unknown>;
  const out: Record<string, number> = {};
  for (const [field] of VOLUME_FIELDS) {
    const v = p[field] ?? voice[field];
    if (typeof v === "number") out[field] = v;
  }
  return out;
}

export interface PricedLine {
  key: string;
  label: string;
  unit: string;
  line: LineJson;
}

const TOKENS = /(input|cached-input|output)-tokens$/;

/**
 * A name for the thing a line's unit price is for, stable across digests whatever the volume: the
 * model and token kind ("gpt-4o-mini input tokens"), the GPU instance, or the line's own label.
 * Share annotations ("[API, 10% of traffic]") and figures inside labels are left out.
 */
function priceName(o: OptionJson, l: LineJson): { name: string; label: string } {
  const bare = l.label.replace(/\s*\[[^\]]*\]\s*$/, "").replace(/^NLU: /, "");
  if (TOKENS.test(l.code)) return { name: bare, label: bare.replace(/ tokens(?= |$)/, "") };
  if (l.code.endsWith("gpu-instances") && o.capacity)
    return { name: `gpu ${o.capacity.instanceId}`, label: o.capacity.instanceId };
  if (l.code.endsWith("setup-amortized")) return { name: "setup, amortized", label: "Setup, amortized" };
  return { name: bare, label: bare };
}

/**
 * Every priced line of every option with its price key. Lines without a real price (a missing price
 * or a seed's flat figure) are skipped. When one name meets two prices in one digest (the same model
 * at two providers), the later ones are qualified by their option.
 */
export function pricedLines(advice: AdviceJson): Array<{ option: OptionJson; lines: PricedLine[] }> {
  const seen = new Map<string, number>();
  return advice.options.map((option) => ({
    option,
    lines: option.lineItems
      .filter((l) => l.flag !== "price-not-found" && l.flag !== "seed-figure")
      .map((line) => {
        const { name, label } = priceName(option, line);
        let key = `${name}|${line.unit}`;
        const known = seen.get(key);
        if (known !== undefined && known !== line.unitPriceUsd) key = `${option.id}|${key}`;
        else seen.set(key, line.unitPriceUsd);
        return { key, label, unit: line.unit, line };
      }),
  }));
}

/** The snapshot of this digest's figures, to store with the delivery. */
export function snapshotOf(advice: AdviceJson): DigestSnapshot {
  const prices: DigestSnapshot["prices"] = {};
  for (const { lines } of pricedLines(advice))
    for (const p of lines) prices[p.key] ??= { label: p.label, unit: p.unit, usd: p.line.unitPriceUsd };
  return {
    kind: "llm-advisor.digest",
    version: 1,
    pricesAsOf: advice.pricesAsOf,
    prices,
    volume: volumeOf(advice),
    options: advice.options.map((o) => ({ id: o.id, model: o.model, monthlyCostUsd: o.monthlyCostUsd })),
    recommendedId: advice.options[0]?.id ?? null,
  };
}

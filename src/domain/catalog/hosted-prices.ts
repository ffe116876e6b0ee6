import { calcPrice, findProvider, type ModelPrice, TieredPrices } from "@pydantic/genai-prices";
import { type Dec, dec } from "../money.js";
import { looseKey, nameVariants } from "./model-names.js";
import type { HostedPrice } from "./schema.js";

/** Token prices of one hosted model, per 1M tokens, exact. */
export interface HostedModelPrice {
  /** "openai:gpt-4o-mini": provider and the catalog's model id. */
  key: string;
  providerId: string;
  providerName: string;
  model: string;
  inputPerMTokUsd: Dec;
  /** Null when the catalog has no separate cache-hit price; cached tokens then bill at the input price. */
  cachedInputPerMTokUsd: Dec | null;
  /** Null when the model bills no output tokens (embeddings). */
  outputPerMTokUsd: Dec | null;
  /** A size tier applied because the request's input passed its threshold. */
  tierNote: string | null;
  asOf: string;
  source: string;
}

/** Providers searched, in order, when a name has no provider prefix; the first that knows the name wins. */
export const PROVIDER_ORDER = [
  "openai",
  "anthropic",
  "google",
  "mistral",
  "groq",
  "aws",
  "azure",
  "deepseek",
];

/** Provider ids whose model lists feed "did you mean". */
export const SUGGESTION_PROVIDERS = ["openai", "anthropic", "google", "mistral", "groq"];

const PACKAGE_SOURCE = "@pydantic/genai-prices";

function unitPrice(
  value: ModelPrice[string],
  inputTokensPerRequest: number,
): { price: Dec; tier: number | null } | null {
  if (value === undefined) return null;
  if (typeof value === "number") return { price: dec(value), tier: null };
  if (value instanceof TieredPrices || (typeof value === "object" && "base" in value)) {
    let price = value.base;
    let tier: number | null = null;
    for (const t of value.tiers) {
      if (inputTokensPerRequest > t.start) {
        price = t.price;
        tier = t.start;
      }
    }
    return { price: dec(price), tier };
  }
  return null;
}

function fromOverride(entry: HostedPrice): HostedModelPrice {
  return {
    key: `${entry.providerId}:${entry.model}`,
    providerId: entry.providerId,
    providerName: entry.providerId,
    model: entry.model,
    inputPerMTokUsd: dec(entry.inputPerMTokUsd),
    cachedInputPerMTokUsd:
      entry.cachedInputPerMTokUsd === undefined ? null : dec(entry.cachedInputPerMTokUsd),
    outputPerMTokUsd: dec(entry.outputPerMTokUsd),
    tierNote: null,
    asOf: entry.asOf,
    source: entry.source,
  };
}

function splitProvider(raw: string): { providerId: string | undefined; name: string } {
  const m = /^([a-z][a-z0-9-]*)[:/](.+)$/i.exec(raw.trim());
  if (m?.[1] && m[2] && findProvider({ providerId: m[1] }))
    return { providerId: m[1].toLowerCase(), name: m[2] };
  return { providerId: undefined, name: raw };
}

/**
 * Looks a hosted model up: project overrides first, then the catalog package, trying the
 * providers in PROVIDER_ORDER. `pricesAt` picks date-dependent prices (the domain has no clock).
 */
export function lookupHostedPrice(
  raw: string,
  overrides: readonly HostedPrice[],
  inputTokensPerRequest: number,
  pricesAt: Date,
  asOf: string,
): HostedModelPrice | null {
  // Overrides compare loosely, as typed names do: "acme chat v1" finds the alias "acme-chat-v1".
  const keys = new Set(nameVariants(raw).map(looseKey));
  const override = overrides.find((o) =>
    [o.model, o.id, `${o.providerId}:${o.model}`, ...o.aliases].some((n) => keys.has(looseKey(n))),
  );
  if (override) return fromOverride(override);

  const { providerId, name } = splitProvider(raw);
  const providers = providerId ? [providerId] : PROVIDER_ORDER;
  for (const candidate of nameVariants(name)) {
    for (const pid of providers) {
      const found = calcPrice({ input_tokens: 0 }, candidate, { providerId: pid, timestamp: pricesAt });
      if (!found) continue;
      const input = unitPrice(found.model_price.input_mtok, inputTokensPerRequest);
      if (!input) continue;
      const cached = unitPrice(found.model_price.cache_read_mtok, inputTokensPerRequest);
      const output = unitPrice(found.model_price.output_mtok, inputTokensPerRequest);
      const tier = input.tier;
      return {
        key: `${found.provider.id}:${found.model.id}`,
        providerId: found.provider.id,
        providerName: found.provider.name,
        model: found.model.id,
        inputPerMTokUsd: input.price,
        cachedInputPerMTokUsd: cached ? cached.price : null,
        outputPerMTokUsd: output ? output.price : null,
        tierNote:
          tier === null
            ? null
            : `long-prompt price: requests over ${tier.toLocaleString("en-US")} input tokens`,
        asOf,
        source: `${PACKAGE_SOURCE} (${found.provider.pricing_urls?.[0] ?? found.provider.name})`,
      };
    }
  }
  return null;
}

/** Model ids of the main providers, for "did you mean". */
export function knownHostedModelIds(): string[] {
  const ids: string[] = [];
  for (const pid of SUGGESTION_PROVIDERS) {
    const provider = findProvider({ providerId: pid });
    for (const m of provider?.models ?? []) ids.push(m.id);
  }
  return ids;
}

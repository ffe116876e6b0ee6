import { type DomainIssue, issue } from "../errors.js";
import { Dec, dec } from "../money.js";
import { err, ok, type Result } from "../result.js";
import hostedSource from "./data/hosted-source.json" with { type: "json" };
import { type HostedModelPrice, knownHostedModelIds, lookupHostedPrice } from "./hosted-prices.js";
import { looseKey, nameVariants, suggestModelNames } from "./model-names.js";
import { BUILTIN_DATA } from "./project-data.js";
import {
  type AssumptionDefault,
  type BatchDiscount,
  BYTES_PER_PARAMETER,
  type CatalogOverride,
  type EmbeddingModel,
  type GpuInstance,
  type Lifecycle,
  type OpenWeightModel,
  PRECISIONS,
  type Precision,
  type ProjectData,
  type Throughput,
  type VoicePrice,
  type VoiceUnit,
} from "./schema.js";

export type { HostedModelPrice } from "./hosted-prices.js";

/** What a typed model name turned out to be. */
export type ModelResolution =
  | { kind: "hosted"; name: string; price: HostedModelPrice }
  | { kind: "open-weight"; name: string; model: OpenWeightModel }
  | { kind: "embedding"; name: string; model: EmbeddingModel };

export interface Catalog {
  readonly data: ProjectData;
  /** Date the hosted prices were published by the catalog package. */
  readonly hostedPricesAsOf: string;
  /** Resolves a typed name to a hosted, open-weight or embedding model, or says what was meant. */
  resolveModel(name: string, inputTokensPerRequest?: number): Result<ModelResolution, DomainIssue>;
  hostedPrice(name: string, inputTokensPerRequest?: number): Result<HostedModelPrice, DomainIssue>;
  openWeightModel(id: string): OpenWeightModel | undefined;
  gpuInstance(id: string): GpuInstance | undefined;
  throughputFor(modelId: string): Throughput[];
  voicePrice(unit: VoiceUnit, id?: string): VoicePrice | undefined;
  batchDiscount(providerId: string): BatchDiscount | undefined;
  /** Deprecation and retirement of a hosted model at one provider (Azure retires on its own dates). */
  lifecycleFor(model: string, providerId: string): Lifecycle | undefined;
  defaultFor(key: string): AssumptionDefault;
  numberDefault(key: string): number;
  /** Every name "did you mean" may offer: hosted models with a per-token price. */
  knownModelNames(): string[];
}

/** Weights memory of a model at a precision, in GB (1e9 bytes): parameters × bytes per parameter. */
export const weightsMemoryGb = (model: OpenWeightModel, precision: Precision): number =>
  dec(model.parametersB)
    .times(BYTES_PER_PARAMETER[precision])
    .toDecimalPlaces(2, Dec.ROUND_HALF_UP)
    .toNumber();

export const weightsMemoryTable = (model: OpenWeightModel): Record<Precision, number> =>
  Object.fromEntries(PRECISIONS.map((p) => [p, weightsMemoryGb(model, p)])) as Record<Precision, number>;

function mergeById<T extends { id: string }>(base: readonly T[], extra: readonly T[] | undefined): T[] {
  if (!extra) return [...base];
  const byId = new Map(base.map((e) => [e.id, e]));
  for (const e of extra) byId.set(e.id, e);
  return [...byId.values()];
}

/** Applies a CATALOG_FILE: entries with a known id replace the shipped one, new ids are added. */
export function mergeCatalogData(base: ProjectData, override: CatalogOverride | undefined): ProjectData {
  if (!override) return base;
  let voicePrices = mergeById(base.voicePrices, override.voicePrices);
  for (const o of override.voicePrices ?? []) {
    if (o.default)
      voicePrices = voicePrices.map((v) =>
        v.unit === o.unit && v.id !== o.id ? { ...v, default: false } : v,
      );
  }
  const candidates = new Map(base.candidates.map((c) => [c.useCase, c]));
  for (const c of override.candidates ?? []) candidates.set(c.useCase, c);
  return {
    gpuInstances: mergeById(base.gpuInstances, override.gpuInstances),
    openWeightModels: mergeById(base.openWeightModels, override.openWeightModels),
    throughput: mergeById(base.throughput, override.throughput),
    voicePrices,
    embeddings: mergeById(base.embeddings, override.embeddings),
    lifecycle: mergeById(base.lifecycle, override.lifecycle),
    hostedPrices: mergeById(base.hostedPrices, override.hostedPrices),
    batchDiscounts: mergeById(base.batchDiscounts, override.batchDiscounts),
    flatEstimates: mergeById(base.flatEstimates, override.flatEstimates),
    candidates: [...candidates.values()],
    privateCloud: mergeById(base.privateCloud, override.privateCloud),
    apiModelTiers: mergeById(base.apiModelTiers, override.apiModelTiers),
    defaults: { ...base.defaults, ...override.defaults },
  };
}

export interface CatalogOptions {
  /** Picks date-dependent hosted prices; the caller's "today". */
  pricesAt: Date;
}

/** Builds the catalog: shipped project data, the catalog package's prices, and an optional user override. */
export function buildCatalog(options: CatalogOptions, override?: CatalogOverride): Catalog {
  const data = mergeCatalogData(BUILTIN_DATA, override);
  const hostedCache = new Map<string, HostedModelPrice | null>();
  let knownNames: string[] | undefined;

  // Lookups happen many times per answer: key every spelling once, the first model in data order winning.
  const openWeightByKey = new Map<string, OpenWeightModel>();
  for (const m of data.openWeightModels)
    for (const n of [m.id, m.name, ...m.aliases])
      if (!openWeightByKey.has(looseKey(n))) openWeightByKey.set(looseKey(n), m);
  const embeddingByKey = new Map<string, EmbeddingModel>();
  for (const m of data.embeddings)
    for (const n of [m.id, m.name]) if (!embeddingByKey.has(looseKey(n))) embeddingByKey.set(looseKey(n), m);

  const findOpenWeight = (name: string): OpenWeightModel | undefined => {
    const keys = new Set(nameVariants(name).map(looseKey));
    // The earliest model in data order that any spelling of the name reaches, as a scan would find.
    let best: OpenWeightModel | undefined;
    for (const k of keys) {
      const m = openWeightByKey.get(k);
      if (m && (!best || data.openWeightModels.indexOf(m) < data.openWeightModels.indexOf(best))) best = m;
    }
    return best;
  };
  const findEmbedding = (name: string): EmbeddingModel | undefined => embeddingByKey.get(looseKey(name));

  const catalog: Catalog = {
    data,
    hostedPricesAsOf: hostedSource.asOf,

    knownModelNames() {
      // Only names with a per-token price: suggesting an open-weight id for a price would dead-end.
      knownNames ??= [...data.hostedPrices.map((h) => h.model), ...knownHostedModelIds()];
      return knownNames;
    },

    hostedPrice(name, inputTokensPerRequest = 0) {
      const cacheKey = `${name}\u0000${inputTokensPerRequest}`;
      if (!hostedCache.has(cacheKey)) {
        hostedCache.set(
          cacheKey,
          lookupHostedPrice(
            name,
            data.hostedPrices,
            inputTokensPerRequest,
            options.pricesAt,
            hostedSource.asOf,
          ),
        );
      }
      const found = hostedCache.get(cacheKey);
      if (found) return ok(found);
      const openWeight = findOpenWeight(name);
      if (openWeight) return err(openWeightHasNoPrice(name, openWeight));
      return err(unknownModel(name, catalog.knownModelNames()));
    },

    resolveModel(name, inputTokensPerRequest = 0) {
      const embedding = findEmbedding(name);
      if (embedding) return ok({ kind: "embedding", name, model: embedding });
      const openWeight = findOpenWeight(name);
      if (openWeight) return ok({ kind: "open-weight", name, model: openWeight });
      const hosted = catalog.hostedPrice(name, inputTokensPerRequest);
      if (hosted.ok) return ok({ kind: "hosted", name, price: hosted.value });
      return hosted;
    },

    openWeightModel: (id) => data.openWeightModels.find((m) => m.id === id) ?? findOpenWeight(id),
    gpuInstance: (id) => data.gpuInstances.find((g) => g.id === id),
    throughputFor: (modelId) => data.throughput.filter((t) => t.model === modelId),
    voicePrice: (unit, id) =>
      id === undefined
        ? data.voicePrices.find((v) => v.unit === unit && v.default)
        : data.voicePrices.find((v) => v.unit === unit && v.id === id),
    batchDiscount: (providerId) => data.batchDiscounts.find((b) => b.providerId === providerId),
    lifecycleFor(model, providerId) {
      const n = model.trim().toLowerCase();
      const mine = data.lifecycle.filter((l) => l.provider === providerId);
      return (
        mine.find((l) => l.model.toLowerCase() === n) ??
        mine.find((l) => l.prefix && n.startsWith(l.model.toLowerCase()))
      );
    },
    defaultFor(key) {
      const d = data.defaults[key];
      if (!d) throw new Error(`catalog has no default "${key}"`);
      return d;
    },
    numberDefault(key) {
      const v = catalog.defaultFor(key).value;
      if (typeof v !== "number") throw new Error(`catalog default "${key}" is not a number`);
      return v;
    },
  };
  return catalog;
}

/** An open-weight model is run, not rented per token: say so, and point at sizing it or a hosted variant. */
export function openWeightHasNoPrice(name: string, model: OpenWeightModel): DomainIssue {
  const hosted = model.managed.map((m) => `${m.providerId}:${m.model}`);
  const variant = hosted.length > 0 ? `, or a hosted variant such as ${hosted.join(", ")}` : "";
  return issue(
    "unknown-model",
    `${name} is an open-weight model: no per-token price; size it with \`llm-advise breakeven --self-hosted ${model.id}\`${variant}`,
    { subject: name, suggestions: hosted },
  );
}

/** "no price for X; did you mean Y?" */
export function unknownModel(name: string, known: readonly string[]): DomainIssue {
  const typed = looseKey(name);
  const suggestions = suggestModelNames(name, known).filter((s) => looseKey(s) !== typed);
  if (suggestions.length === 0 && known.some((k) => looseKey(k) === typed)) {
    return issue(
      "unknown-model",
      `"${name}" has no per-token price in the catalog (it is billed by another unit, such as audio time)`,
      { subject: name, suggestions: [] },
    );
  }
  const hint = suggestions.length > 0 ? `; did you mean ${suggestions.join(", ")}?` : "";
  return issue("unknown-model", `no price for "${name}"${hint}`, { subject: name, suggestions });
}

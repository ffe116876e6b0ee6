import type { Catalog } from "./catalog.js";
import type { CatalogOverride } from "./schema.js";

/**
 * The first entry of a catalog override that names something the merged catalog does not have
 * (a model id, a GPU type, a hosted model), as "field: what is wrong"; null when every reference
 * resolves. Schema validation cannot see these: each entry is valid alone.
 */
export function catalogReferenceProblem(override: CatalogOverride, catalog: Catalog): string | null {
  const isModel = (id: string) => catalog.data.openWeightModels.some((m) => m.id === id);
  const hosted = (name: string) => catalog.hostedPrice(name).ok;
  for (const [i, t] of (override.throughput ?? []).entries()) {
    if (!isModel(t.model))
      return `throughput[${i}].model: "${t.model}" is not an open-weight model id in the catalog`;
    if (!catalog.data.gpuInstances.some((g) => g.gpuType === t.gpuType))
      return `throughput[${i}].gpuType: no GPU instance in the catalog has the GPU type "${t.gpuType}"`;
  }
  for (const [i, c] of (override.candidates ?? []).entries()) {
    for (const [j, id] of c.selfHosted.entries())
      if (!isModel(id))
        return `candidates[${i}].selfHosted[${j}]: "${id}" is not an open-weight model id in the catalog`;
    for (const [field, names] of [
      ["api", c.api],
      ["realTimeApi", c.realTimeApi],
    ] as const)
      for (const [j, name] of names.entries())
        if (!hosted(name))
          return `candidates[${i}].${field}[${j}]: "${name}" has no per-token price in the catalog`;
  }
  for (const [i, l] of (override.lifecycle ?? []).entries())
    if (l.replacement !== undefined && !hosted(l.replacement))
      return `lifecycle[${i}].replacement: "${l.replacement}" has no per-token price in the catalog`;
  for (const [i, o] of (override.privateCloud ?? []).entries())
    for (const [j, m] of o.models.entries())
      if (!hosted(`${o.providerId}:${m.model}`))
        return `privateCloud[${i}].models[${j}].model: "${o.providerId}:${m.model}" has no per-token price in the catalog`;
  return null;
}

import type { ExcludedOption, OptionCost } from "../advice.js";
import type { Catalog } from "../catalog/catalog.js";
import type { Lifecycle } from "../catalog/schema.js";

/** The catalog's lifecycle entry for a hosted model key such as "openai:gpt-4o-mini" or "groq:openai/gpt-oss-20b". */
export function lifecycleOfKey(key: string, catalog: Catalog): Lifecycle | undefined {
  const at = key.indexOf(":");
  if (at <= 0) return undefined;
  return catalog.lifecycleFor(key.slice(at + 1), key.slice(0, at));
}

/** The lifecycle entry when the model is retired on or before `today` (YYYY-MM-DD compares as text). */
export function retiredBy(key: string, catalog: Catalog, today: string | null): Lifecycle | null {
  if (today === null) return null;
  const l = lifecycleOfKey(key, catalog);
  return l?.retiresOn !== undefined && l.retiresOn <= today ? l : null;
}

/** Options rented per token whose model the vendor has already shut down go to `excluded`, with the date. */
export function splitRetired(
  options: readonly OptionCost[],
  catalog: Catalog,
  today: string | null,
): { kept: OptionCost[]; retired: ExcludedOption[] } {
  const kept: OptionCost[] = [];
  const retired: ExcludedOption[] = [];
  for (const o of options) {
    const l =
      o.openness === "proprietary" && o.capacity === null ? retiredBy(o.modelId, catalog, today) : null;
    if (l?.retiresOn) {
      const notes = l.replacement
        ? [...o.notes, `the provider names ${l.replacement} as its replacement`]
        : o.notes;
      retired.push({ option: { ...o, notes }, excludedBy: `retired on ${l.retiresOn}` });
    } else kept.push(o);
  }
  return { kept, retired };
}

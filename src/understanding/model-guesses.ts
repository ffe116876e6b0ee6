import { distance } from "fastest-levenshtein";
import type { ModelLookup } from "./types.js";

/**
 * What the free-text matcher does when the catalog does not know a name as typed: take the one
 * suggestion of the same family and parameter size ("Llama 3 70B" → llama-3.1-70b, "qwen 72b" →
 * qwen-2.5-72b), saying so; and find names whose family word is misspelt ("gtp-4o").
 */

const SIZE = /(?<![\w.])(\d{1,4}(?:\.\d)?)\s?b(?![\w])/i;
const FAMILY_WORD = /^[a-z]+/i;
const loose = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, "");

/** The catalog name a typed name plainly means, when exactly one suggestion has its family, size and version digits. */
export function sameFamilyAndSize(typed: string, suggestions: readonly string[]): string | undefined {
  const size = SIZE.exec(typed)?.[1];
  const family = FAMILY_WORD.exec(typed.trim())?.[0]?.toLowerCase();
  if (!size || !family) return undefined;
  const version = typed
    .replace(SIZE, " ")
    .slice(family.length)
    .match(/\d+(?:\.\d+)*/g);
  const fits = suggestions.filter((s) => {
    const name = s.toLowerCase();
    if (!name.startsWith(family) && !name.includes(`/${family}`)) return false;
    if (!new RegExp(`(?<![\\d.])${size.replace(".", "\\.")}b(?![\\w])`).test(name)) return false;
    // "Llama 3" fits llama-3.1 (a point release of 3), not llama-2.
    return (version ?? []).every((v) =>
      new RegExp(`(?<![\\d.])${v.replace(/\./g, "\\.")}(?![\\d])`).test(name),
    );
  });
  return fits.length === 1 ? fits[0] : undefined;
}

/** A word with letters then a digit, the shape of a model name: "gtp-4o", "cluade-3", "lama3". */
export const MODEL_SHAPED = String.raw`(?<![\w.\/-])[a-z]{2,10}[-_ ]?\d[a-z0-9.]*(?:-[a-z0-9.]+){0,3}(?![\w-])`;

/**
 * Catalog names a model-shaped word was probably meant to be: a suggestion whose start is at
 * most two edits from the word, so "gtp-4o" suggests gpt-4o but "covid-19" suggests nothing.
 */
export function misspeltModel(word: string, catalog: ModelLookup): string[] {
  const failed = catalog.resolveModel(word);
  if (failed.ok) return [];
  const typed = loose(word);
  return (failed.error.suggestions ?? []).filter(
    (s) => distance(typed, loose(s).slice(0, typed.length)) <= (typed.length >= 5 ? 2 : 1),
  );
}

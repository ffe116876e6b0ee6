import { distance } from "fastest-levenshtein";

/**
 * How people type model names ("GPT 4o mini", "gpt4o-mini", "Claude 3.5 Sonnet", "llama3.1:8b")
 * versus how catalogs spell them. Used by the catalog lookups and for "did you mean".
 */
export function normalizeModelName(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-")
    .replace(/^gpt(?=\d)/, "gpt-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Spellings worth trying for one typed name: as typed, and with version dots as dashes (claude-3.5 → claude-3-5). */
export function nameVariants(raw: string): string[] {
  const n = normalizeModelName(raw);
  const variants = [n, n.replace(/(\d)\.(\d)/g, "$1-$2"), n.replace(/(\d)-(\d)(?!\d*b\b)/g, "$1.$2")];
  return [...new Set(variants)];
}

/** A key for loose comparison: no separators at all ("llama-3.1-8b" and "llama3.1:8b" agree). */
export const looseKey = (raw: string): string => normalizeModelName(raw).replace(/[^a-z0-9]/g, "");

/**
 * Close matches for an unknown name, best first. A match must share most of its letters with
 * the query, so "gpt-4o-mni" suggests "gpt-4o-mini" but "banana" suggests nothing.
 */
export function suggestModelNames(query: string, known: readonly string[], limit = 3): string[] {
  const q = looseKey(query);
  if (q.length === 0) return [];
  const scored: Array<{ name: string; score: number }> = [];
  const seen = new Set<string>();
  for (const name of known) {
    const k = looseKey(name);
    if (seen.has(name) || k.length === 0) continue;
    seen.add(name);
    const d = distance(q, k);
    const contains = k.includes(q) || q.includes(k);
    // A name that contains the query (or the reverse) is a fair guess even when far in edits.
    const allowed = contains
      ? Math.max(q.length, k.length)
      : Math.max(2, Math.floor(Math.max(q.length, k.length) * 0.35));
    if (d <= allowed) scored.push({ name, score: d });
  }
  scored.sort((a, b) => a.score - b.score || a.name.length - b.name.length || a.name.localeCompare(b.name));
  return scored.slice(0, limit).map((s) => s.name);
}

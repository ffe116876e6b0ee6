/** Sentences and model names as the guard cuts and finds them in prose. */

/** Sentences with their offsets: ends at . ! ? followed by a space, or at a line break. */
export function sentences(text: string): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  let start = 0;
  const boundary = /[.!?]+(?=\s|$)|\n/g;
  for (const m of text.matchAll(boundary)) {
    const end = m.index + m[0].length;
    if (text.slice(start, end).trim()) out.push({ text: text.slice(start, end), start });
    start = end;
  }
  if (text.slice(start).trim()) out.push({ text: text.slice(start), start });
  return out;
}

/**
 * How a text may write an option's model: each part of a hybrid ("gpt-6-sol + Llama 3.1 70B
 * Instruct"), in full or without its "Instruct v0.2" tail. Names without a digit ("local standby")
 * read as ordinary words, so they are left out.
 */
export function modelSpellings(model: string): string[] {
  const parts = model.split(/\s+\+\s+/);
  return [...new Set(parts.flatMap((p) => [p.trim(), p.replace(/\s+Instruct\b.*$/i, "").trim()]))].filter(
    (p) => /\d/.test(p),
  );
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A name as a whole word: "gpt-4o" is not found inside "gpt-4o-mini", nor "vLLM" inside "vLLM/Ollama". */
export const namePattern = (name: string): RegExp =>
  new RegExp(`(?<![\\w.\\-/])${escapeRegExp(name)}(?![\\w\\-/]|\\.\\w)`, "gi");

/** One pattern for many names, longest first so a name is not cut short by a name it starts with. */
export function namesPattern(names: Iterable<string>): RegExp | null {
  const sorted = [...new Set(names)].filter(Boolean).sort((a, b) => b.length - a.length);
  if (sorted.length === 0) return null;
  return new RegExp(`(?<![\\w.\\-/])(?:${sorted.map(escapeRegExp).join("|")})(?![\\w\\-/]|\\.\\w)`, "gi");
}

/** The text with every name blanked (same length, so offsets hold): "Llama 3.1 8B" is a name, not two figures. */
export const maskNames = (text: string, names: RegExp | null): string =>
  names ? text.replace(names, (m) => " ".repeat(m.length)) : text;

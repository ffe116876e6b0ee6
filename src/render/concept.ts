import type { Concept } from "../domain/concepts.js";

/** Concept answers and the "I read …" preamble of an advice answer. */

export function conceptText(c: Concept): string {
  return [
    c.title,
    "",
    c.answer,
    ...(c.points ?? []).map((p) => `  - ${p}`),
    "",
    `Sources: ${c.sources.join(", ")}`,
  ].join("\n");
}

export function conceptMarkdown(c: Concept): string {
  return [
    `## ${c.title}`,
    "",
    c.answer,
    "",
    ...(c.points ?? []).map((p) => `- ${p}`),
    "",
    `_Sources: ${c.sources.join(", ")}_`,
  ].join("\n");
}

export interface UnderstoodFact {
  field: string;
  value: unknown;
  text: string;
  note?: string;
}

const show = (v: unknown): string =>
  Array.isArray(v)
    ? v.length === 0
      ? "none"
      : v.join(", ")
    : typeof v === "object" && v !== null
      ? Object.values(v).join(" × ")
      : String(v);

/** "I read: 500k requests/month → requestsPerMonth 500000"; and what could not be used. */
export function understoodLines(
  understood: readonly UnderstoodFact[],
  unused: readonly string[],
  style: "text" | "markdown" = "text",
): string {
  const md = style === "markdown";
  const item = md ? "- " : "  - ";
  const out: string[] = [];
  if (understood.length > 0) {
    out.push(md ? "**I read:**" : "I read:");
    for (const u of understood)
      out.push(`${item}"${u.text}" → ${u.field} = ${show(u.value)}${u.note ? ` (${u.note})` : ""}`);
  }
  if (unused.length > 0)
    out.push(md ? "**I could not use:**" : "I could not use:", ...unused.map((u) => `${item}${u}`));
  return out.join("\n");
}

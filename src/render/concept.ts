import type { Concept } from "../domain/concepts.js";

/** Concept answers and the "I read …" preamble of an advice answer. */

/** "seeds/003_….txt (Break-Even Analysis)": each seed with the section quoted, when known. */
export function conceptSources(c: Concept): string {
  const seeds = c.sources.map((f) => (c.sections?.[f] ? `${f} (${c.sections[f]})` : f)).join(", ");
  const web = c.publicSources?.length ? `; also ${c.publicSources.join(", ")}` : "";
  return `${seeds}${web}`;
}

export function conceptText(c: Concept): string {
  return [
    c.title,
    "",
    c.answer,
    ...(c.points ?? []).map((p) => `  - ${p}`),
    "",
    `Sources: ${conceptSources(c)}`,
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
    `_Sources: ${conceptSources(c)}_`,
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

/** Said first when a question gave nothing the engine can use, so a default answer is not mistaken for a reading. */
export const NOTHING_READ =
  'I found nothing about your workload in that; this answer uses defaults only. Try: "500k requests a month, 800 in / 200 out tokens, HIPAA, no ML team, on gpt-4o-mini"';

/**
 * "I read: 500k requests/month → requestsPerMonth 500000", what could not be used, or that
 * nothing was read at all. Markdown puts a blank line between blocks so that a heading is not
 * read as the continuation of the list item above it.
 */
export function understoodLines(
  understood: readonly UnderstoodFact[],
  unused: readonly string[],
  style: "text" | "markdown" = "text",
): string {
  const md = style === "markdown";
  const item = md ? "- " : "  - ";
  const blocks: string[][] = [];
  if (understood.length === 0) blocks.push([md ? `**${NOTHING_READ}**` : NOTHING_READ]);
  else
    blocks.push([
      ...(md ? ["**I read:**", ""] : ["I read:"]),
      ...understood.map(
        (u) => `${item}"${u.text}" → ${u.field} = ${show(u.value)}${u.note ? ` (${u.note})` : ""}`,
      ),
    ]);
  if (unused.length > 0)
    blocks.push([
      ...(md ? ["**I could not use:**", ""] : ["I could not use:"]),
      ...unused.map((u) => `${item}${u}`),
    ]);
  return blocks.map((b) => b.join("\n")).join(md ? "\n\n" : "\n");
}

import type { ConceptId } from "../domain/concepts.js";
import type { ProfileField } from "../domain/profile.js";
import { CONCEPT_PHRASINGS } from "./concept-phrasings.js";
import type { Reading } from "./read-text.js";

/**
 * Facts that describe the asker's own situation. A question carrying one ("we have 2M requests,
 * should we use LoRA?") wants advice for that situation, not a definition. Needs such as
 * "LoRA" or "chat" appear in concept questions themselves, so they do not count.
 */
const NOT_SITUATION: ReadonlySet<ProfileField> = new Set([
  "useCase",
  "customization",
  "quality",
  "latency",
  "candidateModels",
  "lifecycleControl",
]);

/** Lower case, hyphens and underscores as spaces, straight quotes: what the phrasings are written against. */
function normalizeQuestion(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[-_–—]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function phrasingFor(text: string) {
  const q = normalizeQuestion(text);
  return CONCEPT_PHRASINGS.find((c) => c.patterns.some((p) => p.test(q)));
}

/** The concept a question asks about, if it asks about one. */
export function conceptAskedAbout(text: string): ConceptId | undefined {
  return phrasingFor(text)?.id;
}

/**
 * A concept question: a concept phrasing, and nothing about the asker's own workload beyond
 * what the concept's own words say ("what is HIPAA?" reads HIPAA).
 */
export function detectConcept(text: string, reading: Reading): ConceptId | undefined {
  if (reading.scales.length > 0) return undefined;
  const phrasing = phrasingFor(text);
  if (!phrasing) return undefined;
  const allowed = (f: ProfileField) => NOT_SITUATION.has(f) || (phrasing.allows ?? []).includes(f);
  if (reading.facts.some((f) => !allowed(f.field))) return undefined;
  return phrasing.id;
}

import { combineFacts } from "./combine-facts.js";
import { detectConcept } from "./detect-concept.js";
import { resolvePeakRates } from "./peak-rate.js";
import { readText } from "./read-text.js";
import { byStart } from "./spans.js";
import type { ModelLookup, UnderstandResult } from "./types.js";
import { checkProfile, tooLong, volumeProblems } from "./validate.js";

/**
 * Turns a question into a Profile, with no LLM: every fact taken is listed with its text, every
 * fragment that meant something but could not be used is reported, and impossible figures are
 * refused with one line each. Never throws.
 */
export function understand(text: string, catalog: ModelLookup): UnderstandResult {
  const long = tooLong(text);
  if (long) return { kind: "invalid", problems: [long] };
  if (text.trim() === "") return { kind: "empty" };

  const reading = readText(text, catalog, "question");
  const conceptId = detectConcept(text, reading);
  if (conceptId) return { kind: "concept", conceptId };

  const peaks = resolvePeakRates(reading.facts, {}, catalog.numberDefault("daysPerMonth"));
  const combined = combineFacts({}, peaks.facts, { mode: "question" });
  const refused = volumeProblems(combined.understood);
  if (refused.length > 0) return { kind: "invalid", problems: refused };
  const checked = checkProfile(combined.profile, combined.understood);
  if (!checked.ok) return { kind: "invalid", problems: checked.problems };
  const unused = [...reading.unused, ...peaks.notes, ...combined.conflicts].sort(byStart).map((l) => l.text);
  return { kind: "advice", profile: checked.profile, understood: combined.understood, unused };
}

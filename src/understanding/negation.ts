import type { Fact } from "./reading.js";

/**
 * Negations around a stated need: "not real-time", "no more HIPAA", "HIPAA is not a concern",
 * "we lost our ML team", "our ML team left". A denied need is removed or turned into its
 * opposite, never read as stated.
 */

const NEGATOR = String.raw`(?:no|not|non|never|nor|without|no\s+more|no\s+longer|not\s+any\s*more|don['’]?t|do\s+not|doesn['’]?t|does\s+not|didn['’]?t|did\s+not|isn['’]?t|aren['’]?t|wasn['’]?t|won['’]?t|will\s+not|lost|lose|losing|drop(?:ped|ping)?|remov(?:e|ed|ing)|skip|forget(?:\s+about)?|minus|exclud(?:e|ing)|stop(?:ped)?\s+(?:using|needing)|let\s+go\s+of|fired|laid\s+off)`;
/** Words that may stand between a negator and the need: "don't really need a", "lost our". */
const LINK = String.raw`(?:need(?:s|ed)?|require[sd]?|want(?:s|ed)?|have|has|had|use|using|any|the|a|an|our|my|their|to\s+be|be|been|is|are|really|particularly|so|very|that|strictly|about|care\s+about|under|subject\s+to|for|going|anymore|to|on|in|at|with|run|running|be\s+on)`;
const BEFORE = new RegExp(String.raw`(?:^|[^\w'’])(${NEGATOR})(?:\s+${LINK}){0,3}\s*-?\s*$`, "i");

const NOT_NEEDED = String.raw`(?:(?:is|are|was|were|'s)\s+(?:not|no\s+longer|never)|isn['’]t|aren['’]t|wasn['’]t|weren['’]t|not|no\s+longer)\s+(?:(?:really|actually|strictly|a|an|any|our|even)\s+)*(?:concern|issue|problem|needed|need|required|requirement|necessary|important|relevant|applicable|factor|priority|matter|thing|apply|applies)`;
const DOES_NOT = String.raw`(?:doesn['’]?t|does\s+not|don['’]?t|do\s+not)\s+(?:apply|matter)`;
const GONE = String.raw`(?:left|quit|resigned|is\s+gone|are\s+gone|(?:was|were|got)\s+(?:let\s+go|laid\s+off|disbanded)|disbanded|no\s+longer\s+exists?)`;
const AFTER = new RegExp(
  String.raw`^(?:\s+(?:compliance|requirements?|needs?|rules?))?\s*(?:${NOT_NEEDED}|${DOES_NOT}|${GONE})(?:\s+(?:any\s*more|for\s+us|to\s+us|here|the\s+company))?(?![\w])`,
  "i",
);

/** A match that states a negation itself ("no ML team", "not time-sensitive") is read as written. */
const STARTS_NEGATIVE = new RegExp(String.raw`^${NEGATOR}(?![\w])`, "i");

export interface Negation {
  /** Where the denied phrase, negator included, starts and ends. */
  start: number;
  end: number;
}

/**
 * The negation around [start, end) of `masked` (the text with read characters masked, so an
 * earlier fact breaks the link), or undefined when the phrase is stated plainly.
 */
export function negationAround(masked: string, start: number, end: number): Negation | undefined {
  const phrase = masked.slice(start, end);
  if (STARTS_NEGATIVE.test(phrase)) return undefined;
  const clauseStart = Math.max(
    0,
    ...[",", ";", ".", "!", "?", ":", "(", "\n"].map((c) => masked.lastIndexOf(c, start - 1) + 1),
  );
  const before = BEFORE.exec(masked.slice(clauseStart, start));
  if (before) {
    const negStart = clauseStart + before.index + before[0].indexOf(before[1] ?? "");
    return { start: negStart, end };
  }
  const after = AFTER.exec(masked.slice(end));
  if (after) return { start, end: end + after[0].length };
  return undefined;
}

/** What a denied fact means: the opposite for yes/no and team, a removal for the rest. */
export function negateFact(f: Fact): Fact {
  if (typeof f.value === "boolean") return { ...f, value: !f.value, note: "negated" };
  if (f.field === "team") return { ...f, value: "none", rank: 0, note: "negated" };
  // A denied weak hint ("not a chatbot") states nothing about what the use case is.
  return { ...f, op: "remove", strength: undefined };
}

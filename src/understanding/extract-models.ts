import type { ModelResolution } from "../domain/catalog/catalog.js";
import { MODEL_SHAPED, misspeltModel, sameFamilyAndSize } from "./model-guesses.js";
import { addNote, type Mode, type ReadContext, rx } from "./reading.js";

/**
 * Model names in free text. A family word starts a mention ("gpt", "claude", "llama"), version
 * and size tokens extend it ("-4o-mini", " 3.1 70b"), and the catalog decides: the longest
 * prefix it resolves is taken, so "gpt-4o 2 million" leaves "2 million" for the volume.
 */

const FAMILY = String.raw`(?<![\w.-])(?:chat\s?gpt|gpt-j|gpt-neox|gpt|o[134]|claude|gemini|gemma|code\s?llama|tiny\s?llama|meta-llama|llama|mistral|mixtral|ministral|codestral|pixtral|magistral|devstral|qwen|qwq|phi(?=[\s-]?\d)|deepseek|falcon|bloom|olmo|command[\s-]r|text-embedding|all-minilm|minilm|mpnet|bge|nomic-embed|whisper|sonnet|haiku|opus|kimi|grok|granite|starcoder|nemotron)(?![a-z])`;

const NUMBERED = String.raw`\d+x\d+b|\d{1,3}(?:\.\d)?b|v\d+(?:\.\d+)?|l\d{1,2}|\d{4}-\d{2}-\d{2}|\d{1,2}(?:\.\d{1,2}){0,2}o?`;
const SPACED_WORDS =
  "mini|nano|turbo|pro|flash|lite|ultra|sonnet|haiku|opus|instruct|large|medium|small|nemo|vision|preview|latest|coder|versatile|instant|r1|r|3-small|3-large";
const JOINED_WORDS = `${SPACED_WORDS}|chat|it|base|hf|exp|thinking|reasoner|embed|max|plus|tiny|distill|saba|scout|maverick|small-v\\d|large-v\\d`;

/** One more piece of a name: glued or hyphenated tokens of any kind, spaced ones only if they read as a name. */
const TOKEN = new RegExp(
  String.raw`(?:[-_.:/]?(?:${NUMBERED}|${JOINED_WORDS})|\s+(?:${NUMBERED}|${SPACED_WORDS}))(?![\w])`,
  "iy",
);
/** Any other hyphenated piece ("-mni", "-ultra9") is part of the name as typed and is never dropped. */
const GLUED = /[-_:][a-z0-9]+(?![\w])/iy;

const MAX_TOKENS = 8;
/** Enough for any real question; bounds the catalog lookups a pasted wall of text can cause. */
const MAX_MENTIONS = 20;

/** "4o" alone could be gpt-4o or a typo for o1/o3: reported, not guessed. */
const AMBIGUOUS = String.raw`(?<![\w.-])4o(?:[\s-]mini)?(?![\w])`;

const CANDIDATE_CUES: Record<Mode, RegExp> = {
  question:
    /\b(?:compare[ds]?|comparing|comparison|vs\.?|versus|against|or|consider(?:ing)?|evaluat(?:e|ing)|alternatives?|switch(?:ing)?\s+to|mov(?:e|ing)\s+to|migrat(?:e|ing)\s+to|try(?:ing)?|instead|candidates?|options?|should\s+(?:we|i)\s+(?:use|run|pick|choose|go\s+with)|could\s+(?:we|i)\s+use|what\s+about|how\s+about|is|would|benchmark)\b/gi,
  "follow-up":
    /\b(?:compare[ds]?|comparing|comparison|vs\.?|versus|against|alongside|also\s+consider|add|as\s+(?:a|another)\s+candidate|as\s+well)\b/gi,
};
const CURRENT_BEFORE =
  /\b(?:currently|today|now|we\s+use|we're\s+using|we\s+are\s+using|i\s+use|using|on|running|we\s+run|run\s+on|runs\s+on|our\s+current(?:\s+model)?(?:\s+is)?|in\s+production|built\s+on|powered\s+by|use|uses|stay\s+(?:on|with))\b/gi;
const CURRENT_AFTER =
  /^\s*(?:today|currently|now|in\s+production|at\s+the\s+moment|right\s+now|\(current\))/i;
const LIST_ONLY = /^[\s,/&+]*(?:(?:and|or|plus)[\s,]*)?$/i;

type Role = "current" | "candidate";

/** The name the engine keys on: the catalog package's model id for hosted models, the project id otherwise. */
export function canonicalModelName(r: ModelResolution): string {
  return r.kind === "hosted" ? r.price.model : r.model.id;
}

/** Where the last match of a cue ends; -1 when there is none. */
function lastEnd(re: RegExp, text: string): number {
  let at = -1;
  for (const m of text.matchAll(re)) at = m.index + m[0].length;
  return at;
}

/** Current or candidate, from the words between the previous mention (or clause start) and this one. */
function roleOf(
  ctx: ReadContext,
  start: number,
  end: number,
  previous: { end: number; role: Role } | undefined,
): Role {
  const text = ctx.spans.text;
  const from = Math.max(previous?.end ?? 0, start - 80);
  const before = text.slice(from, start);
  if (previous && previous.end >= start - 80 && LIST_ONLY.test(before)) return previous.role;
  const clause = before.split(/[.;!?\n]/).pop() ?? "";
  const candidateAt = lastEnd(CANDIDATE_CUES[ctx.mode], clause);
  const currentAt = lastEnd(CURRENT_BEFORE, clause);
  if (ctx.mode === "follow-up") return candidateAt >= 0 ? "candidate" : "current";
  if (CURRENT_AFTER.test(text.slice(end, end + 30))) return "current";
  if (currentAt > candidateAt) return "current";
  return "candidate";
}

/**
 * Where a name starting at a family word may end, longest last, and the shortest end allowed:
 * a glued piece that is not a known name token is part of what was typed, so the name cannot be
 * cut before it ("gpt-4o-mni" is an unknown name, not gpt-4o followed by "mni").
 */
function nameEnds(masked: string, familyEnd: number): { ends: number[]; minEnd: number } {
  const ends = [familyEnd];
  let minEnd = familyEnd;
  let at = familyEnd;
  for (let i = 0; i < MAX_TOKENS; i++) {
    TOKEN.lastIndex = at;
    GLUED.lastIndex = at;
    const known = TOKEN.exec(masked);
    const glued = known ? null : GLUED.exec(masked);
    const m = known ?? glued;
    if (!m || m[0].length === 0) break;
    at += m[0].length;
    ends.push(at);
    if (glued) minEnd = at;
  }
  return { ends, minEnd };
}

/** Reads model mentions into currentModel or candidateModels; unknown ones become notes with suggestions. */
export function readModels(ctx: ReadContext): void {
  let mentions = 0;
  let previous: { end: number; role: Role } | undefined;
  const mention = (start: number, end: number, typed: string, name: string, note?: string) => {
    const role = roleOf(ctx, start, end, previous);
    previous = { end, role };
    ctx.facts.push({
      field: role === "current" ? "currentModel" : "candidateModels",
      value: name,
      op: role === "current" ? "set" : "add",
      text: typed,
      start,
      ...(note ? { note } : {}),
    });
  };
  ctx.spans.each(rx(FAMILY), (m) => {
    if (mentions >= MAX_MENTIONS) return false;
    mentions++;
    const start = m.index;
    const { ends, minEnd } = nameEnds(ctx.spans.current, start + m[0].length);
    const longest = ends[ends.length - 1]!;
    for (const end of ends.filter((e) => e >= minEnd).reverse()) {
      const typed = ctx.spans.text.slice(start, end);
      const resolved = ctx.catalog.resolveModel(typed);
      if (!resolved.ok) continue;
      mention(start, end, typed, canonicalModelName(resolved.value));
      return { start, end };
    }
    const typed = ctx.spans.text.slice(start, longest);
    const failed = ctx.catalog.resolveModel(typed);
    const suggestions = failed.ok ? [] : (failed.error.suggestions ?? []);
    const meant = sameFamilyAndSize(typed, suggestions);
    const resolved = meant ? ctx.catalog.resolveModel(meant) : undefined;
    if (resolved?.ok) {
      const name = canonicalModelName(resolved.value);
      mention(start, longest, typed, name, `read as ${name}, the catalog's model of that family and size`);
      return { start, end: longest };
    }
    const hint = suggestions.length > 0 ? `; did you mean ${suggestions.join(", ")}?` : "";
    ctx.notes.push({ text: `${typed} (unknown model${hint})`, start });
    return { start, end: longest };
  });
  ctx.spans.each(rx(MODEL_SHAPED), (m) => {
    if (mentions >= MAX_MENTIONS) return false;
    const known = ctx.catalog.resolveModel(m[0]);
    if (known.ok) {
      mentions++;
      mention(m.index, m.index + m[0].length, m[0], canonicalModelName(known.value));
      return true;
    }
    const guesses = misspeltModel(m[0], ctx.catalog);
    if (guesses.length === 0) return false;
    mentions++;
    addNote(ctx, m, `unknown model; did you mean ${guesses.join(", ")}?`);
    return true;
  });
  ctx.spans.each(rx(AMBIGUOUS), (m) => {
    const failed = ctx.catalog.resolveModel(`gpt-${m[0]}`);
    const meant = failed.ok ? canonicalModelName(failed.value) : undefined;
    addNote(ctx, m, meant ? `which model? did you mean ${meant}?` : "which model?");
    return true;
  });
}

import type { Verdict } from "../domain/advice.js";

/**
 * How prose names each verdict. Specific names win over generic ones where they overlap: "Azure
 * OpenAI" is a private deployment although it contains "OpenAI".
 */
const TERMS: Record<Verdict, RegExp[]> = {
  api: [
    /\b(?:proprietary|hosted|public|vendor|third-party|commercial|openai|anthropic|google|gemini|mistral|groq|[\w.-]+'s)(?:\s+[\w.-]+)?\s+apis?\b/gi,
    /\b(?:stay|stick|remain|keep)(?:ing)?\s+(?:on|with)\s+(?:the\s+)?(?:[\w.-]+\s+)?apis?\b/gi,
    /\b(?:via|through|over)\s+(?:the|an?)\s+apis?\b/gi,
    /\bpay[- ]per[- ]token\b/gi,
    /\bthe\s+api\b/gi,
  ],
  "self-hosted": [
    /\bself[- ]?host(?:ed|ing|s)?\b/gi,
    /\b(?:run|host|serve)(?:ning|ing|s)?\s+(?:it|the model|them|[\w.-]+(?:\s+[\w.-]+){0,3})\s+yourself\b/gi,
    /\byour own (?:gpus?|gpu instances?|servers? in the cloud)\b/gi,
  ],
  "private-cloud": [
    /\b(?:managed\s+)?private(?:[- ]cloud)?\s+(?:deployment|endpoint|cloud)s?\b/gi,
    /\bprivate[- ]cloud\b/gi,
    /\b(?:amazon\s+)?bedrock\b/gi,
    /\bazure openai\b/gi,
    /\bvertex(?:\s+ai)?\b/gi,
    /\bin your (?:own )?(?:aws|azure|gcp|google cloud|cloud) (?:account|subscription|project|tenant)\b/gi,
  ],
  hybrid: [/\bhybrid\b/gi],
  local: [
    /\bon[- ]?prem(?:ise|ises)?\b/gi,
    /\blocal(?:ly)?\b(?!\s+(?:currency|time))/gi,
    /\byour own hardware\b/gi,
    /\bin your (?:own )?data ?cent(?:er|re)\b/gi,
  ],
};

/** Verdicts a verdict is made of, which it may name while recommending itself. */
const PARTS: Record<Verdict, readonly Verdict[]> = {
  api: [],
  "self-hosted": [],
  "private-cloud": [],
  hybrid: ["api", "self-hosted"],
  // Running models on your own hardware is self-hosting too.
  local: ["self-hosted"],
};

export interface VerdictMention {
  verdict: Verdict;
  start: number;
  end: number;
}

/** Every verdict a text names, longest match first where two overlap. */
export function verdictMentions(text: string): VerdictMention[] {
  const all: VerdictMention[] = [];
  for (const [verdict, res] of Object.entries(TERMS) as Array<[Verdict, RegExp[]]>)
    for (const re of res)
      for (const m of text.matchAll(re)) all.push({ verdict, start: m.index, end: m.index + m[0].length });
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: VerdictMention[] = [];
  for (const m of all) if (!kept.some((k) => m.start < k.end && k.start < m.end)) kept.push(m);
  return kept.sort((a, b) => a.start - b.start);
}

/** Words that make a sentence a recommendation. */
const CUE =
  /\b(?:recommend\w*|suggest\w*|should|best (?:option|choice|fit|bet|path)|go(?:ing)? with|opt(?:ing)? for|choos\w+|pick|switch(?:ing)? to|mov(?:e|ing) to|migrat\w* to|our advice|verdict|consider|could|winner|the way to go|the answer is)\b/i;
/** A sentence that opens with an order: "Self-host Llama.", "Use the OpenAI API." */
const IMPERATIVE =
  /^\W*(?:so,?\s+|then,?\s+|instead,?\s+)?(?:self-host|host|run|use|stay|stick|switch|move|migrate|go|deploy|adopt|choose|pick|keep|start)\b/i;
/** Words just before a mention that put it aside: "rather than the API", "cheaper than self-hosting". */
const NEGATED_BEFORE =
  /(?:\bnot|n't|\bnever|\bno|\brather than|\binstead of|\bover|\bthan|\bavoid\w*|\brules? out|\bruling out|\bexclud\w+|\bout of|\bunlike|\bversus|\bvs\.?|\bwithout)\b[^.;:,]{0,40}$/i;
/** Words just after a mention that put it aside: "the API is ruled out". */
const NEGATED_AFTER =
  /^[^.;:]{0,40}?\b(?:is|are|was|were|would be|gets?)\s+(?:ruled out|excluded|not|off the table|disallowed|too)\b/i;

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

const positive = (s: string, m: VerdictMention, offset: number): boolean =>
  !NEGATED_BEFORE.test(s.slice(0, m.start - offset)) && !NEGATED_AFTER.test(s.slice(m.end - offset));

export type VerdictCheck =
  | { ok: true }
  | { ok: false; reason: "recommends-other"; recommended: Verdict }
  | { ok: false; reason: "verdict-missing" };

/** The clauses of a text (split at ; and :), each marked when it recommends something. */
function clauses(text: string): Array<{ start: number; end: number; recommends: boolean }> {
  const out: Array<{ start: number; end: number; recommends: boolean }> = [];
  for (const s of sentences(text)) {
    // An order opens a sentence ("Self-host Llama."); after a colon it is often a quoted rationale.
    let carried = IMPERATIVE.test(s.text);
    let start = s.start;
    for (const m of `${s.text};`.matchAll(/[^;:]*[;:]/g)) {
      const clause = m[0];
      const recommends = carried || CUE.test(clause);
      out.push({ start, end: start + clause.length, recommends });
      // "Our advice: self-host" recommends what follows the colon; an order reaches to its sentence's first ; or :.
      carried = recommends && clause.endsWith(":");
      start += clause.length;
    }
  }
  return out;
}

/**
 * Whether a text agrees with the verdict: no clause recommends another verdict (a recommendation
 * word or an opening order, and a mention of the other verdict not put aside by "rather than",
 * "is ruled out"...), and, once the text is complete, the verdict itself is named.
 */
export function checkVerdict(text: string, verdict: Verdict, complete: boolean): VerdictCheck {
  const mentions = verdictMentions(text);
  for (const c of clauses(text)) {
    if (!c.recommends) continue;
    const clause = text.slice(c.start, c.end);
    for (const m of mentions) {
      if (m.start < c.start || m.end > c.end || m.verdict === verdict || PARTS[verdict].includes(m.verdict))
        continue;
      if (positive(clause, m, c.start))
        return { ok: false, reason: "recommends-other", recommended: m.verdict };
    }
  }
  if (complete && !mentions.some((m) => m.verdict === verdict))
    return { ok: false, reason: "verdict-missing" };
  return { ok: true };
}

import type { Advice, Verdict } from "../domain/advice.js";
import { modelSpellings, namePattern, sentences } from "./text-parts.js";

/** A way prose names a verdict, and the verdicts it may stand for. */
export interface VerdictTerm {
  pattern: RegExp;
  verdicts: readonly Verdict[];
  /** Written here (true) or read from the Advice's options (false); a written term wins a tie. */
  fixed: boolean;
}

/**
 * How prose names each verdict. Specific names win over generic ones where they overlap: "Azure
 * OpenAI" is a private deployment although it contains "OpenAI".
 */
const FIXED: Record<Verdict, RegExp[]> = {
  api: [
    /\b(?:proprietary|hosted|public|vendor|third-party|commercial|openai|anthropic|google|gemini|mistral|groq|[\w.-]+'s)(?:\s+[\w.-]+)?\s+apis?\b/gi,
    /\b(?:stay|stick|remain|keep)(?:ing)?\s+(?:on|with)\s+(?:the\s+)?(?:[\w.-]+\s+)?apis?\b/gi,
    /\b(?:via|through|over)\s+(?:the|an?)\s+apis?\b/gi,
    /\bpay(?:ing|s)?[- ](?:per|by the)[- ](?:token|request|call)s?\b/gi,
    /\bper[- ]token (?:pricing|billing|prices)\b/gi,
    /\b(?:the|an?)\s+apis?\b/gi,
    /\bapis?\b/gi,
    /\b(?:openai|anthropic|groq)\b/gi,
  ],
  "self-hosted": [
    /\bself[- ]?host(?:ed|ing|s)?\b/gi,
    /\b(?:run|host|serve)(?:ning|ing|s)?\s+(?:it|the model|them|[\w.-]+(?:\s+[\w.-]+){0,3})\s+yourself\b/gi,
    /\b(?:host|run|serv)(?:e|es|s|ing|ning)?\s+(?:your|our|their)\s+own\b(?:\s+(?:model|llm|weights|gpus?)s?)?/gi,
    /\byour own (?:gpus?|gpu instances?|servers? in the cloud)\b/gi,
  ],
  "private-cloud": [
    /\b(?:managed\s+)?private(?:[- ]cloud)?\s+(?:deployment|endpoint|cloud)s?\b/gi,
    /\bprivate[- ]cloud\b/gi,
    /\b(?:amazon\s+)?bedrock(?:\s+apis?)?\b/gi,
    /\bazure openai(?:\s+(?:service|apis?))?\b/gi,
    /\bvertex(?:\s+ai)?(?:\s+apis?)?\b/gi,
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

const FIXED_TERMS: VerdictTerm[] = (Object.entries(FIXED) as Array<[Verdict, RegExp[]]>).flatMap(
  ([verdict, res]) => res.map((pattern) => ({ pattern, verdicts: [verdict], fixed: true })),
);

/** The head of a deployment, when it is a product name: "vLLM", "Amazon Bedrock", "Groq API". */
function deploymentHead(deployment: string): string | null {
  const head = deployment.split(/\s+(?:on|in|for|with)\s+|\s*[(,;]/)[0]?.trim() ?? "";
  return head && !head.includes("+") && head.split(/\s+/).length <= 3 && /[A-Z]/.test(head) ? head : null;
}

/**
 * The fixed terms plus the Advice's own names: each option's model and deployment stand for the
 * verdicts of the options that have them, so "We recommend gpt-4o." contradicts a self-hosted verdict
 * while the recommended option's model stays fine.
 */
export function verdictTerms(a: Advice): VerdictTerm[] {
  const byName = new Map<string, { name: string; verdicts: Set<Verdict> }>();
  const add = (name: string, v: Verdict) => {
    const entry = byName.get(name.toLowerCase()) ?? { name, verdicts: new Set<Verdict>() };
    entry.verdicts.add(v);
    byName.set(name.toLowerCase(), entry);
  };
  for (const o of [...a.options, ...a.excluded.map((e) => e.option)]) {
    for (const name of modelSpellings(o.model)) add(name, o.verdict);
    const head = deploymentHead(o.deployment);
    if (head) add(head, o.verdict);
  }
  const derived = [...byName.values()].map((e) => ({
    pattern: namePattern(e.name),
    verdicts: [...e.verdicts],
    fixed: false,
  }));
  return [...FIXED_TERMS, ...derived];
}

export interface VerdictMention {
  verdicts: readonly Verdict[];
  start: number;
  end: number;
  fixed: boolean;
}

/** Every verdict a text names, the longest match first where two overlap (a fixed term on a tie). */
export function verdictMentions(text: string, terms: readonly VerdictTerm[] = FIXED_TERMS): VerdictMention[] {
  const all: VerdictMention[] = [];
  for (const t of terms)
    for (const m of text.matchAll(t.pattern))
      all.push({ verdicts: t.verdicts, start: m.index, end: m.index + m[0].length, fixed: t.fixed });
  all.sort(
    (a, b) => b.end - b.start - (a.end - a.start) || Number(b.fixed) - Number(a.fixed) || a.start - b.start,
  );
  const kept: VerdictMention[] = [];
  for (const m of all) if (!kept.some((k) => m.start < k.end && k.start < m.end)) kept.push(m);
  return kept.sort((a, b) => a.start - b.start);
}

/** Verdicts a verdict is made of, which it may name while recommending itself. */
const PARTS: Record<Verdict, readonly Verdict[]> = {
  api: [],
  "self-hosted": [],
  "private-cloud": [],
  hybrid: ["api", "self-hosted"],
  // Running models on your own hardware is self-hosting too.
  local: ["self-hosted"],
};

/** Words that make a clause a recommendation; "next best" ranks the runner-up, it does not pick it. */
const CUE =
  /\b(?:recommend\w*|suggest\w*|should|(?<!\bnext |\bsecond[- ])best|better|wins?|winning|winner|i'd|i would|we'd|we would|(?:our|my|top) (?:pick|choice|advice)|stick(?:ing)? with|prefer\w*|go(?:ing)? (?:with|for)|opt(?:ing)? for|choos\w+|pick|switch(?:ing)? to|mov(?:e|ing) to|migrat\w* to|verdict|consider|could|the way to go|makes (?:more )?sense|the answer is)\b/i;
/** A sentence that opens with an order: "Self-host Llama.", "Use the OpenAI API." */
const IMPERATIVE =
  /^\W*(?:so,?\s+|then,?\s+|instead,?\s+)?(?:self-host|host|run|use|stay|stick|switch|move|migrate|go|deploy|adopt|choose|pick|keep|start)\b/i;
/** Words just before a mention that put it aside: "rather than the API", "cheaper than self-hosting". */
const NEGATED_BEFORE =
  /(?:\bnot|n't|\bnever|\bno|\brather than|\binstead of|\bover|\bthan|\bavoid\w*|\brules? out|\bruling out|\bexclud\w+|\bout of|\bunlike|\bversus|\bvs\.?|\bwithout)\b[^.;:,]{0,40}$/i;
/** Words just after a mention that put it aside: "the API is ruled out", "self-hosting never wins". */
const NEGATED_AFTER =
  /^[^.;:]{0,40}?(?:\b(?:is|are|was|were|would be|gets?)\s+(?:ruled out|excluded|not|off the table|disallowed|too|more expensive|costlier|pricier)\b|\b(?:never|no longer|not|won't|wouldn't|doesn't|does not|isn't|cannot|can't|loses|would cost more|costs? more)\b)/i;
/** Where a clause ends: after ; or :, and before "because", "since", "while"... */
const CLAUSE_END = /[;:]|(?=,?\s+(?:because|since|while|whereas|although|though|but)\b)/g;
/** A clause that only announces what follows ("Our pick:", "Recommendation:"), so the recommendation carries past its colon. */
const isHeader = (clause: string) => clause.trim().replace(/:$/, "").trim().split(/\s+/).length <= 4;

const positive = (s: string, m: VerdictMention, offset: number): boolean =>
  !NEGATED_BEFORE.test(s.slice(0, m.start - offset)) && !NEGATED_AFTER.test(s.slice(m.end - offset));

export type VerdictCheck =
  | { ok: true }
  | { ok: false; reason: "recommends-other"; recommended: Verdict }
  | { ok: false; reason: "verdict-missing" };

/**
 * The clauses of a text (split at ; and :, and before "because", "since", "while"...), each marked
 * when it recommends something.
 */
function clauses(
  text: string,
  mentions: readonly VerdictMention[],
): Array<{ start: number; end: number; recommends: boolean }> {
  const out: Array<{ start: number; end: number; recommends: boolean }> = [];
  for (const s of sentences(text)) {
    // An order opens a sentence ("Self-host Llama."); it reaches to the sentence's first ; or :.
    let carried = IMPERATIVE.test(s.text);
    const cuts = [...s.text.matchAll(CLAUSE_END)].map((m) => m.index + m[0].length);
    const points = [...new Set([0, ...cuts.filter((c) => c > 0 && c < s.text.length), s.text.length])];
    for (let i = 0; i + 1 < points.length; i++) {
      const clause = s.text.slice(points[i], points[i + 1]);
      const start = s.start + (points[i] ?? 0);
      const end = start + clause.length;
      const recommends = carried || CUE.test(clause);
      out.push({ start, end, recommends });
      // "Our pick: Mistral 7B" recommends past the colon; "We recommend X because ...: the API no longer pays" does not.
      const names = mentions.some((x) => x.start >= start && x.end <= end);
      carried = recommends && clause.trimEnd().endsWith(":") && isHeader(clause) && !names;
    }
  }
  return out;
}

/**
 * Whether a text agrees with the verdict: no clause recommends another verdict (a recommendation
 * word or an opening order, and a mention that stands for no part of the verdict, not put aside by
 * "rather than", "is ruled out"...), and, once the text is complete, the verdict itself is named.
 */
export function checkVerdict(
  text: string,
  verdict: Verdict,
  complete: boolean,
  terms: readonly VerdictTerm[] = FIXED_TERMS,
): VerdictCheck {
  const mentions = verdictMentions(text, terms);
  const fine = new Set<Verdict>([verdict, ...PARTS[verdict]]);
  for (const c of clauses(text, mentions)) {
    if (!c.recommends) continue;
    const clause = text.slice(c.start, c.end);
    for (const m of mentions) {
      if (m.start < c.start || m.end > c.end || m.verdicts.some((v) => fine.has(v))) continue;
      if (positive(clause, m, c.start))
        return { ok: false, reason: "recommends-other", recommended: m.verdicts[0] as Verdict };
    }
  }
  if (complete && !mentions.some((m) => m.verdicts.length === 1 && m.verdicts[0] === verdict))
    return { ok: false, reason: "verdict-missing" };
  return { ok: true };
}

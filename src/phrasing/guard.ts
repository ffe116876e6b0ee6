import type { Advice } from "../domain/advice.js";
import { type AllowedNumbers, allowedNumbers, isAllowed } from "./advice-numbers.js";
import { adviceFacts, type Facts } from "./facts.js";
import { type MoneyOwners, misattributed, moneyOwners } from "./money-owners.js";
import { numberMentions } from "./number-mentions.js";
import { factsSummary } from "./template.js";
import { maskNames, modelSpellings, namesPattern } from "./text-parts.js";
import { checkVerdict, type VerdictTerm, verdictTerms } from "./verdict-words.js";

/**
 * Why a text was refused. No field holds the text or any part of it: a refusal is logged, and the
 * text may echo what the user typed.
 */
export type GuardResult =
  | { ok: true; numbers: number }
  | { ok: false; outcome: "guard-number"; numbers: number; unmatched: number; kinds: string[] }
  | { ok: false; outcome: "guard-verdict"; reason: "recommends-other" | "verdict-missing" };

/** Checks texts about one Advice; the Advice's figures are collected once. */
export interface Guard {
  /** `complete` is false for a streamed prefix: the verdict may still be named later. */
  check(text: string, complete?: boolean): GuardResult;
}

interface Collected {
  /** The Advice's model names, whose digits are no figures. */
  names: RegExp | null;
  allowed: AllowedNumbers;
  owners: MoneyOwners;
  terms: VerdictTerm[];
}

/** What the guard needs of an Advice, kept while the Advice lives: one phrased again (a stream, a re-render) is not read twice. */
const collected = new WeakMap<Advice, Collected>();

function collect(advice: Advice, facts: Facts): Collected {
  const hit = collected.get(advice);
  if (hit) return hit;
  const models = [...advice.options, ...advice.excluded.map((e) => e.option)].map((o) => o.model);
  const names = namesPattern(
    [...models, ...facts.retirements.flatMap((r) => [r.model, r.replacement ?? ""])].flatMap(modelSpellings),
  );
  const c = {
    names,
    allowed: allowedNumbers(facts, factsSummary(facts), (t) => maskNames(t, names)),
    owners: moneyOwners(advice, facts),
    terms: verdictTerms(advice),
  };
  collected.set(advice, c);
  return c;
}

/**
 * The numbers guard (DESIGN.md, "Numbers come from the engine only"): every figure in the text must
 * be one the LLM was sent (display rounding allowed), of the same kind (money, ratio, duration...),
 * an amount said of a model must be that model's, and no sentence may recommend another verdict.
 */
export function createGuard(advice: Advice, facts: Facts = adviceFacts(advice)): Guard {
  return {
    check(text, complete = true) {
      const { names, allowed, owners, terms } = collect(advice, facts);
      const mentions = numberMentions(maskNames(text, names));
      const unknown = mentions.filter((m) => !isAllowed(m, allowed));
      const bad = unknown.length > 0 ? unknown : misattributed(text, mentions, owners);
      if (bad.length > 0)
        return {
          ok: false,
          outcome: "guard-number",
          numbers: mentions.length,
          unmatched: bad.length,
          kinds: [...new Set(bad.map((m) => m.kind))],
        };
      const v = checkVerdict(text, advice.verdict, complete, terms);
      if (!v.ok) return { ok: false, outcome: "guard-verdict", reason: v.reason };
      return { ok: true, numbers: mentions.length };
    },
  };
}

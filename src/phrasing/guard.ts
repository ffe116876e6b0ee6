import type { Advice } from "../domain/advice.js";
import { type AllowedNumbers, allowedNumbers, isAllowed } from "./advice-numbers.js";
import { adviceFacts, type Facts } from "./facts.js";
import { numberMentions } from "./number-mentions.js";
import { checkVerdict } from "./verdict-words.js";

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

/** The figures of Advices phrased lately: an Advice phrased again (a stream, a re-render) is not walked twice. */
const collected = new WeakMap<Advice, AllowedNumbers>();

/**
 * The numbers guard (DESIGN.md, "Numbers come from the engine only"): every figure in the text must
 * be one of the Advice's (display rounding allowed), and no sentence may recommend another verdict.
 */
export function createGuard(advice: Advice, facts: Facts = adviceFacts(advice)): Guard {
  let allowed: AllowedNumbers | null = null;
  return {
    check(text, complete = true) {
      allowed ??= collected.get(advice) ?? allowedNumbers(advice, facts);
      collected.set(advice, allowed);
      const mentions = numberMentions(text);
      const bad = mentions.filter((m) => !isAllowed(m, allowed as AllowedNumbers));
      if (bad.length > 0)
        return {
          ok: false,
          outcome: "guard-number",
          numbers: mentions.length,
          unmatched: bad.length,
          kinds: [...new Set(bad.map((m) => m.kind))],
        };
      const v = checkVerdict(text, advice.verdict, complete);
      if (!v.ok) return { ok: false, outcome: "guard-verdict", reason: v.reason };
      return { ok: true, numbers: mentions.length };
    },
  };
}

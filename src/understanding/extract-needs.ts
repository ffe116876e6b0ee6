import { NEED_RULES } from "./need-rules.js";
import { negateFact, negationAround } from "./negation.js";
import { type ReadContext, rx, startOf, textOf } from "./reading.js";

/** Compiled once: rules are data, the word boundaries are the same for all. */
const COMPILED = NEED_RULES.map((rule) => ({
  ...rule,
  re: rx(String.raw`(?<![\w])(?:${rule.pattern})(?![\w])`),
}));

/**
 * Use case, compliance, team, customization, quality, latency, lifecycle and cloud, from
 * NEED_RULES. A need with a negation around it ("not real-time", "HIPAA is not a concern") is
 * read with the negation, which is claimed too so it is neither dropped nor reported.
 */
export function readNeeds(ctx: ReadContext): void {
  for (const rule of COMPILED) {
    ctx.spans.each(rule.re, (m) => {
      const start = startOf(m);
      const end = m.index + m[0].length;
      const negation = negationAround(ctx.spans.current, start, end);
      const text = negation ? ctx.spans.text.slice(negation.start, negation.end).trim() : textOf(m);
      for (const f of rule.facts) {
        const fact = { ...f, op: f.op ?? "set", text, start: negation?.start ?? start };
        ctx.facts.push(negation ? negateFact(fact) : fact);
      }
      return negation ?? true;
    });
  }
}

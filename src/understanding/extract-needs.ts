import { NEED_RULES } from "./need-rules.js";
import { type ReadContext, rx, startOf, textOf } from "./reading.js";

/** Compiled once: rules are data, the word boundaries are the same for all. */
const COMPILED = NEED_RULES.map((rule) => ({
  ...rule,
  re: rx(String.raw`(?<![\w])(?:${rule.pattern})(?![\w])`),
}));

/** Use case, compliance, team, customization, quality, latency, lifecycle and cloud, from NEED_RULES. */
export function readNeeds(ctx: ReadContext): void {
  for (const rule of COMPILED) {
    ctx.spans.each(rule.re, (m) => {
      for (const f of rule.facts) {
        ctx.facts.push({ ...f, op: f.op ?? "set", text: textOf(m), start: startOf(m) });
      }
      return true;
    });
  }
}

import { addNote, type ReadContext, rx } from "./reading.js";

/**
 * Deployment preferences ("we want to self-host", "must run locally", "what if we use the API?").
 * The Profile has no field for a preference, because the verdict comes from the rules; so each
 * one is told back, saying where the answer covers it, instead of being dropped as filler.
 */

const IT = String.raw`(?:\s+(?:it|them|this|everything|the\s+models?|models?|the\s+llm|an?\s+llm|our\s+own\s+models?))?`;

const PREFERENCES: ReadonlyArray<[string, string]> = [
  [
    String.raw`self[\s-]?host(?:ed|ing|s)?(?:\s+(?:it|them|the\s+models?|models?|an?\s+(?:open\s+)?models?))?|(?:host|run|serve)(?:s|ing)?${IT}\s+(?:ourselves|our\s*selves|in[\s-]house|on\s+our\s+own(?:\s+(?:gpus|infra(?:structure)?|servers|hardware))?)`,
    "you want to self-host",
  ],
  [
    String.raw`(?:run|host|deploy|keep|serve)(?:s|ing)?${IT}\s+locally|locally(?:\s+hosted)?|local\s+(?:models?|llms?|deployment|inference|hosting)|on\s+(?:our\s+|a\s+)?(?:laptops?|own\s+machines?|devices?|desktops?)|ollama|lm\s+studio`,
    "you want to run it locally",
  ],
  [
    String.raw`(?:must|needs?\s+to|has\s+to|have\s+to|should)\s+be\s+open[\s-]?(?:source|weights?)|open[\s-]?(?:source|weights?)(?:\s+(?:only|models?|llms?))|an?\s+open[\s-]?(?:source|weights?)\s+(?:model|llm)`,
    "you want an open model",
  ],
  [
    String.raw`(?:use|using|stay\s+(?:on|with)|stick\s+(?:to|with)|go\s+with|via|through|call(?:ing)?)\s+(?:the\s+|an?\s+|a\s+hosted\s+|a\s+managed\s+|their\s+)?(?:apis?|saas)(?![\w-])|api[\s-](?:only|based)|(?:hosted|managed)\s+apis?`,
    "you lean to an API",
  ],
  [String.raw`hybrid(?:\s+(?:setup|approach|deployment|mode))?`, "you want a hybrid"],
  [String.raw`private\s+(?:cloud|deployment|endpoint)s?`, "you want a private deployment"],
];

/** "the break-even for self-hosting", "API vs self-hosting": a deployment compared, not wished for. */
const COMPARED = /\b(?:for|of|vs\.?|versus|or|than|between|and|against)\s+$/i;

/** Reads deployment preferences as notes; a concept question that names one still gets its concept. */
export function readDeploymentPreferences(ctx: ReadContext): void {
  for (const [pattern, what] of PREFERENCES) {
    ctx.spans.each(rx(String.raw`(?<![\w-])(?:${pattern})(?![\w-])`), (m) => {
      if (COMPARED.test(ctx.spans.text.slice(Math.max(0, m.index - 12), m.index))) return true;
      addNote(
        ctx,
        m,
        `noted: ${what}; the options include such deployments where the rules allow them, and the verdict follows the rules`,
      );
      return true;
    });
  }
}

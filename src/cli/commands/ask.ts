import { advise } from "../../domain/advise.js";
import { CONCEPTS } from "../../domain/concepts.js";
import { silentLogger } from "../../logging.js";
import { createMetrics } from "../../metrics.js";
import { createPhrasingService, extractProfile, type PhrasingResult } from "../../phrasing/index.js";
import { answerView } from "../../render/answer-view.js";
import { conceptMarkdown, conceptText, understoodLines } from "../../render/concept.js";
import { adviceJson } from "../../render/json.js";
import { adviceMarkdown } from "../../render/markdown.js";
import { adviceText } from "../../render/text.js";
import type { Understood } from "../../understanding/types.js";
import { understand } from "../../understanding/understand.js";
import { type CliContext, emit } from "../context.js";
import { badInput, CliError } from "../errors.js";

/** Who phrased the summary, said only when an LLM was asked for. */
function phrasedBy(ctx: CliContext, s: PhrasingResult): string | null {
  if (s.outcome === "llm" || s.outcome === "cache")
    return `phrased by ${s.provider} ${s.model}; figures checked against the engine's`;
  const skipped = ctx.phrasing.skipped.map((x) => `${x.provider} is not configured: ${x.reason}`);
  const tried = s.attempts.map((a) => `${a.provider}: ${a.outcome}`);
  const why = [...skipped, ...tried];
  return why.length > 0 ? `template summary; ${why.join("; ")}` : null;
}

/** Markdown: the answer's heading, the summary as its lead paragraph, then the rest. */
function withLead(markdown: string, lead: string, after: string[]): string {
  const [heading = "", ...rest] = markdown.split("\n\n");
  return [heading, lead, ...rest, ...after].filter(Boolean).join("\n\n");
}

/** `llm-advise "<question>"`: understand the text, run the engine, phrase the summary, print the answer. */
export async function askCommand(ctx: CliContext, question: string): Promise<void> {
  const u = understand(question, ctx.catalog);
  switch (u.kind) {
    case "empty":
      throw badInput(
        'no question given: try llm-advise "500k requests a month on gpt-4o-mini" or llm-advise --help',
      );
    case "invalid":
      throw badInput(u.problems.join("; "));
    case "concept": {
      const concept = CONCEPTS.find((c) => c.id === u.conceptId);
      if (!concept) throw new CliError("internal", `concept ${u.conceptId} has no answer`);
      emit(ctx, conceptText(concept), conceptMarkdown(concept), {
        schemaVersion: 1,
        kind: "concept",
        ...concept,
      });
      return;
    }
    case "advice": {
      const phrasing = createPhrasingService(ctx.phrasing, {
        logger: silentLogger(),
        metrics: createMetrics(false),
      });
      let understood: Understood[] = u.understood;
      let result = advise(u.profile, ctx.catalog, { today: ctx.today });
      // What the parser could not use goes to the LLM for structured extraction; its figures never override typed ones.
      if (result.ok && ctx.phrasing.extraction && phrasing.configured && u.unused.length > 0) {
        const x = await extractProfile(phrasing, question, u.profile);
        const richer =
          x.ok && x.added.length > 0 ? advise(x.profile, ctx.catalog, { today: ctx.today }) : null;
        if (x.ok && richer?.ok) {
          result = richer;
          const note = `read by ${x.provider} (${x.model}) from what the parser could not use`;
          understood = [...understood, ...x.added.map((a) => ({ ...a, text: u.unused.join(", "), note }))];
        }
      }
      if (!result.ok) throw badInput(result.error.map((i) => i.message).join("; "));
      const summary = await phrasing.phrase(result.value, { question });
      const by = phrasedBy(ctx, summary);
      const contract = adviceJson(result.value);
      const view = answerView(contract);
      const read = understoodLines(understood, u.unused);
      emit(
        ctx,
        [`Summary: ${summary.text}${by ? `\n(${by})` : ""}`, read, adviceText(view)]
          .filter(Boolean)
          .join("\n\n"),
        withLead(adviceMarkdown(view), `**Summary:** ${summary.text}${by ? `  \n_${by}_` : ""}`, [
          understoodLines(understood, u.unused, "markdown"),
        ]),
        {
          ...contract,
          summary: {
            text: summary.text,
            provider: summary.provider,
            model: summary.model,
            outcome: summary.outcome,
          },
          understanding: { understood, unused: u.unused },
        },
      );
    }
  }
}

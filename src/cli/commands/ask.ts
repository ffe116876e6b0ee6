import { answerProfile } from "../../conversation/answer-profile.js";
import { CONCEPTS } from "../../domain/concepts.js";
import { silentLogger } from "../../logging.js";
import { createMetrics } from "../../metrics.js";
import { createPhrasingService, type PhrasingResult } from "../../phrasing/index.js";
import { answerView } from "../../render/answer-view.js";
import { conceptMarkdown, conceptText, understoodLines } from "../../render/concept.js";
import { adviceMarkdown } from "../../render/markdown.js";
import { adviceText } from "../../render/text.js";
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
      // The same turn as every surface's: extraction of what the parser could not use, the engine, phrasing.
      const r = await answerProfile(
        u.profile,
        { catalog: ctx.catalog, phrasing, extraction: ctx.phrasing.extraction, today: () => ctx.today },
        { question, unused: u.unused, understood: u.understood },
      );
      if (!r.ok) throw badInput(r.issues.map((i) => i.message).join("; "));
      const { summary, contract, understood, unused } = r.value;
      const by = phrasedBy(ctx, summary);
      const view = answerView(contract);
      const read = understoodLines(understood, unused);
      emit(
        ctx,
        [`Summary: ${summary.text}${by ? `\n(${by})` : ""}`, read, adviceText(view)]
          .filter(Boolean)
          .join("\n\n"),
        adviceMarkdown(view, {
          lead: `**Summary:** ${summary.text}${by ? `  \n_${by}_` : ""}`,
          read: understoodLines(understood, unused, "markdown"),
        }),
        {
          ...contract,
          summary: {
            text: summary.text,
            provider: summary.provider,
            model: summary.model,
            outcome: summary.outcome,
          },
          understanding: { understood, unused },
        },
      );
    }
  }
}

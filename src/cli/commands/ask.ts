import { advise } from "../../domain/advise.js";
import { CONCEPTS } from "../../domain/concepts.js";
import { answerView } from "../../render/answer-view.js";
import { conceptMarkdown, conceptText, understoodLines } from "../../render/concept.js";
import { adviceJson } from "../../render/json.js";
import { adviceMarkdown } from "../../render/markdown.js";
import { adviceText } from "../../render/text.js";
import { understand } from "../../understanding/understand.js";
import { type CliContext, emit } from "../context.js";
import { badInput, CliError } from "../errors.js";

/** `llm-advise "<question>"`: understand the text, run the engine, print the answer. */
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
      const result = advise(u.profile, ctx.catalog, { today: ctx.today });
      if (!result.ok) throw badInput(result.error.map((i) => i.message).join("; "));
      const contract = adviceJson(result.value);
      const view = answerView(contract);
      const read = understoodLines(u.understood, u.unused);
      emit(
        ctx,
        [read, adviceText(view)].filter(Boolean).join("\n\n"),
        [adviceMarkdown(view), understoodLines(u.understood, u.unused, "markdown")]
          .filter(Boolean)
          .join("\n\n"),
        {
          ...contract,
          understanding: { understood: u.understood, unused: u.unused },
        },
      );
    }
  }
}

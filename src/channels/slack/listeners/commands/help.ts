import { helpMessages } from "../../blocks/replies.js";
import type { Subcommand } from "./types.js";

/** `/llm-advise help`: usage with examples, only to the user who asked; "help me pick…" is a question. */
export const helpCommand: Subcommand = {
  takes: (rest) => /^[\s?!.]*(?:please|pls)?[\s?!.]*$/i.test(rest),
  run: async ({ ack, context }) => {
    const [message] = helpMessages(context.advisor.command);
    await ack({ response_type: "ephemeral", text: message?.text ?? "", blocks: message?.blocks ?? [] });
  },
};

import { helpMessages } from "../../blocks/replies.js";
import type { Subcommand } from "./types.js";

/** `/llm-advise help`: usage with examples, only to the user who asked. */
export const helpCommand: Subcommand = async ({ ack, context }) => {
  const [message] = helpMessages(context.advisor.command);
  await ack({ response_type: "ephemeral", text: message?.text ?? "", blocks: message?.blocks ?? [] });
};

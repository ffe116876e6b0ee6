import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import type { AdvisorContext } from "../../context.js";

/** The arguments of a slash-command listener, as Bolt types them, with our context. */
export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs<AdvisorContext>;

/**
 * A sub-command of `/llm-advise`, chosen by the first word of its text (`/llm-advise help`) when
 * the words after it are its own: "help me pick a model for 2M requests" is a question, not help.
 */
export interface Subcommand {
  /** Whether the text after the word is for this sub-command. */
  takes(rest: string): boolean;
  /** Runs it; it must ack at once. */
  run(args: CommandArgs & { rest: string }): Promise<void>;
}

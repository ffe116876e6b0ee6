import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import type { AdvisorContext } from "../../context.js";

/** The arguments of a slash-command listener, as Bolt types them, with our context. */
export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs<AdvisorContext>;

/**
 * A sub-command of `/llm-advise`, chosen by the first word of its text (`/llm-advise help`). It gets
 * the command's arguments and the text after the word; it must ack at once.
 */
export type Subcommand = (args: CommandArgs & { rest: string }) => Promise<void>;

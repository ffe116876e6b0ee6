import type { AdvisorApp } from "../../context.js";
import { digestCommand } from "./digest.js";
import { helpCommand } from "./help.js";
import { llmAdviseCommand } from "./llm-advise.js";
import type { Subcommand } from "./types.js";

/** The slash command, as manifests/slack/manifest.yaml declares it. */
export const SLASH_COMMAND = "/llm-advise";

/** `/llm-advise <word> …` sub-commands: add one by writing its file and listing it here. */
export const SUBCOMMANDS: Readonly<Record<string, Subcommand>> = {
  help: helpCommand,
  digest: digestCommand,
};

export function register(app: AdvisorApp): void {
  app.command(SLASH_COMMAND, llmAdviseCommand(SUBCOMMANDS));
}

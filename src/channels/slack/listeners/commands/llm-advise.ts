import type { SlashCommand } from "@slack/bolt";
import { apiFor } from "../../context.js";
import { askInChannel } from "../../flows/ask.js";
import { openQuestionForm } from "../../flows/form.js";
import type { CommandArgs, Subcommand } from "./types.js";

/** The first word of the text, lower-cased, and the rest: how sub-commands are chosen. */
export function splitCommand(text: string): { word: string; rest: string } {
  const trimmed = text.trim();
  const at = trimmed.search(/\s/);
  return at === -1
    ? { word: trimmed.toLowerCase(), rest: "" }
    : { word: trimmed.slice(0, at).toLowerCase(), rest: trimmed.slice(at).trim() };
}

/**
 * `/llm-advise`: alone, it opens the question form; with a sub-command's word followed by words it
 * takes, that sub-command runs; otherwise the text is a question, answered in the channel. It acks
 * before anything slow.
 */
export const llmAdviseCommand =
  (subcommands: Readonly<Record<string, Subcommand>>) =>
  async (args: CommandArgs): Promise<void> => {
    const { ack, command, client, context, respond } = args;
    const { word, rest } = splitCommand(command.text);
    const sub = subcommands[word];
    if (sub?.takes(rest)) return sub.run({ ...args, rest });
    await ack();
    const deps = context.advisor;
    const api = apiFor(client, deps);
    if (word === "") {
      await openQuestionForm(api, command.trigger_id, { channelId: command.channel_id });
      return;
    }
    await askInChannel(deps, api, {
      teamId: teamOf(command),
      userId: command.user_id,
      channel: command.channel_id,
      question: command.text.trim(),
      respond,
    });
  };

const teamOf = (c: SlashCommand): string => c.team_id || c.enterprise_id || "unknown";

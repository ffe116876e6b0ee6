/**
 * The bot's commands: what the app manifest's command lists show in Teams' compose box, and what the
 * message handler dispatches on (the first word). Adding one: an entry here, its handler in bot.ts,
 * and the same title in manifests/teams/manifest.json (a test keeps the three in step).
 * @see https://learn.microsoft.com/microsoftteams/platform/bots/how-to/create-a-bot-commands-menu
 */

/** The manifest's scopes, each with a command list of its own so that it can say "chat" or "channel". */
export const COMMAND_SCOPES = ["personal", "team", "groupChat"] as const;
export type CommandScope = (typeof COMMAND_SCOPES)[number];

const HERE: Record<CommandScope, string> = {
  personal: "this chat",
  team: "this channel",
  groupChat: "this chat",
};
const ASK = "llm-advise 500k requests a month, HIPAA, on gpt-4o-mini";

interface TeamsCommand {
  title: string;
  /** The scopes whose command list shows it; the bot understands every command everywhere. */
  scopes: readonly CommandScope[];
  description: (scope: CommandScope) => string;
}

export const TEAMS_COMMANDS = [
  {
    title: "llm-advise",
    scopes: COMMAND_SCOPES,
    // In a chat it starts a new thread; in a channel every new post does.
    description: (s) =>
      s === "team"
        ? `Which LLM to run and where, and what it costs: ${ASK}`
        : `A fresh question, apart from earlier answers here: ${ASK}`,
  },
  {
    title: "new",
    scopes: ["personal", "groupChat"],
    description: () =>
      "Start over: a new question that later messages follow up on: new 2M requests a month on gpt-4o",
  },
  {
    title: "digest",
    scopes: COMMAND_SCOPES,
    description: (s) =>
      `Cost digests for ${HERE[s]}: digest weekly mon 09:00 Europe/Berlin, digest list, digest off <id>`,
  },
  { title: "help", scopes: COMMAND_SCOPES, description: () => "What I can do, with examples" },
] as const satisfies readonly TeamsCommand[];

export type TeamsCommandName = (typeof TEAMS_COMMANDS)[number]["title"];

/** A scope's command list as the manifest has it. */
export const commandList = (scope: CommandScope): Array<{ title: string; description: string }> =>
  TEAMS_COMMANDS.filter((c) => (c.scopes as readonly CommandScope[]).includes(scope)).map((c) => ({
    title: c.title,
    description: c.description(scope),
  }));

/** A message split into its command (when the first word names one) and the rest. */
export type ParsedMessage = { command: TeamsCommandName; rest: string } | { command: null; rest: string };

const isCommand = (w: string): w is TeamsCommandName => TEAMS_COMMANDS.some((c) => c.title === w);

/** "llm-advise 500k a month" → llm-advise + "500k a month"; "/help" → help; anything else is a question. */
export function parseMessage(text: string): ParsedMessage {
  const trimmed = text.trim();
  const [first = "", ...rest] = trimmed.split(/\s+/);
  const word = first.replace(/^\//, "").toLowerCase();
  return isCommand(word) ? { command: word, rest: rest.join(" ") } : { command: null, rest: trimmed };
}

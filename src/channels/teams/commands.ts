/**
 * The bot's commands: what the app manifest's command lists show in Teams' compose box, and what the
 * message handler dispatches on (the first word). Adding one: an entry here, its handler in bot.ts,
 * and the same title in manifests/teams/manifest.json (a test keeps the three in step).
 * @see https://learn.microsoft.com/microsoftteams/platform/bots/how-to/create-a-bot-commands-menu
 */
export const TEAMS_COMMANDS = [
  {
    title: "llm-advise",
    description:
      "Which LLM to run and where, and what it costs: llm-advise 500k requests a month, HIPAA, on gpt-4o-mini",
  },
  {
    title: "digest",
    description:
      "Cost digests for this chat: digest weekly mon 09:00 Europe/Berlin, digest list, digest off <id>",
  },
  { title: "help", description: "What I can do, with examples" },
] as const;

export type TeamsCommandName = (typeof TEAMS_COMMANDS)[number]["title"];

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

import { digestReplyText, handleDigestCommand } from "../../../../digest/index.js";
import { apiFor } from "../../context.js";
import type { Subcommand } from "./types.js";

/** The words a digest command starts with; anything else after "digest" is a question ("digest of our costs at 2M…"). */
const DIGEST_VERBS = new Set(["help", "list", "off", "stop", "daily", "weekdays", "weekly", "monthly"]);
/** One field of a cron expression (croner's syntax): digits, `*`, ranges, steps, lists, `L`, `W`, `#`, `?`. */
const CRON_FIELD = /^(?=.*[\d*?])[\d*,/\-LW#?]+$/i;

/** Whether the text after "digest" is a digest command: nothing, a known verb or schedule word, or a five-field cron. */
export function isDigestCommand(rest: string): boolean {
  const words = rest.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  if (DIGEST_VERBS.has((words[0] ?? "").toLowerCase())) return true;
  return words.length >= 5 && words.slice(0, 5).every((w) => CRON_FIELD.test(w));
}

/**
 * `/llm-advise digest …`: subscribe the channel to a cost digest (`weekly mon 09:00 Europe/Berlin`,
 * optionally `for <question>`), list its digests, or stop one. Only the channel's members may change
 * them; the reply is visible to the channel when something changed, privately otherwise.
 */
export const digestCommand: Subcommand = { takes: isDigestCommand, run: runDigest };

async function runDigest({ ack, command, client, context, respond, rest }: Parameters<Subcommand["run"]>[0]) {
  await ack();
  const deps = context.advisor;
  const api = apiFor(client, deps);
  // A DM is the user's own; for channels, Slack tells whether the user is in it.
  const isChannelMember =
    command.channel_id.startsWith("D") || (await api.userChannels(command.user_id)).has(command.channel_id);
  const timezone = await api.userTimezone(command.user_id).catch(() => null);
  const reply = await handleDigestCommand(
    { store: deps.store, catalog: deps.catalog, now: deps.now, defaultTimezone: deps.digestTimezone },
    {
      channel: {
        platform: "slack",
        workspaceId: command.team_id || command.enterprise_id || "unknown",
        channelId: command.channel_id,
      },
      actor: { userId: command.user_id, isChannelMember, timezone },
      text: rest,
    },
  );
  const changed = reply.kind === "subscribed" || reply.kind === "stopped";
  await respond({ response_type: changed ? "in_channel" : "ephemeral", text: digestReplyText(reply) });
}

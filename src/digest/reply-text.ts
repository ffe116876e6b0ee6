import { assertExhaustive } from "../domain/result.js";
import type { DigestReply, SubscriptionLine } from "./commands.js";

/**
 * A digest command's reply as plain text, readable as Slack mrkdwn and as Teams text alike; a
 * surface that wants richer layout renders the reply model itself.
 */

const when = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : "never");

function describe(s: SubscriptionLine): string {
  const state = s.active ? `next ${when(s.nextRunAt)}` : "off";
  const last = s.lastPostedAt ? `; last posted ${when(s.lastPostedAt)}` : "";
  return `${s.id}: ${s.schedule}, for ${s.profile} (${state}${last})`;
}

/** Where the digests go: a channel, or a chat (a Teams 1:1 or group chat) where "this chat" is said. */
export type DigestPlace = "channel" | "chat";

/**
 * The reply's words for `place`. The digest module's texts (here, the help and the refusals) speak
 * of "this channel"; in a chat they say "this chat".
 */
export function digestReplyText(reply: DigestReply, place: DigestPlace = "channel"): string {
  const text = replyText(reply);
  return place === "channel" ? text : text.replace(/\b([Tt])his channel\b/g, "$1his chat");
}

function replyText(reply: DigestReply): string {
  switch (reply.kind) {
    case "subscribed": {
      const s = reply.subscription;
      const what =
        reply.from === "question"
          ? "the question you gave"
          : reply.from === "answer"
            ? "this answer"
            : reply.from === "thread"
              ? "this thread's latest answer"
              : "this channel's latest answer";
      const verb = reply.created ? "Subscribed this channel" : "Updated this channel's digest";
      return `${verb} to ${what} (${s.profile}), ${s.schedule}. First digest: ${when(s.nextRunAt)}. Stop it with: digest off ${s.id}`;
    }
    case "list":
      return reply.subscriptions.length === 0
        ? "This channel has no digests. Start one with: digest weekly mon 09:00 Europe/Berlin"
        : ["Digests in this channel:", ...reply.subscriptions.map((s) => `- ${describe(s)}`)].join("\n");
    case "stopped":
      return `Stopped digest ${reply.subscription.id} (${reply.subscription.schedule}, for ${reply.subscription.profile}).`;
    case "help":
      return reply.text;
    case "refused":
      return reply.message;
    default:
      return assertExhaustive(reply);
  }
}

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

export function digestReplyText(reply: DigestReply): string {
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

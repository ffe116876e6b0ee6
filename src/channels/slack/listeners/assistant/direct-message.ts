import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { type AdvisorContext, apiFor } from "../../context.js";
import { DM_THREAD, once } from "../../flows/post.js";
import { replyInThread } from "../../flows/reply.js";
import { messageKey, personMessage, teamOf } from "../../incoming.js";

type Args = SlackEventMiddlewareArgs<"message"> & AllMiddlewareArgs<AdvisorContext>;

/**
 * A message at the top level of a direct message with the bot: the DM works like one thread, so a
 * later message is a follow-up of the earlier ones. The answer goes in a thread under the message,
 * with a working status and the summary streamed (both need a thread). DM threads are the assistant's.
 */
export const directMessage = async ({ message, body, context, client }: Args): Promise<void> => {
  const m = personMessage(message);
  if (m?.channel_type !== "im" || m.thread_ts) return;
  const deps = context.advisor;
  const teamId = teamOf(context, body);
  await once(deps, messageKey(teamId, m.channel, m.ts), () =>
    replyInThread(deps, apiFor(client, deps), {
      teamId,
      userId: m.user,
      channel: m.channel,
      threadTs: m.ts,
      threadId: DM_THREAD,
      text: m.text,
      keepQuestion: true,
      assistant: true,
    }),
  );
};

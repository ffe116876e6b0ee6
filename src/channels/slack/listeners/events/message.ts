import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { type AdvisorContext, apiFor } from "../../context.js";
import { once, threadKey } from "../../flows/post.js";
import { replyInThread } from "../../flows/reply.js";
import { mentions, messageKey, personMessage, teamOf } from "../../incoming.js";

type Args = SlackEventMiddlewareArgs<"message"> & AllMiddlewareArgs<AdvisorContext>;

/**
 * A reply in one of the bot's threads in a channel: a follow-up, answered in the thread; a message
 * from which nothing is read ("thanks!", a word to a colleague) gets no reply. Other channel
 * messages are ignored; mentions are the app_mention listener's; DMs the assistant's.
 */
export const channelThreadMessage = async ({ message, body, context, client }: Args): Promise<void> => {
  const m = personMessage(message);
  if (!m || m.channel_type === "im" || !m.thread_ts || m.thread_ts === m.ts) return;
  if (mentions(m.text, context.botUserId)) return;
  const deps = context.advisor;
  const teamId = teamOf(context, body);
  const threadTs = m.thread_ts;
  if (!(await deps.store.threads.getThread(threadKey(teamId, m.channel, threadTs)))) return;
  await once(deps, messageKey(teamId, m.channel, m.ts), () =>
    replyInThread(deps, apiFor(client, deps), {
      teamId,
      userId: m.user,
      channel: m.channel,
      threadTs,
      threadId: threadTs,
      text: m.text,
      quietWhenNothingRead: true,
    }),
  );
};

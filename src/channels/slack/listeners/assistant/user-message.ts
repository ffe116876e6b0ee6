import type { AssistantUserMessageMiddleware } from "@slack/bolt";
import { advisorOf, apiFor } from "../../context.js";
import { once } from "../../flows/post.js";
import { dmThreadId, replyInThread } from "../../flows/reply.js";
import { messageKey, personMessage, teamOf } from "../../incoming.js";

/**
 * A message in a direct-message thread with the bot (the assistant view, or a thread under an
 * answer): works like a channel thread, with a status while answering and the summary streamed.
 */
export const assistantUserMessage: AssistantUserMessageMiddleware = async ({
  message,
  body,
  context,
  client,
}) => {
  const m = personMessage(message);
  if (!m?.thread_ts) return;
  const threadTs = m.thread_ts;
  const deps = advisorOf(context);
  const api = apiFor(client, deps);
  const teamId = teamOf(context, body as { team_id?: string });
  await once(deps, messageKey(teamId, m.channel, m.ts), async () =>
    replyInThread(deps, api, {
      teamId,
      userId: m.user,
      channel: m.channel,
      threadTs,
      threadId: await dmThreadId(deps, { teamId, channel: m.channel, threadTs }),
      text: m.text,
      keepQuestion: true,
      assistant: true,
    }),
  );
};

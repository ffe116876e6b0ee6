import type { AssistantUserMessageMiddleware } from "@slack/bolt";
import { advisorOf, apiFor } from "../../context.js";
import { dmThreadId, replyInThread } from "../../flows/ask.js";
import { once } from "../../flows/post.js";
import { messageKey, personMessage, teamOf } from "../../incoming.js";

/** The status shown while the engine works (cleared by Slack when the reply arrives). */
export const WORKING_STATUS = "is working out the costs…";

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
  await once(deps, messageKey(teamId, m.channel, m.ts), async () => {
    // A status is a nicety; outside an assistant thread Slack may refuse it.
    await api.setStatus(m.channel, threadTs, WORKING_STATUS).catch((error: unknown) => {
      deps.logger.debug({ err: error }, "slack assistant status not shown");
    });
    await replyInThread(deps, api, {
      teamId,
      userId: m.user,
      channel: m.channel,
      threadTs,
      threadId: await dmThreadId(deps, { teamId, channel: m.channel, threadTs }),
      text: m.text ?? "",
      keepQuestion: true,
      stream: true,
    });
  });
};

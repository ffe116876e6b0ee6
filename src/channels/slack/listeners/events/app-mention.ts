import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { type AdvisorContext, apiFor } from "../../context.js";
import { once } from "../../flows/post.js";
import { replyInThread } from "../../flows/reply.js";
import { messageKey, stripMention, teamOf } from "../../incoming.js";

type Args = SlackEventMiddlewareArgs<"app_mention"> & AllMiddlewareArgs<AdvisorContext>;

/**
 * "@llm-advise …": a question (answered in a thread under it) or, in the bot's thread, a follow-up;
 * a follow-up from which nothing is read gets a short reply saying what the bot can change.
 */
export const appMention = async ({ event, body, context, client }: Args): Promise<void> => {
  if (event.bot_id || !event.user) return;
  const deps = context.advisor;
  const teamId = teamOf(context, body);
  const threadTs = event.thread_ts ?? event.ts;
  const user = event.user;
  await once(deps, messageKey(teamId, event.channel, event.ts), () =>
    replyInThread(deps, apiFor(client, deps), {
      teamId,
      userId: user,
      channel: event.channel,
      threadTs,
      threadId: threadTs,
      text: stripMention(event.text, context.botUserId),
      keepQuestion: event.thread_ts === undefined,
    }),
  );
};

import { randomUUID } from "node:crypto";
import type { RespondFn } from "@slack/bolt";
import type { Turn } from "../../../conversation/conversation.js";
import type { Posted, SlackApi } from "../api.js";
import { notInChannelNote, noticeMessages, turnMessages } from "../blocks/replies.js";
import type { SlackDeps } from "../context.js";
import { PRIVATE_THREAD_PREFIX, post, remember, type Target, threadKey } from "./post.js";
import { type Asker, replyInThread } from "./reply.js";

/** A new question for a channel (slash command, form), answered in a thread it starts. */

type ChannelQuestion = Asker & { channel: string; question: string; respond?: RespondFn };

/**
 * A placeholder starts the thread, the answer replaces it, and what does not fit continues in the
 * thread. When the bot is not in the channel the asker gets the answer privately, with how to invite
 * the bot. If answering fails the placeholder says so rather than "working" forever.
 */
export async function askInChannel(deps: SlackDeps, api: SlackApi, args: ChannelQuestion): Promise<void> {
  const started = await api.startThread(
    args.channel,
    `:hourglass_flowing_sand: Working out <@${args.userId}>'s question…`,
  );
  if (!started.ok) {
    await answerPrivately(deps, api, args);
    return;
  }
  const placeholder = started.posted;
  const shown = { replaced: false };
  try {
    const turn = await deps.conversation.turn(
      {
        thread: threadKey(args.teamId, placeholder.channel, placeholder.ts),
        userId: args.userId,
        text: args.question,
        keepQuestion: true,
      },
      "slack",
    );
    await showTurn(deps, api, args, placeholder, turn, shown);
  } catch (error) {
    if (!shown.replaced) await markFailed(deps, api, args, placeholder);
    throw error;
  }
}

/** Puts the turn where the placeholder is, noting in `shown` once the placeholder is gone or replaced. */
async function showTurn(
  deps: SlackDeps,
  api: SlackApi,
  args: ChannelQuestion,
  { channel, ts }: Posted,
  turn: Turn,
  shown: { replaced: boolean },
): Promise<void> {
  const messages = turnMessages(turn, {
    command: deps.command,
    askedBy: { userId: args.userId, question: args.question },
  });
  if (turn.kind === "rejected" || turn.kind === "help") {
    // Nothing worth keeping in the channel: only the asker sees why.
    await api.delete(channel, ts);
    shown.replaced = true;
    if (args.respond) await post(api, { kind: "private", respond: args.respond }, messages);
    else
      for (const m of messages)
        await api.postEphemeral({ channel, user: args.userId, text: m.text, blocks: m.blocks });
    return;
  }
  const [first, ...rest] = messages;
  if (first) await api.update(channel, ts, { text: first.text, blocks: first.blocks });
  shown.replaced = true;
  const thread: Target = { kind: "thread", channel, threadTs: ts };
  await post(api, thread, rest);
  if (turn.kind === "answer") await remember(deps, turn.answer, thread, { channel, ts });
}

/** The placeholder, once answering failed: a short note in place of "working out…" (the error edge logs and tells the asker). */
async function markFailed(deps: SlackDeps, api: SlackApi, args: ChannelQuestion, { channel, ts }: Posted) {
  const text = `:warning: I could not finish answering <@${args.userId}>'s question. Please ask again in a minute.`;
  await api.update(channel, ts, { text }).catch((error: unknown) => {
    deps.logger.warn({ err: error, channel, ts }, "slack placeholder not updated after a failure");
  });
}

/** The answer only its asker sees: through the command's response_url, or in a direct message. */
async function answerPrivately(deps: SlackDeps, api: SlackApi, args: ChannelQuestion): Promise<void> {
  const note = noticeMessages(notInChannelNote(deps.botMention), "not-in-channel");
  if (args.respond) {
    const thread = threadKey(args.teamId, args.channel, `${PRIVATE_THREAD_PREFIX}${randomUUID()}`);
    const turn = await deps.conversation.turn(
      { thread, userId: args.userId, text: args.question, keepQuestion: true },
      "slack",
    );
    await post(api, { kind: "private", respond: args.respond }, [
      ...note,
      ...turnMessages(turn, { command: deps.command }),
    ]);
    return;
  }
  // From the form there is no response_url: the answer goes to a direct message, where it can be followed up.
  const started = await api.startThread(args.userId, notInChannelNote(deps.botMention));
  if (!started.ok) throw new Error("could not open a direct message with the user");
  await replyInThread(deps, api, {
    teamId: args.teamId,
    userId: args.userId,
    channel: started.posted.channel,
    threadTs: started.posted.ts,
    threadId: started.posted.ts,
    text: args.question,
    keepQuestion: true,
  });
}

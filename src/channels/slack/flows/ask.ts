import { randomUUID } from "node:crypto";
import type { RespondFn } from "@slack/bolt";
import type { Turn } from "../../../conversation/conversation.js";
import type { SlackApi, TextStream } from "../api.js";
import { notInChannelNote, noticeMessages, turnMessages } from "../blocks/replies.js";
import type { SlackDeps } from "../context.js";
import { DM_THREAD, PRIVATE_THREAD_PREFIX, post, remember, type Target, threadKey } from "./post.js";

/** The conversation flows of the Slack surface: a new question, a reply in a thread, a direct message. */

export interface Asker {
  teamId: string;
  userId: string;
}

/**
 * A new question for a channel (slash command, form): a placeholder starts the thread, the answer
 * replaces it, and what does not fit continues in the thread. When the bot is not in the channel the
 * asker gets the answer privately, with how to invite the bot.
 */
export async function askInChannel(
  deps: SlackDeps,
  api: SlackApi,
  args: Asker & { channel: string; question: string; respond?: RespondFn },
): Promise<void> {
  const started = await api.startThread(
    args.channel,
    `:hourglass_flowing_sand: Working out <@${args.userId}>'s question…`,
  );
  if (!started.ok) {
    await answerPrivately(deps, api, args);
    return;
  }
  const { channel, ts } = started.posted;
  const turn = await deps.conversation.turn(
    {
      thread: threadKey(args.teamId, channel, ts),
      userId: args.userId,
      text: args.question,
      keepQuestion: true,
    },
    "slack",
  );
  const messages = turnMessages(turn, {
    command: deps.command,
    askedBy: { userId: args.userId, question: args.question },
  });
  if (turn.kind === "rejected" || turn.kind === "help") {
    // Nothing worth keeping in the channel: only the asker sees why.
    await api.delete(channel, ts);
    if (args.respond) await post(api, { kind: "private", respond: args.respond }, messages);
    else
      for (const m of messages)
        await api.postEphemeral({ channel, user: args.userId, text: m.text, blocks: m.blocks });
    return;
  }
  const [first, ...rest] = messages;
  if (first) await api.update(channel, ts, { text: first.text, blocks: first.blocks });
  await post(api, { kind: "thread", channel, threadTs: ts }, rest);
  if (turn.kind === "answer") await remember(deps, turn.answer.id, { channel, ts });
}

/** The answer only its asker sees: through the command's response_url, or in a direct message. */
async function answerPrivately(
  deps: SlackDeps,
  api: SlackApi,
  args: Asker & { channel: string; question: string; respond?: RespondFn },
): Promise<void> {
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

/**
 * A message in a conversation (a follow-up in a thread, a mention, a direct message): the thread's
 * Profile, the delta, the answer where the message was written, saying what changed. `stream` shows
 * the phrased summary as it is written (direct-message threads).
 */
export async function replyInThread(
  deps: SlackDeps,
  api: SlackApi,
  args: Asker & {
    channel: string;
    /** The thread to answer in; null answers at the top level (a direct message). */
    threadTs: string | null;
    /** The conversation's key; the thread's ts unless a DM's top level. */
    threadId: string;
    text: string;
    keepQuestion?: boolean;
    stream?: boolean;
  },
): Promise<void> {
  const threadTs = args.threadTs;
  const streamed = args.stream && threadTs ? new SummaryStream(deps, api, { ...args, threadTs }) : null;
  const turn = await deps.conversation.turn(
    {
      thread: threadKey(args.teamId, args.channel, args.threadId),
      userId: args.userId,
      text: args.text,
      keepQuestion: args.keepQuestion ?? false,
      ...(streamed ? { onSummaryDelta: (t: string) => streamed.append(t) } : {}),
    },
    "slack",
  );
  const shown = streamed ? await streamed.finish(turn) : false;
  const target: Target = threadTs
    ? { kind: "thread", channel: args.channel, threadTs }
    : { kind: "top", channel: args.channel };
  const posted = await post(api, target, turnMessages(turn, { command: deps.command, withSummary: !shown }));
  if (turn.kind === "answer") await remember(deps, turn.answer.id, posted);
}

/**
 * The phrased summary streamed into its own message (chat streaming). Streaming is a nicety: if Slack
 * refuses it, the summary is shown in the answer instead.
 */
class SummaryStream {
  private stream: TextStream | null = null;
  private failed = false;

  constructor(
    private readonly deps: SlackDeps,
    private readonly api: SlackApi,
    private readonly at: Asker & { channel: string; threadTs: string },
  ) {}

  async append(text: string): Promise<void> {
    if (this.failed) return;
    try {
      this.stream ??= this.api.stream({
        channel: this.at.channel,
        threadTs: this.at.threadTs,
        teamId: this.at.teamId,
        userId: this.at.userId,
      });
      await this.stream.append(text);
    } catch (error) {
      this.failed = true;
      this.deps.logger.warn({ err: error, channel: this.at.channel }, "slack chat streaming failed");
    }
  }

  /** Ends the stream; true when the summary is on screen in its final words. */
  async finish(turn: Turn): Promise<boolean> {
    if (!this.stream || this.failed) return false;
    try {
      await this.stream.stop();
      const ts = this.stream.ts;
      if (turn.kind === "answer" && turn.replaceStreamed && ts)
        await this.api.update(this.at.channel, ts, { markdown_text: turn.summary.text });
      return turn.kind === "answer";
    } catch (error) {
      this.deps.logger.warn({ err: error, channel: this.at.channel }, "slack chat streaming failed");
      return false;
    }
  }
}

/**
 * A reply in a direct-message thread continues the conversation it hangs from: that thread's own,
 * or, under an answer posted at the DM's top level, the top-level conversation.
 */
export async function dmThreadId(
  deps: Pick<SlackDeps, "store">,
  at: { teamId: string; channel: string; threadTs: string },
): Promise<string> {
  if (await deps.store.threads.getThread(threadKey(at.teamId, at.channel, at.threadTs))) return at.threadTs;
  const top = await deps.store.threads.listThreadAnswers(threadKey(at.teamId, at.channel, DM_THREAD), 20);
  return top.some((a) => a.messageRef?.platform === "slack" && a.messageRef.ts === at.threadTs)
    ? DM_THREAD
    : at.threadTs;
}

import type { NothingRead, Turn } from "../../../conversation/conversation.js";
import type { SlackApi, TextStream } from "../api.js";
import { turnMessages } from "../blocks/replies.js";
import type { SlackDeps } from "../context.js";
import { DM_THREAD, post, remember, type Target, threadKey } from "./post.js";

/** The status shown while the engine works (cleared by Slack when the reply arrives). */
export const WORKING_STATUS = "is working out the costs…";

export interface Asker {
  teamId: string;
  userId: string;
}

export interface ReplyArgs extends Asker {
  channel: string;
  /** The thread to answer in; a direct message's top-level message is answered in a thread under it. */
  threadTs: string;
  /** The conversation's key: the thread's ts, or DM_THREAD for a direct message's top level. */
  threadId: string;
  text: string;
  keepQuestion?: boolean;
  /** A working status on the thread and the phrased summary streamed as it is written (direct messages). */
  assistant?: boolean;
  /** Say nothing when nothing was read: a message in a channel thread that was not addressed to the bot. */
  quietWhenNothingRead?: boolean;
}

/**
 * A message in a conversation (a follow-up in a thread, a mention, a direct message): the thread's
 * Profile, the delta, the answer in the thread, saying what changed. When nothing could be read
 * the bot stays silent or, when addressed, says what it can change.
 */
export async function replyInThread(deps: SlackDeps, api: SlackApi, args: ReplyArgs): Promise<void> {
  const target: Target = { kind: "thread", channel: args.channel, threadTs: args.threadTs };
  const streamed = args.assistant ? new SummaryStream(deps, api, args) : null;
  if (args.assistant)
    // A status is a nicety; outside an assistant thread Slack may refuse it.
    await api.setStatus(args.channel, args.threadTs, WORKING_STATUS).catch((error: unknown) => {
      deps.logger.debug({ err: error, channel: args.channel }, "slack assistant status not shown");
    });
  let turn: Turn | NothingRead;
  try {
    turn = await deps.conversation.converse(
      {
        thread: threadKey(args.teamId, args.channel, args.threadId),
        userId: args.userId,
        text: args.text,
        keepQuestion: args.keepQuestion ?? false,
        ...(streamed ? { onSummaryDelta: (t: string) => streamed.append(t) } : {}),
      },
      "slack",
    );
  } catch (error) {
    await streamed?.abandon();
    if (args.assistant) await clearStatus(deps, api, args);
    throw error;
  }
  if (turn.kind === "nothing-read" && args.quietWhenNothingRead) {
    deps.logger.debug({ channel: args.channel, threadTs: args.threadTs }, "slack message read nothing");
    if (args.assistant) await clearStatus(deps, api, args);
    return;
  }
  const shown = streamed ? await streamed.finish(turn) : false;
  const posted = await post(api, target, turnMessages(turn, { command: deps.command, withSummary: !shown }));
  if (turn.kind === "answer") await remember(deps, turn.answer, target, posted);
}

async function clearStatus(deps: SlackDeps, api: SlackApi, at: { channel: string; threadTs: string }) {
  await api.setStatus(at.channel, at.threadTs, "").catch((error: unknown) => {
    deps.logger.debug({ err: error, channel: at.channel }, "slack assistant status not cleared");
  });
}

/**
 * The phrased summary streamed into its own message (chat streaming, which needs a thread). Streaming
 * is a nicety: if Slack refuses it, the summary is shown in the answer instead.
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
  async finish(turn: Turn | NothingRead): Promise<boolean> {
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

  /** The turn failed: stop the stream so it does not stay open, half-written. */
  async abandon(): Promise<void> {
    if (!this.stream || this.failed) return;
    await this.stream.stop().catch((error: unknown) => {
      this.deps.logger.debug({ err: error, channel: this.at.channel }, "slack chat stream not stopped");
    });
  }
}

/**
 * A reply in a direct-message thread continues the conversation it hangs from: that thread's own,
 * or, under a message of the DM's top-level conversation, that conversation.
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

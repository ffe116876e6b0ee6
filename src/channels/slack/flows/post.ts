import type { RespondFn } from "@slack/bolt";
import type { SlackMessage } from "../../../render/slack/limits.js";
import type { ThreadKey } from "../../../store/index.js";
import type { Posted, SlackApi } from "../api.js";
import type { SlackDeps } from "../context.js";

/**
 * Where a reply goes: a thread, the top level of a direct message, or privately to one user through
 * the command's or button's response_url (the bot is not in that channel).
 */
export type Target =
  | { kind: "thread"; channel: string; threadTs: string }
  | { kind: "top"; channel: string }
  | { kind: "private"; respond: RespondFn };

/** A direct message's top level is one conversation ("direct messages work like a thread"). */
export const DM_THREAD = "dm";
/** Answers only their asker sees (the bot was not in the channel) live in threads of their own. */
export const PRIVATE_THREAD_PREFIX = "private:";

export const threadKey = (workspaceId: string, channelId: string, threadId: string): ThreadKey => ({
  platform: "slack",
  workspaceId,
  channelId,
  threadId,
});

/** Where replies about a stored answer go, from the thread it was stored under. */
export function targetOf(thread: ThreadKey, respond: RespondFn | undefined): Target | null {
  if (thread.threadId.startsWith(PRIVATE_THREAD_PREFIX)) return respond ? { kind: "private", respond } : null;
  if (thread.threadId === DM_THREAD) return { kind: "top", channel: thread.channelId };
  return { kind: "thread", channel: thread.channelId, threadTs: thread.threadId };
}

/** Posts the messages in order; returns the first one posted (null when answered privately). */
export async function post(
  api: SlackApi,
  target: Target,
  messages: readonly SlackMessage[],
): Promise<Posted | null> {
  let first: Posted | null = null;
  for (const m of messages) {
    if (target.kind === "private") {
      await target.respond({
        response_type: "ephemeral",
        replace_original: false,
        text: m.text,
        blocks: m.blocks,
      });
      continue;
    }
    const posted = await api.postMessage({
      channel: target.channel,
      ...(target.kind === "thread" ? { thread_ts: target.threadTs } : {}),
      text: m.text,
      blocks: m.blocks,
      unfurl_links: false,
      unfurl_media: false,
    });
    first ??= posted;
  }
  return first;
}

/** Records where an answer was posted, so it can be found and updated later. */
export async function remember(deps: Pick<SlackDeps, "store">, answerId: string, posted: Posted | null) {
  if (posted)
    await deps.store.threads.setAnswerMessage(answerId, {
      platform: "slack",
      channel: posted.channel,
      ts: posted.ts,
    });
}

/** How long a claimed event stays claimed: Slack retries a delivery for a few minutes. */
export const CLAIM_TTL_MS = 60 * 60 * 1000;

/**
 * Runs `work` once per key across retries, duplicate deliveries and replicas; a failure gives the key
 * back so that a later delivery may answer.
 */
export async function once(
  deps: Pick<SlackDeps, "store" | "logger">,
  key: string,
  work: () => Promise<void>,
): Promise<boolean> {
  if (!(await deps.store.events.claim(key, CLAIM_TTL_MS))) {
    deps.logger.debug({ eventKey: key }, "slack event already handled");
    return false;
  }
  try {
    await work();
    return true;
  } catch (error) {
    await deps.store.events.release(key).catch(() => undefined);
    throw error;
  }
}

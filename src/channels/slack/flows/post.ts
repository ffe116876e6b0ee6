import type { RespondFn } from "@slack/bolt";
import type { SlackMessage } from "../../../render/slack/limits.js";
import type { StoredAnswer, ThreadKey } from "../../../store/index.js";
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

/**
 * A direct message's top level is one conversation ("direct messages work like a thread"); each
 * answer in it is posted in a thread under the message it answers, where its status and streamed
 * summary can show (chat streaming needs a thread).
 */
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
export function targetOf(
  answer: Pick<StoredAnswer, "thread" | "messageRef">,
  respond: RespondFn | undefined,
): Target | null {
  const { thread, messageRef } = answer;
  if (thread.threadId.startsWith(PRIVATE_THREAD_PREFIX)) return respond ? { kind: "private", respond } : null;
  if (thread.threadId === DM_THREAD)
    return messageRef?.platform === "slack"
      ? { kind: "thread", channel: thread.channelId, threadTs: messageRef.ts }
      : { kind: "top", channel: thread.channelId };
  return { kind: "thread", channel: thread.channelId, threadTs: thread.threadId };
}

/**
 * A response_url takes five posts; the error edge may need the last one to say something failed.
 * @see https://docs.slack.dev/interactivity/handling-user-interaction#message_responses
 */
export const RESPONSE_URL_POSTS = 4;

/** Posts the messages in order; returns the first one posted (null when answered privately). */
export async function post(
  api: SlackApi,
  target: Target,
  messages: readonly SlackMessage[],
): Promise<Posted | null> {
  let first: Posted | null = null;
  for (const m of target.kind === "private" ? capPrivate(messages) : messages) {
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

/** Within a response_url's posts: what does not fit is replaced by a note saying where to see it all. */
function capPrivate(messages: readonly SlackMessage[]): readonly SlackMessage[] {
  if (messages.length <= RESPONSE_URL_POSTS) return messages;
  const note =
    "The rest of this answer is too long to show privately; invite me to the channel or ask me in a direct message to see all of it.";
  return [
    ...messages.slice(0, RESPONSE_URL_POSTS - 1),
    {
      text: note,
      blocks: [{ type: "section", block_id: "private.rest", text: { type: "mrkdwn", text: note } }],
    },
  ];
}

/**
 * Records where an answer was posted, so it can be found later: the message itself, or for a direct
 * message's top-level conversation the message whose thread it is in (replies there continue it).
 */
export async function remember(
  deps: Pick<SlackDeps, "store">,
  answer: Pick<StoredAnswer, "id" | "thread">,
  target: Target,
  posted: Posted | null,
) {
  const at =
    answer.thread.threadId === DM_THREAD && target.kind === "thread"
      ? { channel: target.channel, ts: target.threadTs }
      : posted;
  if (at) await deps.store.threads.setAnswerMessage(answer.id, { platform: "slack", ...at });
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

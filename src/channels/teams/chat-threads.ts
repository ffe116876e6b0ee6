import type { Store, ThreadKey } from "../../store/index.js";
import { scopeOf, type TeamsActivity, threadOf, userOf } from "./activity.js";

/**
 * The thread a message belongs to. In a channel, its reply chain. A 1:1 or group chat has no reply
 * chains, so a message there continues the sender's latest answer in that chat (each person in a
 * group chat follows up on their own), and `fresh` (`llm-advise <question>`, `new <question>`)
 * starts a thread of the message's own instead.
 */
export async function threadFor(
  store: Pick<Store, "threads">,
  a: TeamsActivity,
  fresh: boolean,
): Promise<ThreadKey> {
  const own = threadOf(a);
  if (scopeOf(a) === "channel" || fresh) return own;
  const channel = { platform: own.platform, workspaceId: own.workspaceId, channelId: own.channelId };
  return (await store.threads.latestInChannel(channel, userOf(a)))?.thread ?? own;
}

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type SlackHarness, startSlackHarness } from "./support/slack-app.js";
import { readable, sendEvent, userTs, validBlocks } from "./support/slack-flows.js";
import { closeSharedStore, warmSharedStore } from "./support/slack-store.js";

/** Direct messages with the bot: the top level works like one thread; assistant threads; suggested prompts. */

let h: SlackHarness | null = null;
beforeAll(warmSharedStore);
afterAll(closeSharedStore);
afterEach(async () => {
  await h?.close();
  h = null;
});

const QUESTION = "500k requests a month, 500 in / 200 out tokens, on gpt-4o-mini";

const dm = (text: string, extra: Record<string, unknown> = {}) => ({
  type: "message",
  channel: "D0ALICE",
  channel_type: "im",
  user: "U0ALICE",
  text,
  ts: userTs(),
  event_ts: "1",
  ...extra,
});

/** The answer's blocks posted in the thread under `threadTs` after `since` calls. */
const answerIn = (h: SlackHarness, threadTs: string, since = 0) =>
  h.fake.waitFor(
    "chat.postMessage",
    (c) => c.args.thread_ts === threadTs && h.fake.calls.indexOf(c) >= since && c.reply?.ok === true,
  );

describe("top-level direct messages", () => {
  it("show a working status and stream the summary in a thread under the question, then the answer", async () => {
    h = await startSlackHarness();
    const question = dm(QUESTION);
    await sendEvent(h, question);
    const answer = await answerIn(h, question.ts);
    // chat.startStream needs a thread_ts (the SDK's ChatStartStreamArguments), so the reply hangs under the question.
    const status = h.fake.callsOf("assistant.threads.setStatus")[0];
    expect(status?.args).toMatchObject({ channel_id: "D0ALICE", thread_ts: question.ts });
    expect(String(status?.args.status)).toContain("working");
    const start = h.fake.callsOf("chat.startStream")[0];
    expect(start?.args).toMatchObject({ channel: "D0ALICE", thread_ts: question.ts });
    const stop = h.fake.callsOf("chat.stopStream")[0];
    const streamed = h.fake.messages.find((m) => m.ts === stop?.args.ts);
    // The template phraser's summary names the verdict's option and its cost: 500K × $0.00015 = $75.00.
    expect(streamed?.text).toContain("$75.00");
    expect(streamed?.thread_ts).toBe(question.ts);
    validBlocks(answer);
    expect(readable(answer.args)).toContain("Verdict:");
    expect(readable(answer.args)).not.toContain(streamed?.text?.slice(0, 60) ?? "-");
  });

  it("work like one thread: a later message, or a reply under an answer, follows up on the earlier one", async () => {
    h = await startSlackHarness();
    const first = dm(QUESTION);
    await sendEvent(h, first);
    await answerIn(h, first.ts);
    let since = h.fake.calls.length;
    const second = dm("double the volume");
    await sendEvent(h, second);
    const doubled = await answerIn(h, second.ts, since);
    expect(readable(doubled.args)).toContain("volume 500K a month → 1M a month");
    // A reply in the first answer's thread continues the same conversation (now at 1M).
    since = h.fake.calls.length;
    await sendEvent(h, dm("what if 10x the volume", { thread_ts: first.ts }));
    const tenfold = await answerIn(h, first.ts, since);
    expect(readable(tenfold.args)).toContain("volume 1M a month → 10M a month");
  });

  it("answer a remark from which nothing is read with what can change, and store no answer", async () => {
    h = await startSlackHarness();
    const first = dm(QUESTION);
    await sendEvent(h, first);
    await answerIn(h, first.ts);
    const since = h.fake.calls.length;
    const remark = dm("lol");
    await sendEvent(h, remark);
    const reply = await answerIn(h, remark.ts, since);
    expect(readable(reply.args)).toContain("I read nothing to change");
    const answers = await h.store.threads.listThreadAnswers({
      platform: "slack",
      workspaceId: "T0TEAM",
      channelId: "D0ALICE",
      threadId: "dm",
    });
    expect(answers).toHaveLength(1);
  });
});

describe("assistant threads", () => {
  it("offer suggested prompts in a new thread, show a status and stream the summary", async () => {
    h = await startSlackHarness();
    const root = userTs();
    await sendEvent(h, {
      type: "assistant_thread_started",
      assistant_thread: { user_id: "U0ALICE", context: {}, channel_id: "D0ALICE", thread_ts: root },
      event_ts: root,
    });
    const prompts = await h.fake.waitFor("assistant.threads.setSuggestedPrompts");
    expect(prompts.args).toMatchObject({ channel_id: "D0ALICE", thread_ts: root });
    expect((prompts.args.prompts as unknown[]).length).toBeGreaterThan(0);

    await sendEvent(h, dm(QUESTION, { thread_ts: root }));
    const answer = await answerIn(h, root);
    const status = h.fake.callsOf("assistant.threads.setStatus")[0];
    expect(status?.args).toMatchObject({ channel_id: "D0ALICE", thread_ts: root });
    const start = h.fake.callsOf("chat.startStream")[0];
    expect(start?.args).toMatchObject({ channel: "D0ALICE", thread_ts: root, recipient_user_id: "U0ALICE" });
    const stop = h.fake.callsOf("chat.stopStream")[0];
    const streamed = h.fake.messages.find((m) => m.ts === stop?.args.ts);
    expect(streamed?.text).toContain("$75.00");
    // The answer's blocks follow in the thread, without repeating the streamed summary.
    validBlocks(answer);
    expect(readable(answer.args)).toContain("Verdict:");
    expect(readable(answer.args)).not.toContain(streamed?.text?.slice(0, 60) ?? "-");
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { type SlackHarness, startSlackHarness } from "./support/slack-app.js";
import { askInChannel, postsAfter, readable, sendEvent, userTs, validBlocks } from "./support/slack-flows.js";

/** Follow-ups, mentions and direct messages, delivered as signed Events API requests. */

let h: SlackHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const QUESTION = "500k requests a month, 500 in / 200 out tokens, on gpt-4o-mini";

const threadMessage = (
  channel: string,
  threadTs: string,
  text: string,
  extra: Record<string, unknown> = {},
) => ({
  type: "message",
  channel,
  channel_type: "channel",
  user: "U0ALICE",
  text,
  ts: userTs(),
  thread_ts: threadTs,
  event_ts: "1700000000.000001",
  ...extra,
});

/** Waits until the app answered in `threadTs` (a postMessage there after `since` calls). */
async function replyIn(h: SlackHarness, threadTs: string, since: number) {
  return h.fake.waitFor(
    "chat.postMessage",
    (c) => c.args.thread_ts === threadTs && h.fake.calls.indexOf(c) >= since && c.reply?.ok === true,
  );
}

describe("follow-ups in the answer's thread", () => {
  it("loads the thread's Profile, applies the delta and answers in the thread saying what changed", async () => {
    h = await startSlackHarness();
    const a = await askInChannel(h, QUESTION);
    const since = h.fake.calls.length;
    const res = await sendEvent(h, threadMessage(a.channel, a.ts, "double the volume"));
    expect(res.status).toBe(200);
    const reply = await replyIn(h, a.ts, since);
    validBlocks(reply);
    // gpt-6-luna: 500K × (500 × $0.10 + 200 × $0.50) / 1M = $75.00; at 1M requests, $150.00.
    expect(readable(reply.args)).toContain("volume 500K a month → 1M a month");
    expect(readable(reply.args)).toContain("$75.00 → $150.00 a month");
    expect(readable(reply.args)).toContain("verdict unchanged");
    const thread = await h.store.threads.getThread({
      platform: "slack",
      workspaceId: "T0TEAM",
      channelId: a.channel,
      threadId: a.ts,
    });
    expect(thread?.profile.requestsPerMonth).toBe(1_000_000);
    expect(thread?.answerCount).toBe(2);
  });

  it("answers a retried delivery and a duplicate event once", async () => {
    h = await startSlackHarness();
    const a = await askInChannel(h, QUESTION);
    const since = h.fake.calls.length;
    const event = threadMessage(a.channel, a.ts, "double the volume");
    await sendEvent(h, event, { eventId: "EvSAME" });
    await replyIn(h, a.ts, since);
    // Slack redelivers the same event with X-Slack-Retry-Num, and sends app_mention besides message.
    expect((await sendEvent(h, event, { eventId: "EvSAME", retryNum: 1 })).status).toBe(200);
    await sendEvent(h, { ...event, type: "app_mention", text: "<@U0BOT> double the volume" });
    await sendEvent(h, threadMessage(a.channel, a.ts, "what about GDPR?"));
    // The later, different message is answered: by then the duplicates had their chance.
    await h.fake.waitFor("chat.postMessage", (c) => readable(c.args).includes("compliance"));
    const answers = postsAfter(h, since).filter((c) => readable(c.args).includes("1M a month"));
    expect(answers).toHaveLength(1);
    expect(
      (
        await h.store.threads.getThread({
          platform: "slack",
          workspaceId: "T0TEAM",
          channelId: a.channel,
          threadId: a.ts,
        })
      )?.answerCount,
    ).toBe(3);
  });

  it("ignores its own messages, other bots' and threads it did not start", async () => {
    h = await startSlackHarness();
    const a = await askInChannel(h, QUESTION);
    const since = h.fake.calls.length;
    await sendEvent(
      h,
      threadMessage(a.channel, a.ts, "double the volume", { user: "U0BOT", bot_id: "B0BOT" }),
    );
    await sendEvent(
      h,
      threadMessage(a.channel, a.ts, "double the volume", { user: "U0OTHER", bot_id: "B0OTHER" }),
    );
    await sendEvent(
      h,
      threadMessage(a.channel, a.ts, "double the volume", { subtype: "bot_message", bot_id: "B0X" }),
    );
    await sendEvent(h, threadMessage(a.channel, "1690000000.000100", "double the volume"));
    await sendEvent(h, { ...threadMessage(a.channel, a.ts, "x"), thread_ts: undefined });
    // A person's message afterwards is answered; nothing before it was.
    await sendEvent(h, threadMessage(a.channel, a.ts, "what about GDPR?"));
    await replyIn(h, a.ts, since);
    const posts = postsAfter(h, since);
    expect(posts).toHaveLength(1);
    expect(readable(posts[0]?.args ?? {})).toContain("compliance");
  });
});

describe("mentions", () => {
  it("answers a question in a thread under the mention, and a mention in that thread as a follow-up", async () => {
    h = await startSlackHarness();
    const ts = userTs();
    await sendEvent(h, {
      type: "app_mention",
      channel: "C0GENERAL",
      user: "U0ALICE",
      text: `<@U0BOT> ${QUESTION}`,
      ts,
      event_ts: ts,
    });
    const first = await replyIn(h, ts, 0);
    expect(readable(first.args)).toContain("Verdict: Proprietary API");
    const since = h.fake.calls.length;
    await sendEvent(h, {
      type: "app_mention",
      channel: "C0GENERAL",
      user: "U0ALICE",
      text: "<@U0BOT> what if 10x the volume",
      ts: userTs(),
      thread_ts: ts,
      event_ts: ts,
    });
    const second = await replyIn(h, ts, since);
    expect(readable(second.args)).toContain("volume 500K a month → 5M a month");
  });
});

describe("direct messages", () => {
  it("work like a thread: a later message follows up on the earlier one", async () => {
    h = await startSlackHarness();
    const dm = (text: string) => ({
      type: "message",
      channel: "D0ALICE",
      channel_type: "im",
      user: "U0ALICE",
      text,
      ts: userTs(),
      event_ts: "1",
    });
    await sendEvent(h, dm(QUESTION));
    const first = await h.fake.waitFor("chat.postMessage", (c) => c.args.channel === "D0ALICE");
    expect(first.args.thread_ts).toBeUndefined();
    expect(readable(first.args)).toContain("Verdict:");
    const since = h.fake.calls.length;
    await sendEvent(h, dm("double the volume"));
    const second = await h.fake.waitFor(
      "chat.postMessage",
      (c) => c.args.channel === "D0ALICE" && (h?.fake.calls.indexOf(c) ?? -1) >= since,
    );
    expect(readable(second.args)).toContain("volume 500K a month → 1M a month");
  });

  it("offers suggested prompts in a new assistant thread, shows a status and streams the summary", async () => {
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

    await sendEvent(h, {
      type: "message",
      channel: "D0ALICE",
      channel_type: "im",
      user: "U0ALICE",
      text: QUESTION,
      ts: userTs(),
      thread_ts: root,
      event_ts: "1",
    });
    const status = await h.fake.waitFor("assistant.threads.setStatus");
    expect(status.args).toMatchObject({ channel_id: "D0ALICE", thread_ts: root });
    const stop = await h.fake.waitFor("chat.stopStream");
    const start = h.fake.callsOf("chat.startStream")[0];
    expect(start?.args).toMatchObject({ channel: "D0ALICE", thread_ts: root, recipient_user_id: "U0ALICE" });
    const streamed = h.fake.messages.find((m) => m.ts === stop.args.ts);
    // The template phraser's summary, streamed: it names the verdict's option and its cost.
    expect(streamed?.text).toContain("$75.00");
    // The answer's blocks follow in the thread, without repeating the streamed summary.
    const answer = await h.fake.waitFor("chat.postMessage", (c) => c.args.thread_ts === root);
    validBlocks(answer);
    expect(readable(answer.args)).toContain("Verdict:");
    expect(readable(answer.args)).not.toContain(streamed?.text?.slice(0, 60) ?? "-");
  });
});

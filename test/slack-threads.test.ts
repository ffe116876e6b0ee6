import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type SlackHarness, startSlackHarness } from "./support/slack-app.js";
import { askInChannel, postsAfter, readable, sendEvent, userTs, validBlocks } from "./support/slack-flows.js";
import { closeSharedStore, warmSharedStore } from "./support/slack-store.js";

/** Follow-ups and mentions in channel threads, delivered as signed Events API requests. */

let h: SlackHarness | null = null;
beforeAll(warmSharedStore);
afterAll(closeSharedStore);
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

const threadOf = (channel: string, ts: string) => ({
  platform: "slack" as const,
  workspaceId: "T0TEAM",
  channelId: channel,
  threadId: ts,
});

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
    await h.fake.waitFor("chat.postMessage", (c) => readable(c.args).includes("compliance"));
    // Every delivery handled: the duplicates had their chance to answer.
    await h.settle();
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
    await h.settle();
    expect(postsAfter(h, since)).toEqual([]);
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

describe("messages in the bot's thread from which nothing can be read", () => {
  it("get no reply and store no answer when the bot is not addressed", async () => {
    h = await startSlackHarness();
    const a = await askInChannel(h, QUESTION);
    const since = h.fake.calls.length;
    for (const text of ["thanks, looks good!", "<@U0BOB> can you check this?", "ok", "lol"])
      expect((await sendEvent(h, threadMessage(a.channel, a.ts, text))).status).toBe(200);
    await h.settle();
    expect(postsAfter(h, since)).toEqual([]);
    expect((await h.store.threads.getThread(threadOf(a.channel, a.ts)))?.answerCount).toBe(1);
    // A real follow-up afterwards is answered as usual.
    await sendEvent(h, threadMessage(a.channel, a.ts, "what about GDPR?"));
    expect(readable((await replyIn(h, a.ts, since)).args)).toContain("compliance");
  });

  it("get a short reply saying what can change when the bot is mentioned", async () => {
    h = await startSlackHarness();
    const a = await askInChannel(h, QUESTION);
    const since = h.fake.calls.length;
    await sendEvent(h, { ...threadMessage(a.channel, a.ts, "<@U0BOT> thanks!"), type: "app_mention" });
    const reply = await replyIn(h, a.ts, since);
    validBlocks(reply);
    expect(readable(reply.args)).toContain("I read nothing to change");
    expect(readable(reply.args)).toContain("double the volume");
    expect(readable(reply.args)).not.toContain("Verdict");
    expect((await h.store.threads.getThread(threadOf(a.channel, a.ts)))?.answerCount).toBe(1);
  });
});

describe("message subtypes", () => {
  it("answers a reply also sent to the channel (thread_broadcast) and one with a file (file_share)", async () => {
    h = await startSlackHarness();
    const a = await askInChannel(h, QUESTION);
    let since = h.fake.calls.length;
    await sendEvent(h, threadMessage(a.channel, a.ts, "double the volume", { subtype: "thread_broadcast" }));
    const broadcast = await replyIn(h, a.ts, since);
    expect(readable(broadcast.args)).toContain("volume 500K a month → 1M a month");
    since = h.fake.calls.length;
    await sendEvent(
      h,
      threadMessage(a.channel, a.ts, "what about HIPAA?", {
        subtype: "file_share",
        files: [{ id: "F0SPEC", name: "spec.pdf" }],
      }),
    );
    const withFile = await replyIn(h, a.ts, since);
    expect(readable(withFile.args)).toContain("compliance");
    expect((await h.store.threads.getThread(threadOf(a.channel, a.ts)))?.answerCount).toBe(3);
  });

  it("still ignores edits and joins", async () => {
    h = await startSlackHarness();
    const a = await askInChannel(h, QUESTION);
    const since = h.fake.calls.length;
    await sendEvent(h, threadMessage(a.channel, a.ts, "double the volume", { subtype: "message_changed" }));
    await sendEvent(h, threadMessage(a.channel, a.ts, "<@U0CAROL> has joined", { subtype: "channel_join" }));
    await h.settle();
    expect(postsAfter(h, since)).toEqual([]);
  });
});

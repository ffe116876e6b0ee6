import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type SlackHarness, startSlackHarness } from "./support/slack-app.js";
import { askInChannel, readable, slash, validBlocks } from "./support/slack-flows.js";
import { breakTable, closeSharedStore, warmSharedStore } from "./support/slack-store.js";

/** `/llm-advise` end to end: signed requests into Bolt over loopback HTTP, Web API calls into the fake. */

let h: SlackHarness | null = null;
beforeAll(warmSharedStore);
afterAll(closeSharedStore);
afterEach(async () => {
  await h?.close();
  h = null;
});

const QUESTION = "500k requests a month, 500 in / 200 out tokens, on gpt-4o-mini";

// Each test answers several questions end to end; on a loaded 2-core machine that takes seconds.
describe("/llm-advise <question>", { timeout: 60_000 }, () => {
  it("acks before any Web API call, engine or store work completes", async () => {
    h = await startSlackHarness();
    // The placeholder that the engine waits for cannot be posted until released: the ack cannot depend on it.
    const release = h.fake.hold("chat.postMessage");
    const res = await slash(h, QUESTION);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
    expect(h.fake.callsOf("chat.update")).toEqual([]);
    release();
    await h.fake.waitFor("chat.update");
  });

  it("posts the answer in the channel as a message that starts a thread, with valid blocks and six buttons", async () => {
    h = await startSlackHarness();
    const a = await askInChannel(h, QUESTION);
    const placeholder = h.fake.callsOf("chat.postMessage")[0];
    expect(placeholder?.args).toMatchObject({ channel: "C0GENERAL" });
    expect(placeholder?.args.thread_ts).toBeUndefined();
    const text = readable({ blocks: a.blocks });
    expect(text).toContain("Verdict: Proprietary API");
    expect(text).toContain("<@U0ALICE> asked: “500k requests a month");
    // gpt-6-luna: 500K × (500 × $0.10 + 200 × $0.50) / 1M = 500K × $0.00015 = $75.00 a month.
    expect(text).toContain("$75.00");
    const actions = a.blocks.find((b) => b.type === "actions");
    expect(actions?.type === "actions" && actions.elements.map((e) => e.action_id)).toEqual([
      "answer:breakdown",
      "answer:what-if-10x",
      "answer:what-if-0.1x",
      "answer:plan",
      "answer:chart",
      "answer:subscribe",
    ]);
    // The thread is stored under the posted message, and the answer knows where it was posted.
    const thread = await h.store.threads.getThread({
      platform: "slack",
      workspaceId: "T0TEAM",
      channelId: a.channel,
      threadId: a.ts,
    });
    expect(thread?.latestAnswerId).toBe(a.answerId);
    // Recorded right after the update that Slack has already answered.
    const store = h.store;
    await vi.waitFor(
      async () =>
        expect((await store.threads.getAnswer(a.answerId))?.messageRef).toEqual({
          platform: "slack",
          channel: a.channel,
          ts: a.ts,
        }),
      { timeout: 20_000, interval: 50 },
    );
    expect((await store.threads.getAnswer(a.answerId))?.question).toBe(QUESTION);
  });

  it("answers privately with how to invite the bot when it is not in the channel", async () => {
    // The bot's user id comes from auth.test; Slack shows <@U…> as the bot's name, however it was installed.
    h = await startSlackHarness({ notMemberOf: ["C0SECRET"], botUserId: "U0ADVISOR" });
    const res = await slash(h, QUESTION, { channel: "C0SECRET" });
    expect(res.status).toBe(200);
    const note = await h.fake.waitFor("response_url", (c) =>
      readable(c.args).includes("/invite <@U0ADVISOR>"),
    );
    expect(note.args.response_type).toBe("ephemeral");
    const answer = await h.fake.waitFor("response_url", (c) => readable(c.args).includes("Verdict:"));
    expect(answer.args.response_type).toBe("ephemeral");
    validBlocks(answer);
    expect(h.fake.callsOf("chat.update")).toEqual([]);
  });

  it("retries a Web API call that got 429 with Retry-After, and the answer still arrives", async () => {
    h = await startSlackHarness();
    h.fake.failNext("chat.update", { status: 429, retryAfterSeconds: 1 });
    await askInChannel(h, QUESTION);
    expect(h.fake.callsOf("chat.update").length).toBe(2);
  });

  it("explains usage with examples for `help`, only to the asker, in the ack itself", async () => {
    h = await startSlackHarness();
    const res = await slash(h, "help");
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.response_type).toBe("ephemeral");
    expect(readable(body)).toContain("/llm-advise 500k requests/month");
    expect(h.fake.callsOf("chat.postMessage")).toEqual([]);
  });

  it("answers questions that start with `help` or `digest` instead of showing usage", async () => {
    h = await startSlackHarness();
    const helped = await askInChannel(h, "help me pick a model for 2M requests a month");
    expect(readable({ blocks: helped.blocks })).toContain("Verdict:");
    // 2M requests a month was read: the answer's Profile has it.
    expect((await h.store.threads.getAnswer(helped.answerId))?.profile.requestsPerMonth).toBe(2_000_000);
    const digest = await askInChannel(h, "digest of our costs at 300k requests a month");
    expect((await h.store.threads.getAnswer(digest.answerId))?.profile.requestsPerMonth).toBe(300_000);
    expect(h.fake.callsOf("response_url")).toEqual([]);
  });

  it("opens the question form when there is no text", async () => {
    h = await startSlackHarness();
    await slash(h, "   ");
    const open = await h.fake.waitFor("views.open");
    expect(open.args.trigger_id).toBe("trigger-1");
    const blocks = validBlocks(open, "view");
    expect(blocks.map((b) => b.block_id)).toEqual(
      expect.arrayContaining(["use_case", "volume", "input_tokens", "output_tokens", "compliance", "team"]),
    );
    expect(blocks.map((b) => b.block_id)).toEqual(expect.arrayContaining(["customization", "current_model"]));
  });

  it("turns a question it cannot read into a private message with the reason, and leaves the channel clean", async () => {
    h = await startSlackHarness();
    await slash(h, "1e15 requests a month");
    const reply = await h.fake.waitFor("response_url");
    expect(readable(reply.args)).toContain("beyond what this tool models");
    const del = await h.fake.waitFor("chat.delete");
    expect(del.args.channel).toBe("C0GENERAL");
    expect(h.fake.messages.filter((m) => m.channel === "C0GENERAL")).toEqual([]);
  });

  it("tells the user in a few words when Slack refuses a reply, counts the error, and says so in place of the placeholder", async () => {
    h = await startSlackHarness();
    h.fake.failNext("chat.update", { error: "msg_too_long" });
    await slash(h, QUESTION);
    const told = await h.fake.waitFor("response_url");
    expect(told.args).toMatchObject({
      response_type: "ephemeral",
      text: "Slack did not accept my reply. Please try again in a minute.",
    });
    expect(await h.metrics.registry.metrics()).toContain(
      'llm_advisor_platform_api_errors_total{platform="slack",method="chat.update",code="msg_too_long"} 1',
    );
    // The refused update was the answer; the one after it replaced "Working out…" with a failure note.
    const [placeholder] = h.fake.messages.filter((m) => m.channel === "C0GENERAL");
    expect(placeholder?.text).toContain("could not finish answering <@U0ALICE>'s question");
    expect(h.fake.messages.some((m) => m.text?.includes("Working out"))).toBe(false);
  });

  it("leaves no placeholder saying it is working when the store fails", async () => {
    h = await startSlackHarness();
    const repair = await breakTable("threads");
    try {
      await slash(h, QUESTION);
      const told = await h.fake.waitFor("response_url");
      expect(told.args).toMatchObject({
        response_type: "ephemeral",
        text: "Something went wrong on my side while answering. Please try again.",
      });
      await h.fake.waitFor("chat.update", (c) => readable(c.args).includes("could not finish answering"));
      const [placeholder] = h.fake.messages.filter((m) => m.channel === "C0GENERAL");
      expect(placeholder?.text).toContain("could not finish answering <@U0ALICE>'s question");
      expect(placeholder?.text).not.toMatch(/relation|threads|Error/);
    } finally {
      await repair();
    }
  });
});

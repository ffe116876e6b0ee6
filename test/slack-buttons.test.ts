import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { pngHeader, pngPixels } from "./support/png.js";
import { type SlackHarness, startSlackHarness } from "./support/slack-app.js";
import { askInChannel, clickButton, readable, validBlocks } from "./support/slack-flows.js";
import { closeSharedStore, warmSharedStore } from "./support/slack-store.js";

/** Every button under an answer, clicked through Bolt; state comes from the store, not memory. */

let h: SlackHarness | null = null;
beforeAll(warmSharedStore);
afterAll(closeSharedStore);
afterEach(async () => {
  await h?.close();
  h = null;
});

const QUESTION = "500k requests a month, 500 in / 200 out tokens, on gpt-4o-mini";
/** A volume where a self-hosted option is sized, so there is a break-even to chart. */
const CHARTABLE = "2M requests a month on gpt-4o, small DevOps team";

async function replyAfterClick(h: SlackHarness, threadTs: string, since: number) {
  return h.fake.waitFor(
    "chat.postMessage",
    (c) => c.args.thread_ts === threadTs && h.fake.calls.indexOf(c) >= since && c.reply?.ok === true,
  );
}

// Each test answers several questions end to end; on a loaded 2-core machine that takes seconds.
describe("answer buttons", { timeout: 60_000 }, () => {
  it("Cost breakdown lists each top option's line items in the thread", async () => {
    h = await startSlackHarness();
    const a = await askInChannel(h, QUESTION);
    const since = h.fake.calls.length;
    expect(
      (await clickButton(h, { channel: a.channel, messageTs: a.ts }, a.answerId, "breakdown")).status,
    ).toBe(200);
    const reply = await replyAfterClick(h, a.ts, since);
    validBlocks(reply);
    const text = readable(reply.args);
    expect(text).toContain("Cost breakdown");
    // gpt-6-luna input: 500K × 500 = 250M tokens at $0.10 per 1M = $25.00.
    expect(text).toContain("250M tokens at $0.10 per 1M tokens = $25.00");
  });

  it("What if 10× and 0.1× answer in the thread with the volume scaled and what changed", async () => {
    h = await startSlackHarness();
    const a = await askInChannel(h, QUESTION);
    let since = h.fake.calls.length;
    await clickButton(h, { channel: a.channel, messageTs: a.ts }, a.answerId, "what-if-10x");
    const up = await replyAfterClick(h, a.ts, since);
    validBlocks(up);
    // gpt-6-luna at 5M: 5M × $0.00015 = $750.00, from $75.00.
    expect(readable(up.args)).toContain("volume 500K a month → 5M a month");
    expect(readable(up.args)).toContain("$75.00 → $750.00 a month");
    since = h.fake.calls.length;
    await clickButton(h, { channel: a.channel, messageTs: a.ts }, a.answerId, "what-if-0.1x");
    const down = await replyAfterClick(h, a.ts, since);
    // 50K × $0.00015 = $7.50.
    expect(readable(down.args)).toContain("volume 500K a month → 50K a month");
    expect(readable(down.args)).toContain("$75.00 → $7.50 a month");
  });

  it("Migration plan shows the plan's phases", async () => {
    h = await startSlackHarness();
    const a = await askInChannel(h, QUESTION);
    const since = h.fake.calls.length;
    await clickButton(h, { channel: a.channel, messageTs: a.ts }, a.answerId, "plan");
    const reply = await replyAfterClick(h, a.ts, since);
    validBlocks(reply);
    // gpt-4o-mini is to be replaced by gpt-6-luna, so seed 004's migration plan applies.
    expect(readable(reply.args)).toContain("Move from gpt-4o-mini to gpt-6-luna");
    expect(readable(reply.args)).toContain("Shadow mode");
  });

  it("Break-even chart uploads a PNG into the thread with the files.uploadV2 flow", async () => {
    h = await startSlackHarness();
    const a = await askInChannel(h, CHARTABLE);
    await clickButton(h, { channel: a.channel, messageTs: a.ts }, a.answerId, "chart");
    const done = await h.fake.waitFor("files.completeUploadExternal", (c) => c.reply?.ok === true);
    expect(done.args).toMatchObject({ channel_id: a.channel, thread_ts: a.ts });
    const asked = h.fake.callsOf("files.getUploadURLExternal")[0];
    expect(asked?.args.filename).toBe("break-even.png");
    const upload = h.fake.callsOf("upload")[0];
    // The fake took the bytes only because their length was the one announced.
    expect(upload?.reply).toEqual({ ok: true, status: 200 });
    expect(upload?.bytes?.length).toBe(Number(asked?.args.length));
    const png = upload?.bytes ?? Buffer.alloc(0);
    // A 640 × 360 plot area (chart.ts) plus axes, title and legend around it, in 8-bit RGBA.
    const header = pngHeader(png);
    expect(header).toMatchObject({ bitDepth: 8, colorType: 6, interlace: 0 });
    expect(header.width).toBeGreaterThan(640);
    expect(header.height).toBeGreaterThan(360);
    // Both series are drawn: pixels in the API line's blue (#1f77b4) and the self-hosted line's orange (#ff7f0e).
    const pixels = pngPixels(png);
    const has = (r: number, g: number, b: number) => {
      for (let i = 0; i < pixels.length; i += 4)
        if (pixels[i] === r && pixels[i + 1] === g && pixels[i + 2] === b) return true;
      return false;
    };
    expect(has(0x1f, 0x77, 0xb4)).toBe(true);
    expect(has(0xff, 0x7f, 0x0e)).toBe(true);
    // The file message is in the answer's thread, carrying exactly the uploaded bytes.
    const shared = h.fake.messages.find((m) => m.files?.length);
    expect(shared).toMatchObject({ channel: a.channel, thread_ts: a.ts });
    expect(shared?.files?.[0]?.bytes.equals(png)).toBe(true);
    expect(shared?.text).toContain("Break-even chart");
  });

  it("Subscribe creates a weekly digest in the user's time zone and confirms how to change it", async () => {
    h = await startSlackHarness({
      timezones: { U0BOB: "Europe/Berlin" },
      memberships: { U0BOB: ["C0GENERAL"] },
    });
    const a = await askInChannel(h, QUESTION);
    const since = h.fake.calls.length;
    await clickButton(h, { channel: a.channel, messageTs: a.ts }, a.answerId, "subscribe", "U0BOB");
    const reply = await replyAfterClick(h, a.ts, since);
    expect(readable(reply.args)).toContain("every Monday at 09:00 (Europe/Berlin)");
    const subs = await h.store.subscriptions.list({
      platform: "slack",
      workspaceId: "T0TEAM",
      channelId: a.channel,
    });
    expect(readable(reply.args)).toContain(`/llm-advise digest off ${subs[0]?.id}`);
    expect(subs).toHaveLength(1);
    expect(subs[0]).toMatchObject({
      answerId: a.answerId,
      schedule: { cron: "0 9 * * 1", timezone: "Europe/Berlin" },
      createdBy: "U0BOB",
      active: true,
    });
    expect(subs[0]?.profile.requestsPerMonth).toBe(500_000);
  });

  it("Subscribe falls back to UTC when Slack knows no time zone for the user", async () => {
    h = await startSlackHarness({ memberships: { U0BOB: ["C0GENERAL"] } });
    const a = await askInChannel(h, QUESTION);
    await clickButton(h, { channel: a.channel, messageTs: a.ts }, a.answerId, "subscribe");
    await h.fake.waitFor("chat.postMessage", (c) => readable(c.args).includes("(UTC)"));
    const [sub] = await h.store.subscriptions.list({ platform: "slack", workspaceId: "T0TEAM" });
    expect(sub?.schedule.timezone).toBe("UTC");
  });

  it("Subscribe falls back to DIGEST_DEFAULT_TIMEZONE when it is set", async () => {
    h = await startSlackHarness(
      { memberships: { U0BOB: ["C0GENERAL"] } },
      { DIGEST_DEFAULT_TIMEZONE: "America/Chicago" },
    );
    const a = await askInChannel(h, QUESTION);
    await clickButton(h, { channel: a.channel, messageTs: a.ts }, a.answerId, "subscribe");
    await h.fake.waitFor("chat.postMessage", (c) =>
      readable(c.args).includes("every Monday at 09:00 (America/Chicago)"),
    );
    const [sub] = await h.store.subscriptions.list({ platform: "slack", workspaceId: "T0TEAM" });
    expect(sub?.schedule).toEqual({ cron: "0 9 * * 1", timezone: "America/Chicago" });
  });

  it("Subscribe is refused to someone who is not a member of the channel, and nothing is subscribed", async () => {
    // Bob is in another channel only; Slack's users.conversations tells the app so.
    h = await startSlackHarness({ memberships: { U0BOB: ["C0RANDOM"] } });
    const a = await askInChannel(h, QUESTION);
    const since = h.fake.calls.length;
    await clickButton(h, { channel: a.channel, messageTs: a.ts }, a.answerId, "subscribe", "U0BOB");
    const reply = await replyAfterClick(h, a.ts, since);
    expect(readable(reply.args)).toContain("Only members of this channel");
    expect(h.fake.callsOf("users.conversations").map((c) => c.args.user)).toEqual(["U0BOB"]);
    expect(await h.store.subscriptions.list({ platform: "slack", workspaceId: "T0TEAM" })).toEqual([]);
  });

  it("still work after a restart: a new app finds the answer in the store", async () => {
    h = await startSlackHarness();
    const a = await askInChannel(h, QUESTION);
    await h.restart();
    const since = h.fake.calls.length;
    await clickButton(h, { channel: a.channel, messageTs: a.ts }, a.answerId, "breakdown");
    const reply = await replyAfterClick(h, a.ts, since);
    expect(readable(reply.args)).toContain("Cost breakdown");
  });

  it("says so, privately, when the answer a button names is gone", async () => {
    h = await startSlackHarness();
    const a = await askInChannel(h, QUESTION);
    await clickButton(
      h,
      { channel: a.channel, messageTs: a.ts },
      "00000000-0000-0000-0000-000000000000",
      "plan",
    );
    const reply = await h.fake.waitFor("response_url");
    expect(reply.args.response_type).toBe("ephemeral");
    expect(readable(reply.args)).toContain("no longer stored");
  });
});

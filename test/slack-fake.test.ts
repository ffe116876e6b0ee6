import type { RespondFn } from "@slack/bolt";
import { WebClient } from "@slack/web-api";
import { afterEach, describe, expect, it } from "vitest";
import { SlackApi } from "../src/channels/slack/api.js";
import { post } from "../src/channels/slack/flows/post.js";
import { createMetrics } from "../src/metrics.js";
import type { SlackMessage } from "../src/render/slack/limits.js";
import { type FakeSlack, startFakeSlack } from "./fakes/slack-api.js";
import { BOT_TOKEN } from "./support/slack-app.js";

/**
 * The fake Slack refuses what Slack refuses, so a test passing against it means something: the
 * files.uploadV2 steps out of order or with wrong lengths, and a response_url past its five uses.
 */

let fake: FakeSlack | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function start(options: Parameters<typeof startFakeSlack>[0] = {}) {
  fake = await startFakeSlack({ botToken: BOT_TOKEN, ...options });
  const client = new WebClient(BOT_TOKEN, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
  return { fake, client };
}

const platformError = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: { data?: { error?: string } }) => e.data?.error ?? "not a platform error",
  );

describe("the fake's files.uploadV2 flow", () => {
  it("needs a filename and a length, and an upload of exactly that length before completing", async () => {
    const { fake, client } = await start();
    expect(await platformError(client.files.getUploadURLExternal({ filename: "a.png", length: 0 }))).toBe(
      "missing_argument",
    );
    const got = await client.files.getUploadURLExternal({ filename: "a.png", length: 4 });
    const url = String(got.upload_url);
    // Completing before the bytes arrived: Slack cannot find the file.
    expect(
      await platformError(client.files.completeUploadExternal({ files: [{ id: String(got.file_id) }] })),
    ).toBe("file_not_found");
    expect((await fetch(url, { method: "POST", body: new Uint8Array([1, 2, 3]) })).status).toBe(400);
    expect((await fetch(`${fake.url}/upload/F999999`, { method: "POST", body: "x" })).status).toBe(404);
    expect((await fetch(url, { method: "POST", body: new Uint8Array([1, 2, 3, 4]) })).status).toBe(200);
    const files: [{ id: string }] = [{ id: String(got.file_id) }];
    expect(await platformError(client.files.completeUploadExternal({ files }))).toBe("ok");
    // A file is completed once.
    expect(await platformError(client.files.completeUploadExternal({ files }))).toBe("file_not_found");
  });

  it("shares the file into a thread of a channel the bot is in, and nowhere else", async () => {
    const { fake, client } = await start({ notMemberOf: ["C0SECRET"] });
    const root = await client.chat.postMessage({ channel: "C0GENERAL", text: "root" });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
    const refused = client.filesUploadV2({ channel_id: "C0SECRET", file: png, filename: "a.png" });
    expect(await platformError(refused)).toBe("not_in_channel");
    const badThread = client.filesUploadV2({
      channel_id: "C0GENERAL",
      thread_ts: "1690000000.000100",
      file: png,
      filename: "a.png",
    });
    expect(await platformError(badThread)).toBe("invalid_thread_ts");
    await client.filesUploadV2({
      channel_id: "C0GENERAL",
      thread_ts: String(root.ts),
      file: png,
      filename: "a.png",
    });
    const shared = fake.messages.filter((m) => m.files);
    expect(shared).toHaveLength(1);
    expect(shared[0]).toMatchObject({ channel: "C0GENERAL", thread_ts: root.ts });
    expect(shared[0]?.files?.[0]?.bytes.equals(png)).toBe(true);
  });
});

describe("response_url", () => {
  /** Posts as Bolt's respond does: JSON to the response_url, failing on a refusal. */
  const responder = (url: string): RespondFn =>
    (async (message: unknown) => {
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(typeof message === "string" ? { text: message } : message),
      });
      if (!res.ok) throw new Error(`response_url refused: ${res.status}`);
    }) as unknown as RespondFn;

  const note = (i: number): SlackMessage => ({
    text: `part ${i}`,
    blocks: [{ type: "section", block_id: `p${i}`, text: { type: "mrkdwn", text: `part ${i}` } }],
  });

  it("takes five posts, and the sixth is refused", async () => {
    const { fake } = await start();
    const respond = responder(fake.responseUrl("r1"));
    for (let i = 0; i < 5; i++) await respond({ text: `use ${i}` });
    await expect(respond({ text: "one too many" })).rejects.toThrow("404");
  });

  it("refuses blocks Slack cannot show", async () => {
    const { fake } = await start();
    const respond = responder(fake.responseUrl("r2"));
    await expect(
      respond({ text: "x", blocks: [{ type: "header", text: { type: "plain_text", text: "" } }] }),
    ).rejects.toThrow("400");
  });

  it("is used at most four times for a private reply, leaving one for a failure note", async () => {
    const { fake } = await start();
    const api = new SlackApi(new WebClient(BOT_TOKEN, { slackApiUrl: fake.apiUrl }), createMetrics(false));
    // Seven messages (a note and an answer split six ways): three go, then one saying where the rest is.
    await post(
      api,
      { kind: "private", respond: responder(fake.responseUrl("r3")) },
      [1, 2, 3, 4, 5, 6, 7].map(note),
    );
    const posts = fake.callsOf("response_url");
    expect(posts.map((c) => c.args.text)).toEqual([
      "part 1",
      "part 2",
      "part 3",
      expect.stringContaining("The rest of this answer is too long to show privately"),
    ]);
    expect(posts.every((c) => c.reply?.ok)).toBe(true);
  });
});

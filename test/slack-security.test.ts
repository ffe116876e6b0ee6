import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SIGNING_SECRET, type SlackHarness, startSlackHarness } from "./support/slack-app.js";
import { askInChannel, FORM, JSON_TYPE, slash, userTs } from "./support/slack-flows.js";
import { commandBody, eventBody, sendSigned } from "./support/slack-requests.js";
import { closeSharedStore, warmSharedStore } from "./support/slack-store.js";

/** Slack's request signing, checked by Bolt's receiver: forged or stale requests get 401 and no answer. */

let h: SlackHarness | null = null;
beforeAll(warmSharedStore);
afterAll(closeSharedStore);
afterEach(async () => {
  await h?.close();
  h = null;
});

const QUESTION = "500k requests a month";
const now = () => Math.floor(Date.now() / 1000);

describe("request signatures", () => {
  it("refuses a command signed with another secret: 401, and nothing is posted", async () => {
    h = await startSlackHarness();
    const res = await slash(h, QUESTION, {}, { signWith: "0000000000000000aaaaaaaaaaaaaaaa" });
    expect(res.status).toBe(401);
    // A genuine command afterwards is answered; the forged one never was.
    await askInChannel(h, "50k requests a month");
    expect(h.fake.callsOf("chat.postMessage")).toHaveLength(1);
  });

  it("refuses a request whose timestamp is more than five minutes old, even correctly signed", async () => {
    h = await startSlackHarness();
    const body = commandBody({
      text: QUESTION,
      channel: "C0GENERAL",
      user: "U0ALICE",
      responseUrl: h.fake.responseUrl(),
    });
    const stale = await sendSigned(h.eventsUrl, SIGNING_SECRET, body, FORM, { timestamp: now() - 6 * 60 });
    expect(stale.status).toBe(401);
    const event = eventBody(
      {
        type: "app_mention",
        channel: "C0GENERAL",
        user: "U0ALICE",
        text: "<@U0BOT> 1M requests",
        ts: userTs(),
        event_ts: "1",
      },
      "EvSTALE",
    );
    expect(
      (await sendSigned(h.eventsUrl, SIGNING_SECRET, event, JSON_TYPE, { timestamp: now() - 301 })).status,
    ).toBe(401);
    await askInChannel(h, "50k requests a month");
    expect(h.fake.callsOf("chat.postMessage")).toHaveLength(1);
  });

  it("refuses a request without signature headers", async () => {
    h = await startSlackHarness();
    const res = await fetch(h.eventsUrl, {
      method: "POST",
      headers: { "content-type": FORM },
      body: "text=hi",
    });
    expect(res.status).toBe(401);
  });
});

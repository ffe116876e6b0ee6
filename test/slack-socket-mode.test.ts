import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createSlackSurface, type SlackSurface } from "../src/channels/slack/index.js";
import { buildCatalog } from "../src/domain/catalog/catalog.js";
import { silentLogger } from "../src/logging.js";
import type { Store } from "../src/store/index.js";
import { type FakeSlack, startFakeSlack } from "./fakes/slack-api.js";
import { type FakeSocketMode, startFakeSocketMode } from "./fakes/slack-socket.js";
import { TODAY } from "./support/conversation.js";
import { BOT_TOKEN, FAST_RETRIES, slackConversation } from "./support/slack-app.js";
import { readable } from "./support/slack-flows.js";
import { closeSharedStore, freshStore, warmSharedStore } from "./support/slack-store.js";

/** Socket Mode (SLACK_APP_TOKEN set): no HTTP route at all; envelopes arrive over the WebSocket. */

const APP_TOKEN = "xapp-1-A0APP-1234567890-socketmodetest";

let open: { surface: SlackSurface; store: Store; fake: FakeSlack; socket: FakeSocketMode } | null = null;
beforeAll(warmSharedStore);
afterAll(closeSharedStore);
afterEach(async () => {
  if (!open) return;
  await open.surface.stop(5000);
  await open.store.close();
  await open.socket.close();
  await open.fake.close();
  open = null;
});

describe("Socket Mode", () => {
  it("connects with the app token, acks a slash command over the socket and posts the answer", async () => {
    const socket = await startFakeSocketMode();
    const fake = await startFakeSlack({
      botToken: BOT_TOKEN,
      socketMode: { appToken: APP_TOKEN, url: socket.url },
    });
    const store = await freshStore();
    const { conversation, metrics } = slackConversation(store);
    const surface = createSlackSurface(
      {
        conversation,
        store,
        catalog: buildCatalog({ pricesAt: new Date(`${TODAY}T12:00:00Z`) }),
        logger: silentLogger(),
        metrics,
        now: () => new Date(`${TODAY}T12:00:00Z`),
      },
      { mode: "socket", botToken: BOT_TOKEN, appToken: APP_TOKEN, signingSecret: null, apiUrl: fake.apiUrl },
      { clientOptions: { retryConfig: FAST_RETRIES } },
    );
    open = { surface, store, fake, socket };
    expect(surface.mount).toBeUndefined();
    await surface.start();
    await socket.connected();
    expect(fake.callsOf("apps.connections.open")[0]?.token).toBe(APP_TOKEN);

    const ack = await socket.send({
      envelope_id: "env-1",
      type: "slash_commands",
      accepts_response_payload: true,
      payload: {
        token: "unused",
        team_id: "T0TEAM",
        team_domain: "fake",
        channel_id: "C0GENERAL",
        channel_name: "general",
        user_id: "U0ALICE",
        user_name: "alice",
        command: "/llm-advise",
        text: "500k requests a month, 500 in / 200 out tokens, on gpt-4o-mini",
        api_app_id: "A0APP",
        response_url: fake.responseUrl(),
        trigger_id: "trigger-socket",
      },
    });
    expect(ack.envelope_id).toBe("env-1");
    const update = await fake.waitFor("chat.update", (c) => c.reply?.ok === true);
    expect(readable(update.args)).toContain("Verdict: Proprietary API");
  });

  it("fails start-up with a line naming SLACK_BOT_TOKEN when Slack refuses the token", async () => {
    const socket = await startFakeSocketMode();
    const fake = await startFakeSlack({
      botToken: "xoxb-some-other-token-0000",
      socketMode: { appToken: APP_TOKEN, url: socket.url },
    });
    const store = await freshStore();
    const { conversation, metrics } = slackConversation(store);
    const surface = createSlackSurface(
      {
        conversation,
        store,
        catalog: buildCatalog({ pricesAt: new Date(`${TODAY}T12:00:00Z`) }),
        logger: silentLogger(),
        metrics,
        now: () => new Date(),
      },
      { mode: "socket", botToken: BOT_TOKEN, appToken: APP_TOKEN, signingSecret: null, apiUrl: fake.apiUrl },
      { clientOptions: { retryConfig: FAST_RETRIES } },
    );
    open = { surface, store, fake, socket };
    await expect(surface.start()).rejects.toThrow(
      /^SLACK_BOT_TOKEN: Slack refused the token \(auth\.test: invalid_auth\)/,
    );
  });

  it("fails start-up with a line naming SLACK_APP_TOKEN and where to get one when Slack refuses it", async () => {
    const socket = await startFakeSocketMode();
    const fake = await startFakeSlack({
      botToken: BOT_TOKEN,
      socketMode: { appToken: "xapp-1-A0APP-1234567890-theonethatworks", url: socket.url },
    });
    const store = await freshStore();
    const { conversation, metrics } = slackConversation(store);
    const surface = createSlackSurface(
      {
        conversation,
        store,
        catalog: buildCatalog({ pricesAt: new Date(`${TODAY}T12:00:00Z`) }),
        logger: silentLogger(),
        metrics,
        now: () => new Date(),
      },
      { mode: "socket", botToken: BOT_TOKEN, appToken: APP_TOKEN, signingSecret: null, apiUrl: fake.apiUrl },
      { clientOptions: { retryConfig: FAST_RETRIES } },
    );
    open = { surface, store, fake, socket };
    const failure = await surface.start().then(
      () => null,
      (error: unknown) => error as { code?: string; userMessage?: string; stack?: string },
    );
    expect(failure?.code).toBe("slack-startup");
    expect(failure?.userMessage).toBe(
      "SLACK_APP_TOKEN: Slack refused the app-level token (apps.connections.open: invalid_auth); get one at api.slack.com/apps → Basic Information → App-Level Tokens, with the connections:write scope",
    );
    expect(failure?.userMessage).not.toContain(APP_TOKEN);
  });
});

import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createSlackSurface, type SlackSurface } from "../src/channels/slack/index.js";
import type { SlackConfig } from "../src/config/slack.js";
import { buildCatalog } from "../src/domain/catalog/catalog.js";
import { createHttpApp } from "../src/http/server.js";
import { silentLogger } from "../src/logging.js";
import { startFakeSlack } from "./fakes/slack-api.js";
import { TODAY } from "./support/conversation.js";
import { BOT_TOKEN, SIGNING_SECRET, slackConversation } from "./support/slack-app.js";
import { closeSharedStore, freshStore, warmSharedStore } from "./support/slack-store.js";

/** Start-up failures: one line naming the variable to fix, soon, without a stack or a secret. */

let cleanup: Array<() => Promise<void>> = [];
beforeAll(warmSharedStore);
afterAll(closeSharedStore);
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function surfaceFor(apiUrl: string, check = { timeoutMs: 300, retries: 1 }, botToken = BOT_TOKEN) {
  const store = await freshStore();
  cleanup.push(() => store.close());
  const { conversation, metrics } = slackConversation(store);
  const config: SlackConfig = {
    mode: "http",
    botToken,
    signingSecret: SIGNING_SECRET,
    appToken: null,
    apiUrl,
  };
  const surface = createSlackSurface(
    {
      conversation,
      store,
      catalog: buildCatalog({ pricesAt: new Date(`${TODAY}T12:00:00Z`) }),
      logger: silentLogger(),
      metrics,
      now: () => new Date(`${TODAY}T12:00:00Z`),
    },
    config,
    { startupCheck: check },
  );
  surface.mount?.(
    createHttpApp({ metrics, logger: silentLogger(), readiness: async () => ({ ready: true, checks: {} }) }),
  );
  return surface;
}

/** What start() rejected with: its code and the line main.ts prints. */
async function startFailure(surface: SlackSurface): Promise<{ code?: string; userMessage?: string }> {
  try {
    await surface.start();
  } catch (error) {
    return error as { code?: string; userMessage?: string };
  }
  await surface.stop(1000);
  throw new Error("start-up succeeded");
}

/** A server that accepts connections and never answers, counting the requests. */
async function silentServer(): Promise<{ url: string; requests: () => number }> {
  let requests = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer(() => {
    requests++;
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanup.push(async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`, requests: () => requests };
}

describe("Slack start-up", () => {
  it("names SLACK_API_URL when nothing listens there, after one retry", async () => {
    // A port that was free a moment ago and is closed now: connections are refused.
    const closed = await silentServer();
    await cleanup.pop()?.();
    const failure = await startFailure(await surfaceFor(closed.url));
    expect(failure.code).toBe("slack-startup");
    expect(failure.userMessage).toBe(
      `SLACK_API_URL: could not reach Slack at ${closed.url} (ECONNREFUSED, 2 tries); check the URL, or unset SLACK_API_URL to use https://slack.com/api/`,
    );
  });

  it("gives up on a Web API that never answers after its timeout and one retry", async () => {
    const silent = await silentServer();
    const failure = await startFailure(await surfaceFor(silent.url, { timeoutMs: 300, retries: 1 }));
    expect(failure.userMessage).toBe(
      `SLACK_API_URL: could not reach Slack at ${silent.url} (no answer within 0.3 s, 2 tries); check the URL, or unset SLACK_API_URL to use https://slack.com/api/`,
    );
    // The first attempt and one retry, no more.
    expect(silent.requests()).toBe(2);
  });

  it("names SLACK_BOT_TOKEN when Slack refuses it, without repeating it", async () => {
    const fake = await startFakeSlack({ botToken: "xoxb-the-token-slack-knows-0000" });
    cleanup.push(() => fake.close());
    const failure = await startFailure(await surfaceFor(fake.apiUrl));
    expect(failure.userMessage).toMatch(
      /^SLACK_BOT_TOKEN: Slack refused the token \(auth\.test: invalid_auth\); set it to the Bot User OAuth Token/,
    );
    expect(failure.userMessage).not.toContain(BOT_TOKEN);
    expect(fake.callsOf("auth.test")).toHaveLength(1);
  });

  it("says a URL that answers HTTP errors is not a Slack Web API", async () => {
    // Some other web server: every path is 404.
    const server = createServer((_req, res) => res.writeHead(404).end("not found"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    cleanup.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const failure = await startFailure(await surfaceFor(url));
    expect(failure.userMessage).toBe(
      `SLACK_API_URL: ${url} answered auth.test with HTTP 404, so it is not a Slack Web API; check the URL, or unset SLACK_API_URL to use https://slack.com/api/`,
    );
  });

  it("gives the app's Web API client a request timeout, so a hung call cannot hold an answer forever", async () => {
    const fake = await startFakeSlack({ botToken: BOT_TOKEN });
    cleanup.push(() => fake.close());
    const surface = await surfaceFor(fake.apiUrl);
    await surface.start();
    cleanup.push(() => surface.stop(1000));
    // WebClient keeps the option private; 20 s is app.ts's REQUEST_TIMEOUT_MS.
    expect(Reflect.get(surface.bolt?.client ?? {}, "timeout")).toBe(20_000);
    // The token was checked once; Bolt was handed the bot's identity and does not check it again.
    expect(fake.callsOf("auth.test")).toHaveLength(1);
  });
});

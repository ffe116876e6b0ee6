import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createSlackSurface } from "../src/channels/slack/index.js";
import { buildCatalog } from "../src/domain/catalog/catalog.js";
import { createHttpApp, listen } from "../src/http/server.js";
import { silentLogger } from "../src/logging.js";
import { startFakeSlack } from "./fakes/slack-api.js";
import { TODAY } from "./support/conversation.js";
import { BOT_TOKEN, FAST_RETRIES, SIGNING_SECRET, slackConversation } from "./support/slack-app.js";
import { FORM } from "./support/slack-flows.js";
import { commandBody, sendSigned } from "./support/slack-requests.js";
import { closeSharedStore, freshStore, warmSharedStore } from "./support/slack-store.js";

/** Start-up and shutdown in HTTP mode: the route is open only while the surface takes work. */

let cleanup: Array<() => Promise<void>> = [];
beforeAll(warmSharedStore);
afterAll(closeSharedStore);
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function setup() {
  const fake = await startFakeSlack({ botToken: BOT_TOKEN });
  cleanup.push(() => fake.close());
  const store = await freshStore();
  const { conversation, metrics } = slackConversation(store);
  cleanup.push(() => store.close());
  const logger = silentLogger();
  const surface = createSlackSurface(
    {
      conversation,
      store,
      catalog: buildCatalog({ pricesAt: new Date(`${TODAY}T12:00:00Z`) }),
      logger,
      metrics,
      now: () => new Date(`${TODAY}T12:00:00Z`),
    },
    { mode: "http", botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, appToken: null, apiUrl: fake.apiUrl },
    { clientOptions: { retryConfig: FAST_RETRIES } },
  );
  const app = createHttpApp({ metrics, logger, readiness: async () => ({ ready: true, checks: {} }) });
  surface.mount?.(app);
  // As src/main.ts may do it: the port opens before the surfaces have started.
  const server = await listen(app, 0, "127.0.0.1");
  cleanup.push(() => server.close(1000));
  const url = `http://127.0.0.1:${server.port}/slack/events`;
  const command = (text: string) =>
    sendSigned(
      url,
      SIGNING_SECRET,
      commandBody({ text, channel: "C0GENERAL", user: "U0ALICE", responseUrl: fake.responseUrl() }),
      FORM,
    );
  return { fake, surface, command };
}

// Each test answers several questions end to end; on a loaded 2-core machine that takes seconds.
describe("the Slack surface's lifecycle", { timeout: 60_000 }, () => {
  it("answers 503 with Retry-After until started, then takes commands", async () => {
    const { fake, surface, command } = await setup();
    const early = await command("500k requests a month");
    expect(early.status).toBe(503);
    expect(early.headers.get("retry-after")).toBe("1");
    await surface.start();
    cleanup.push(() => surface.stop(1000));
    expect((await command("500k requests a month")).status).toBe(200);
    await fake.waitFor("chat.update", (c) => c.reply?.ok === true);
  });

  it("stops taking work at once, and finishes the answers in flight before stop resolves", async () => {
    const { fake, surface, command } = await setup();
    await surface.start();
    // The answer's first call is held, so the answer is certainly in flight when stopping begins.
    const release = fake.hold("chat.postMessage");
    expect((await command("500k requests a month")).status).toBe(200);
    const stopped = surface.stop(20_000);
    expect((await command("50k requests a month")).status).toBe(503);
    release();
    await stopped;
    // The first question was answered; the refused one never reached the engine.
    expect(fake.callsOf("chat.update").filter((c) => c.reply?.ok)).toHaveLength(1);
    expect(fake.callsOf("chat.postMessage")).toHaveLength(1);
  });
});

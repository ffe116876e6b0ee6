import {
  createSlackSurface,
  type SlackSurface,
  type SlackSurfaceOptions,
  WEB_API_SCOPES,
} from "../../src/channels/slack/index.js";
import { loadPhrasingConfig } from "../../src/config/phrasing.js";
import type { SlackConfig } from "../../src/config/slack.js";
import { Conversation } from "../../src/conversation/conversation.js";
import { buildCatalog } from "../../src/domain/catalog/catalog.js";
import { createHttpApp, listen, type RunningServer } from "../../src/http/server.js";
import { silentLogger } from "../../src/logging.js";
import { createMetrics, type Metrics } from "../../src/metrics.js";
import { createPhrasingService } from "../../src/phrasing/index.js";
import type { Store } from "../../src/store/index.js";
import { type FakeSlack, type FakeSlackOptions, startFakeSlack } from "../fakes/slack-api.js";
import { TODAY } from "./conversation.js";
import { freshStore } from "./slack-store.js";

export const SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
export const BOT_TOKEN = "xoxb-test-0000000000-abcdefghijkl";

/** Retries fast in tests; Retry-After from a 429 is still honoured by the SDK. */
export const FAST_RETRIES = { retries: 3, minTimeout: 20, maxTimeout: 100 };

/** A real conversation on `store` with the template phraser (no network), as main.ts builds it. */
export function slackConversation(
  store: Store,
  env: Record<string, string> = {},
): { conversation: Conversation; metrics: Metrics } {
  const logger = silentLogger();
  const metrics = createMetrics(false);
  const phrasing = loadPhrasingConfig(env);
  if (!phrasing.ok) throw new Error(phrasing.problems.join("; "));
  const conversation = new Conversation({
    store,
    catalog: buildCatalog({ pricesAt: new Date(`${TODAY}T12:00:00Z`) }),
    phrasing: createPhrasingService(phrasing.value, { logger, metrics }),
    extraction: false,
    today: () => TODAY,
    logger,
    metrics,
    now: () => new Date(`${TODAY}T12:00:00Z`),
  });
  return { conversation, metrics };
}

export interface SlackHarness {
  /** http://127.0.0.1:<port>/slack/events */
  eventsUrl: string;
  fake: FakeSlack;
  store: Store;
  metrics: Metrics;
  surface: SlackSurface;
  server: RunningServer;
  /** A new process in all but name: a new Bolt app and HTTP server on the same store (nothing in memory survives). */
  restart(): Promise<void>;
  /** Waits until every request taken so far was handled, answers and all. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real Slack surface in HTTP mode on loopback: Bolt's ExpressReceiver mounted on the process's
 * HTTP app, a real conversation on in-memory PGlite (the test file's, emptied) with the template
 * phraser, and a loopback fake Slack Web API behind SLACK_API_URL.
 */
export async function startSlackHarness(
  fakeOptions: FakeSlackOptions = {},
  env: Record<string, string> = {},
  surfaceOptions: SlackSurfaceOptions = {},
): Promise<SlackHarness> {
  const fake = await startFakeSlack({ botToken: BOT_TOKEN, ...fakeOptions });
  const store = await freshStore();
  const { conversation, metrics } = slackConversation(store, env);
  const logger = silentLogger();
  const config: SlackConfig = {
    mode: "http",
    botToken: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    appToken: null,
    apiUrl: fake.apiUrl,
  };
  const catalog = buildCatalog({ pricesAt: new Date(`${TODAY}T12:00:00Z`) });
  const boot = async () => {
    const surface = createSlackSurface(
      {
        conversation,
        store,
        catalog,
        logger,
        metrics,
        now: () => new Date(`${TODAY}T12:00:00Z`),
        // As main.ts passes it from the configuration.
        digestTimezone: env.DIGEST_DEFAULT_TIMEZONE,
      },
      config,
      { clientOptions: { retryConfig: FAST_RETRIES }, ...surfaceOptions },
    );
    const app = createHttpApp({ metrics, logger, readiness: async () => ({ ready: true, checks: {} }) });
    surface.mount?.(app);
    await surface.start();
    const server = await listen(app, 0, "127.0.0.1");
    return { surface, server };
  };
  let running = await boot();
  const stop = async () => {
    await running.server.close(1000);
    await running.surface.stop(20_000);
  };
  const h: SlackHarness = {
    eventsUrl: `http://127.0.0.1:${running.server.port}/slack/events`,
    fake,
    store,
    metrics,
    surface: running.surface,
    server: running.server,
    restart: async () => {
      await stop();
      running = await boot();
      Object.assign(h, {
        eventsUrl: `http://127.0.0.1:${running.server.port}/slack/events`,
        surface: running.surface,
        server: running.server,
      });
    },
    settle: async () => {
      if (!(await running.surface.idle(60_000))) throw new Error("Slack requests still running after 60 s");
    },
    close: async () => {
      await stop();
      await store.close();
      await fake.close();
      // Every method the app called must be in the table the manifest's scopes are checked against.
      const unknown = fake.calls
        .map((c) => c.method)
        .filter((m) => m !== "upload" && m !== "response_url" && !(m in WEB_API_SCOPES));
      if (unknown.length > 0)
        throw new Error(`Web API methods missing from WEB_API_SCOPES: ${unknown.join(", ")}`);
    },
  };
  return h;
}

/**
 * One more replica of the Slack app: its own conversation, Bolt app and HTTP server on `store` (a
 * store opened on the database the other replicas use), talking to the same fake Slack.
 */
export async function startSlackReplica(
  store: Store,
  fake: FakeSlack,
): Promise<{ eventsUrl: string; close(): Promise<void> }> {
  const logger = silentLogger();
  const catalog = buildCatalog({ pricesAt: new Date(`${TODAY}T12:00:00Z`) });
  const now = () => new Date(`${TODAY}T12:00:00Z`);
  const { conversation, metrics } = slackConversation(store);
  const surface = createSlackSurface(
    { conversation, store, catalog, logger, metrics, now },
    { mode: "http", botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, appToken: null, apiUrl: fake.apiUrl },
    { clientOptions: { retryConfig: FAST_RETRIES } },
  );
  const app = createHttpApp({ metrics, logger, readiness: async () => ({ ready: true, checks: {} }) });
  surface.mount?.(app);
  await surface.start();
  const server = await listen(app, 0, "127.0.0.1");
  let closed = false;
  return {
    eventsUrl: `http://127.0.0.1:${server.port}/slack/events`,
    close: async () => {
      if (closed) return;
      closed = true;
      await server.close(1000);
      await surface.stop(5000);
    },
  };
}

import { existsSync } from "node:fs";
import { join } from "node:path";
import dotenv from "dotenv";
import { loadCatalog } from "./catalog-file.js";
import { createConsoleSurface } from "./channels/console/console.js";
import { createSlackDigestPoster, createSlackSurface } from "./channels/slack/index.js";
import type { Surface, SurfaceDeps } from "./channels/surface.js";
import { createTeamsSurface } from "./channels/teams/index.js";
import { type AppConfig, loadAppConfig, processEnv } from "./config.js";
import { Conversation } from "./conversation/conversation.js";
import {
  createDigestScheduler,
  createOpenAiCostsSdk,
  type DigestPoster,
  OpenAiCosts,
} from "./digest/index.js";
import { createHttpApp, listen, type RunningServer } from "./http/server.js";
import { createLogger, type Logger } from "./logging.js";
import { createMetrics } from "./metrics.js";
import { createPhrasingService } from "./phrasing/index.js";
import { openStore, type Store } from "./store/index.js";

/**
 * The composition root: configuration → logger, metrics, catalog, store, phraser, conversation →
 * the configured surfaces (Slack, Teams, or the local console when neither is configured), the
 * HTTP app, and a graceful shutdown on SIGTERM.
 */

const today = () => new Date().toISOString().slice(0, 10);

/** Start-up failures: one line per problem on stderr, then exit 1. */
function fail(lines: readonly string[]): never {
  for (const l of lines) process.stderr.write(`${l}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  // A .env file beside the process is read when present; real environment variables win.
  if (existsSync(".env")) dotenv.config({ path: ".env", quiet: true });
  const loaded = loadAppConfig(processEnv());
  if (!loaded.ok) fail(loaded.problems.map((p) => `config: ${p}`));
  const config: AppConfig = loaded.value;

  // A chat surface means a service: logs as JSON on stdout and the HTTP app; otherwise the console.
  const serving = config.slack !== null || config.teams.enabled;
  const logger = createLogger(
    config.logging.level ?? (serving ? "info" : "warn"),
    serving ? undefined : process.stderr,
  );
  const metrics = createMetrics();
  const catalog = await loadCatalog(config.catalog.catalogFile, new Date());
  if (!catalog.ok) fail([`config: CATALOG_FILE ${catalog.message}`]);
  for (const s of config.phrasing.skipped)
    logger.warn({ provider: s.provider, reason: s.reason }, "phrasing provider skipped");

  let store: Store;
  try {
    store = await openStore(config.store, logger);
  } catch (error) {
    fail([`store: ${(error as { userMessage?: string }).userMessage ?? "cannot open the store"}`]);
  }
  const phrasing = createPhrasingService(config.phrasing, { logger, metrics });
  const now = () => new Date();
  const conversation = new Conversation({
    store,
    catalog: catalog.value,
    phrasing,
    extraction: config.phrasing.extraction,
    today,
    logger,
    metrics,
    now,
  });
  const deps: SurfaceDeps = {
    conversation,
    store,
    catalog: catalog.value,
    logger,
    metrics,
    now,
    digestTimezone: config.digest.defaultTimezone,
  };

  const surfaces: Surface[] = [];
  const posters: DigestPoster[] = [];
  let server: RunningServer | null = null;
  const dataDir = config.files.dataDir;
  if (config.slack) {
    surfaces.push(createSlackSurface(deps, config.slack));
    // The scheduler retries a failed post itself, after looking for it: the client must not retry blindly.
    posters.push(
      createSlackDigestPoster(
        config.slack,
        { metrics, logger },
        { retryConfig: { retries: 0 }, timeout: 30_000 },
      ),
    );
  }
  if (config.teams.enabled) {
    const teams = createTeamsSurface(deps, { credentials: config.teams.credentials });
    surfaces.push(teams);
    posters.push(teams.digestPoster);
  }
  const local = serving
    ? null
    : createConsoleSurface(deps, {
        input: process.stdin,
        output: process.stdout,
        chartsDir: join(dataDir, "charts"),
        sessionFile: join(dataDir, "console-session.json"),
      });
  if (local) surfaces.push(local);

  const costs = config.digest.openAiCosts
    ? new OpenAiCosts(
        createOpenAiCostsSdk({ ...config.digest.openAiCosts, timeoutMs: 30_000 }),
        config.digest.openAiCosts.projectIds,
      )
    : null;
  const scheduler = createDigestScheduler({
    store,
    posters,
    costs,
    logger,
    metrics,
    now,
    catalogAt: async (at) => {
      const c = await loadCatalog(config.catalog.catalogFile, at);
      if (!c.ok) throw new Error(c.message);
      return c.value;
    },
    tickMs: config.digest.tickMs,
    leaseMs: config.digest.leaseMs,
    concurrency: config.digest.concurrency,
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    const grace = config.http.shutdownGraceMs;
    await Promise.all(surfaces.map((s) => s.stop(grace)));
    await scheduler.stop();
    await server?.close(grace);
    await store.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));

  if (serving) {
    const app = createHttpApp({
      metrics,
      logger,
      readiness: async () => {
        try {
          await store.ping();
          return { ready: true, checks: { store: "ok" } };
        } catch {
          return { ready: false, checks: { store: "unreachable" } };
        }
      },
    });
    for (const s of surfaces) s.mount?.(app);
    server = await listen(app, config.http.port, config.http.host);
    logger.info({ port: server.port }, "listening");
  }
  for (const s of surfaces) await s.start();
  logger.info(
    { surfaces: surfaces.map((s) => s.name), store: store.kind, phrasing: config.phrasing.chain },
    "started",
  );
  // Digests go out from processes that can post them; the console only lists them.
  if (config.digest.scheduler && posters.length > 0) scheduler.start();
  if (serving) {
    // For the person who ran `npm start`; stdout carries the JSON log lines.
    process.stderr.write(
      `llm-advisor serving ${surfaces.map((s) => s.name).join(" and ")} on port ${server?.port}\n`,
    );
  } else if (local) {
    await local.done;
    await shutdown("console closed");
  }
}

main().catch((error: unknown) => {
  // Anything unexpected at start-up: a short line for the person, the detail for the log.
  const logger: Logger = createLogger("error", process.stderr);
  logger.error({ err: error }, "start-up failed");
  process.stderr.write("llm-advisor could not start; see the log line above.\n");
  process.exit(1);
});

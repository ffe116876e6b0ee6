import { existsSync } from "node:fs";
import { join } from "node:path";
import dotenv from "dotenv";
import { loadCatalog } from "./catalog-file.js";
import { createConsoleSurface } from "./channels/console/console.js";
import type { Surface, SurfaceDeps } from "./channels/surface.js";
import { type AppConfig, loadAppConfig, processEnv } from "./config.js";
import { Conversation } from "./conversation/conversation.js";
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

  const serving = false;
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
  const deps: SurfaceDeps = { conversation, store, catalog: catalog.value, logger, metrics, now };

  const surfaces: Surface[] = [];
  let server: RunningServer | null = null;
  const dataDir = config.files.dataDir;
  const local = createConsoleSurface(deps, {
    input: process.stdin,
    output: process.stdout,
    chartsDir: join(dataDir, "charts"),
    sessionFile: join(dataDir, "console-session.json"),
  });
  surfaces.push(local);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    const grace = config.http.shutdownGraceMs;
    await Promise.all(surfaces.map((s) => s.stop(grace)));
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
  await local.done;
  await shutdown("console closed");
}

main().catch((error: unknown) => {
  // Anything unexpected at start-up: a short line for the person, the detail for the log.
  const logger: Logger = createLogger("error", process.stderr);
  logger.error({ err: error }, "start-up failed");
  process.stderr.write("llm-advisor could not start; see the log line above.\n");
  process.exit(1);
});

import { existsSync } from "node:fs";
import { join } from "node:path";
import dotenv from "dotenv";
import { loadCatalog } from "./catalog-file.js";
import { createConsoleSurface } from "./channels/console/console.js";
import { createSlackDigestPoster, createSlackSurface } from "./channels/slack/index.js";
import type { Surface, SurfaceDeps } from "./channels/surface.js";
import { createTeamsSurface } from "./channels/teams/index.js";
import {
  type AppConfig,
  listenHost,
  loadAppConfig,
  loadCatalogConfig,
  loadFilesConfig,
  prepareDataDir,
  processEnv,
  redactDatabaseUrl,
} from "./config.js";
import { Conversation } from "./conversation/conversation.js";
import {
  createDigestScheduler,
  createOpenAiCostsSdk,
  type DigestPoster,
  OpenAiCosts,
} from "./digest/index.js";
import type { Catalog } from "./domain/catalog/catalog.js";
import { trackReadiness } from "./http/readiness.js";
import { createHttpApp, createMetricsApp, listen, type RunningServer } from "./http/server.js";
import { type StopStep, shutdownWithin } from "./http/shutdown.js";
import { createLogger, type Logger } from "./logging.js";
import { createMetrics } from "./metrics.js";
import { createPhrasingService } from "./phrasing/index.js";
import { openStore, type Store, StoreError } from "./store/index.js";

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

const NOTHING_TO_RUN =
  "no Slack or Teams configured and no terminal for the console: set SLACK_BOT_TOKEN (with SLACK_SIGNING_SECRET or SLACK_APP_TOKEN) or MicrosoftAppId/TEAMS_ENABLED, or run with -it (docker) or --console";

/**
 * Every start-up problem in one batch: the environment, the CATALOG_FILE, the DATA_DIR, and whether
 * there is anything to run. The console needs a terminal, or `--console` for input from a pipe.
 */
async function preflight(): Promise<{ config: AppConfig; catalog: Catalog; console: boolean }> {
  const env = processEnv();
  const loaded = loadAppConfig(env);
  const problems = loaded.ok ? [] : [...loaded.problems];
  const catalogFile = loadCatalogConfig(env);
  const catalog = catalogFile.ok ? await loadCatalog(catalogFile.value.catalogFile, new Date()) : null;
  if (catalog && !catalog.ok) problems.push(`CATALOG_FILE ${catalog.message}`);
  const serving = loaded.ok && (loaded.value.slack !== null || loaded.value.teams.enabled);
  const wantsConsole = process.stdin.isTTY === true || process.argv.includes("--console");
  if (loaded.ok && !serving && !wantsConsole) problems.push(NOTHING_TO_RUN);
  // PGlite's files and the console's charts and session live in DATA_DIR.
  const files = loadFilesConfig(env);
  if (files.ok && (!loaded.ok || loaded.value.store.kind === "pglite" || !serving)) {
    const problem = await prepareDataDir(files.value.dataDir);
    if (problem) problems.push(problem);
  }
  if (!loaded.ok || !catalog?.ok || problems.length > 0) fail(problems.map((p) => `config: ${p}`));
  return { config: loaded.value, catalog: catalog.value, console: !serving };
}

/** The store, or one line saying where it is and why it cannot be opened (never a password). */
async function openStoreOrFail(config: AppConfig, logger: Logger): Promise<Store> {
  try {
    return await openStore(config.store, logger);
  } catch (error) {
    logger.error({ err: error }, "store not opened");
    const detail = error instanceof StoreError ? error.message.split("\n")[0] : "see the log";
    fail([`store: ${detail}`]);
  }
}

async function main(): Promise<void> {
  // A .env file beside the process is read when present; real environment variables win.
  if (existsSync(".env")) dotenv.config({ path: ".env", quiet: true });
  const { config, catalog, console: isConsole } = await preflight();

  // A chat surface means a service: logs as JSON on stdout and the HTTP app; otherwise the console.
  const logger = createLogger(
    config.logging.level ?? (isConsole ? "warn" : "info"),
    isConsole ? process.stderr : undefined,
  );
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const metrics = createMetrics();
  for (const s of config.phrasing.skipped)
    if (isConsole) process.stderr.write(`note: ${s.provider} skipped for phrasing: ${s.reason}\n`);
    else logger.warn({ provider: s.provider, reason: s.reason }, "phrasing provider skipped");

  // PGlite takes seconds to start the first time: say what is happening.
  if (isConsole)
    say(
      config.store.kind === "pglite"
        ? `opening the database in ${config.files.dataDir}…`
        : `connecting to ${redactDatabaseUrl(config.store.url)}…`,
    );
  const store = await openStoreOrFail(config, logger);
  const phrasing = createPhrasingService(config.phrasing, { logger, metrics });
  const now = () => new Date();
  const conversation = new Conversation({
    store,
    catalog,
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
    catalog,
    logger,
    metrics,
    now,
    digestTimezone: config.digest.defaultTimezone,
  };

  const surfaces: Surface[] = [];
  const posters: DigestPoster[] = [];
  const servers: RunningServer[] = [];
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
  const local = isConsole
    ? createConsoleSurface(deps, {
        input: process.stdin,
        output: process.stdout,
        chartsDir: join(dataDir, "charts"),
        sessionFile: join(dataDir, "console-session.json"),
      })
    : null;
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

  const readiness = trackReadiness({ ping: () => store.ping(), surfaces });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    readiness.stopping();
    logger.info({ signal, graceMs: config.http.shutdownGraceMs }, "shutting down");
    const steps: StopStep[] = [
      ...surfaces.map((s) => ({ name: s.name, stop: (ms: number) => s.stop(ms) })),
      { name: "scheduler", stop: () => scheduler.stop() },
      ...servers.map((s, i) => ({
        name: i === 0 ? "http" : "metrics-http",
        stop: (ms: number) => s.close(ms),
      })),
    ];
    await shutdownWithin(
      { graceMs: config.http.shutdownGraceMs, steps, close: () => store.close() },
      { logger, exit: (code) => process.exit(code) },
    );
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));

  if (!isConsole) {
    const separateMetrics = config.http.metricsPort !== null;
    const app = createHttpApp({
      metrics,
      logger,
      readiness: () => readiness.check(),
      metricsRoute: !separateMetrics,
    });
    for (const s of surfaces) s.mount?.(app);
    const { host, loopbackBecause } = listenHost(config.http, config.teams);
    if (loopbackBecause) logger.warn({ host, reason: loopbackBecause }, "listening on loopback only");
    const server = await listen(app, config.http.port, host);
    servers.push(server);
    logger.info({ port: server.port, host }, "listening");
    if (config.http.metricsPort !== null) {
      const m = await listen(createMetricsApp(metrics), config.http.metricsPort, host);
      servers.push(m);
      logger.info({ port: m.port, host, path: "/metrics" }, "metrics listening");
    }
  }
  for (const s of surfaces) {
    try {
      await s.start();
    } catch (error) {
      // A refused token or an unreachable platform: the surface's own one line, then the store closes cleanly.
      logger.error({ err: error, surface: s.name }, "surface did not start");
      const said = (error as { userMessage?: unknown }).userMessage;
      await store.close().catch(() => {});
      fail([`${s.name}: ${typeof said === "string" ? said : "could not start; see the log"}`]);
    }
    readiness.started(s.name);
  }
  logger.info(
    { surfaces: surfaces.map((s) => s.name), store: store.kind, phrasing: config.phrasing.chain },
    "started",
  );
  // Digests go out from processes that can post them; the console only lists them.
  if (config.digest.scheduler && posters.length > 0) scheduler.start();
  if (local) {
    await local.done;
    await shutdown("console closed");
  } else {
    // For the person who ran `npm start`; stdout carries the JSON log lines.
    process.stderr.write(
      `llm-advisor serving ${surfaces.map((s) => s.name).join(" and ")} on port ${servers[0]?.port}\n`,
    );
  }
}

main().catch((error: unknown) => {
  // Anything unexpected at start-up: a short line for the person, the detail for the log.
  const logger: Logger = createLogger("error", process.stderr);
  logger.error({ err: error }, "start-up failed");
  process.stderr.write("llm-advisor could not start; see the log line above.\n");
  process.exit(1);
});

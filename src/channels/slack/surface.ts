import { ErrorCode, type WebClientOptions } from "@slack/web-api";
import type { Application } from "express";
import { SLACK_VARIABLE_SOURCES, type SlackConfig } from "../../config/slack.js";
import type { Surface, SurfaceDeps } from "../surface.js";
import { createBoltApp, SLACK_EVENTS_PATH } from "./app.js";
import type { AdvisorApp, SlackDeps } from "./context.js";
import { webApiErrorCode } from "./errors.js";
import { InFlight } from "./in-flight.js";
import { SLASH_COMMAND } from "./listeners/commands/index.js";

const PRUNE_EVERY_MS = 60 * 60 * 1000;

export interface SlackSurfaceOptions {
  /** Web API client options on top of the config's (e.g. a faster retry policy in tests). */
  clientOptions?: WebClientOptions;
  /** How users mention the bot, for "/invite @llm-advise"; the manifest's display name. */
  botMention?: string;
}

export interface SlackSurface extends Surface {
  readonly name: "slack";
  readonly mode: SlackConfig["mode"];
  /** The Bolt app, once mounted (HTTP mode) or started (Socket Mode). */
  readonly bolt: AdvisorApp | null;
}

/**
 * The Slack app as a surface of the process. HTTP mode: `mount(app)` adds /slack/events to the
 * process's HTTP app (call it before `start`); `start` checks the token (auth.test) and opens the
 * route, which answers 503 with Retry-After until then and again once stopping, so Slack redelivers
 * events elsewhere or later. Socket Mode: `start` connects; no public URL is needed. `stop` stops
 * taking work and waits for the answers in flight, up to `graceMs`.
 * @see https://docs.slack.dev/tools/bolt-js/getting-started
 */
export function createSlackSurface(
  deps: SurfaceDeps,
  config: SlackConfig,
  options: SlackSurfaceOptions = {},
): SlackSurface {
  const slackDeps: SlackDeps = {
    ...deps,
    command: SLASH_COMMAND,
    botMention: options.botMention ?? "@llm-advise",
  };
  const inFlight = new InFlight();
  let bolt: AdvisorApp | null = null;
  let pruning: NodeJS.Timeout | null = null;
  let connected = false;
  let accepting = false;
  const build = (receiving: Parameters<typeof createBoltApp>[2]) =>
    createBoltApp(config, slackDeps, receiving, inFlight, options.clientOptions);

  return {
    name: "slack",
    mode: config.mode,
    get bolt() {
      return bolt;
    },
    ...(config.mode === "http"
      ? {
          mount(app: Application) {
            if (bolt) throw new Error("the Slack surface is already mounted");
            // Until started (token checked) and once stopping, Slack is told to come back: it retries events.
            app.use(SLACK_EVENTS_PATH, (_req, res, next) => {
              if (accepting) return next();
              res.status(503).set("Retry-After", "1").end();
            });
            bolt = build({ mode: "http", app });
          },
        }
      : {}),
    async start() {
      if (config.mode === "http" && !bolt)
        throw new Error("Slack in HTTP mode: mount the surface on the HTTP app before starting it");
      bolt ??= build({ mode: "socket" });
      try {
        await bolt.init();
      } catch (error) {
        throw startupError(error);
      }
      if (config.mode === "socket") {
        await bolt.start();
        connected = true;
      }
      // Event claims expire after an hour; this surface makes them, so it sweeps them too.
      pruning = setInterval(() => {
        deps.store.events.prune().catch((error: unknown) => {
          deps.logger.warn({ err: error }, "slack event claims not pruned");
        });
      }, PRUNE_EVERY_MS);
      pruning.unref();
      accepting = true;
      deps.logger.info({ mode: config.mode }, "slack surface started");
    },
    async stop(graceMs: number) {
      accepting = false;
      if (pruning) clearInterval(pruning);
      // HTTP mode stops with the HTTP server; Socket Mode disconnects here.
      if (connected && bolt) await bolt.stop();
      connected = false;
      const settled = await inFlight.drain(graceMs);
      deps.logger.info({ settled, unfinished: inFlight.size }, "slack surface stopped");
    },
  };
}

/** auth.test failed at start-up: a refused token names its variable; anything else is the network. */
function startupError(error: unknown): Error {
  const code = webApiErrorCode(error);
  const refused = (error as { code?: string })?.code === ErrorCode.PlatformError;
  return new Error(
    refused
      ? `SLACK_BOT_TOKEN: Slack refused the token (auth.test: ${code}); set it to ${SLACK_VARIABLE_SOURCES.SLACK_BOT_TOKEN}`
      : `SLACK_API_URL: the Slack Web API did not answer auth.test (${code}); check the network, or unset SLACK_API_URL to use https://slack.com/api/`,
    { cause: error },
  );
}

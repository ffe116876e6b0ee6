import type { WebClientOptions } from "@slack/web-api";
import { type Application, Router } from "express";
import type { SlackConfig } from "../../config/slack.js";
import type { Surface, SurfaceDeps } from "../surface.js";
import { createBoltApp, SLACK_EVENTS_PATH } from "./app.js";
import type { AdvisorApp, SlackDeps } from "./context.js";
import { InFlight } from "./in-flight.js";
import { SLASH_COMMAND } from "./listeners/commands/index.js";
import { appTokenError, checkBotToken, DEFAULT_STARTUP_CHECK, type StartupCheck } from "./startup.js";

const PRUNE_EVERY_MS = 60 * 60 * 1000;

export interface SlackSurfaceOptions {
  /** Web API client options on top of the config's (e.g. a faster retry policy in tests). */
  clientOptions?: WebClientOptions;
  /** How long start-up's token check waits for Slack (10 s an attempt, one retry by default). */
  startupCheck?: StartupCheck;
}

export interface SlackSurface extends Surface {
  readonly name: "slack";
  readonly mode: SlackConfig["mode"];
  /** The Bolt app, once started. */
  readonly bolt: AdvisorApp | null;
  /** Resolves when the requests taken so far are handled (true), or after `timeoutMs` (false). */
  idle(timeoutMs: number): Promise<boolean>;
}

/**
 * The Slack app as a surface of the process. HTTP mode: `mount(app)` adds /slack/events to the
 * process's HTTP app (call it before `start`); it answers 503 with Retry-After until started and
 * again once stopping, so Slack redelivers events elsewhere or later. `start` checks the token
 * (auth.test, bounded), then builds the Bolt app and, in Socket Mode, connects; a refused token or
 * an unreachable Slack rejects with a `SlackStartupError` whose `userMessage` is one line to print.
 * `stop` stops taking work and waits for the answers in flight, up to `graceMs`.
 * @see https://docs.slack.dev/tools/bolt-js/getting-started
 */
export function createSlackSurface(
  deps: SurfaceDeps,
  config: SlackConfig,
  options: SlackSurfaceOptions = {},
): SlackSurface {
  const slackDeps: SlackDeps = { ...deps, command: SLASH_COMMAND, botMention: "@llm-advise" };
  const inFlight = new InFlight();
  // Bolt's routes are added to this router at start, once the token is checked.
  const router = Router();
  let mounted = false;
  let bolt: AdvisorApp | null = null;
  let pruning: NodeJS.Timeout | null = null;
  let connected = false;
  let accepting = false;

  return {
    name: "slack",
    mode: config.mode,
    get bolt() {
      return bolt;
    },
    idle: (timeoutMs) => inFlight.drain(timeoutMs),
    ...(config.mode === "http"
      ? {
          mount(app: Application) {
            if (mounted) throw new Error("the Slack surface is already mounted");
            mounted = true;
            // Until started (token checked) and once stopping, Slack is told to come back: it retries events.
            app.use(SLACK_EVENTS_PATH, (_req, res, next) => {
              if (accepting) return next();
              res.status(503).set("Retry-After", "1").end();
            });
            app.use(router);
          },
        }
      : {}),
    async start() {
      if (config.mode === "http" && !mounted)
        throw new Error("Slack in HTTP mode: mount the surface on the HTTP app before starting it");
      if (bolt) throw new Error("the Slack surface is already started");
      const identity = await checkBotToken(
        config,
        deps.logger,
        options.startupCheck ?? DEFAULT_STARTUP_CHECK,
        options.clientOptions,
      );
      // "/invite <@U…>" shows as the bot's name, whatever the app was called when installed.
      slackDeps.botMention = `<@${identity.botUserId}>`;
      bolt = createBoltApp(
        config,
        slackDeps,
        config.mode === "http" ? { mode: "http", router } : { mode: "socket" },
        inFlight,
        identity,
        options.clientOptions,
      );
      if (config.mode === "socket") {
        try {
          await bolt.start();
        } catch (error) {
          throw appTokenError(error);
        }
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

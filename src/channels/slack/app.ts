import { App, ExpressReceiver } from "@slack/bolt";
import type { WebClientOptions } from "@slack/web-api";
import type { IRouter } from "express";
import type { SlackConfig } from "../../config/slack.js";
import { SlackApi } from "./api.js";
import { boltLogger } from "./bolt-logger.js";
import { type AdvisorApp, type AdvisorContext, provideDeps, type SlackDeps } from "./context.js";
import { errorEdge } from "./error-edge.js";
import type { InFlight } from "./in-flight.js";
import { registerListeners } from "./listeners/index.js";
import type { BotIdentity } from "./startup.js";

/** Slash commands, interactions and events, all on one route in HTTP mode (as the manifest's request URLs). */
export const SLACK_EVENTS_PATH = "/slack/events";

/** Where Bolt receives: Socket Mode, or /slack/events on a router the process's HTTP app uses. */
export type Receiving = { mode: "socket" } | { mode: "http"; router: IRouter };

/** Each Web API call gives up after this long (and is retried by the client's policy); Slack answers in well under a second. */
export const REQUEST_TIMEOUT_MS = 20_000;

/**
 * The Bolt app, thin (STYLE 6): receiver, Web API client, dependencies in the context, in-flight
 * tracking, the listeners and the error edge. The token was checked before (startup.ts), so Bolt is
 * given the bot's identity and calls auth.test no more.
 */
export function createBoltApp(
  config: SlackConfig,
  deps: SlackDeps,
  receiving: Receiving,
  inFlight: InFlight,
  identity: BotIdentity,
  clientOptions: WebClientOptions = {},
): AdvisorApp {
  const logger = boltLogger(deps.logger);
  const options = {
    token: config.botToken,
    ...identity,
    tokenVerificationEnabled: false,
    logger,
    extendedErrorHandler: true,
    clientOptions: {
      ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
      timeout: REQUEST_TIMEOUT_MS,
      ...clientOptions,
    },
  };
  const app: AdvisorApp =
    receiving.mode === "socket"
      ? new App<AdvisorContext>({ ...options, socketMode: true, appToken: config.appToken ?? "" })
      : new App<AdvisorContext>({
          ...options,
          receiver: new ExpressReceiver({
            signingSecret: config.signingSecret ?? "",
            router: receiving.router,
            endpoints: SLACK_EVENTS_PATH,
            // Ack first, then work: Slack wants an answer within 3 seconds.
            processBeforeResponse: false,
            logger,
          }),
        });
  provideDeps(app, deps);
  app.use(({ next }) => inFlight.track(next));
  registerListeners(app);
  app.error(errorEdge(deps, new SlackApi(app.client, deps.metrics)));
  return app;
}

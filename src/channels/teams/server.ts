import { type Activity, ActivityTypes, CloudAdapter, type TurnContext } from "botbuilder";
import express, { type Application, type NextFunction, type Request, type Response } from "express";
import { z } from "zod";
import type { TeamsCredentials } from "../../config/teams.js";
import type { DigestPoster } from "../../digest/poster.js";
import type { Logger } from "../../logging.js";
import type { Surface, SurfaceDeps } from "../surface.js";
import { authFailureStatus, teamsAuthentication } from "./auth.js";
import { AdvisorBot } from "./bot.js";
import { TeamsDigestPoster } from "./digest-poster.js";
import { asTeamsError, logFields } from "./errors.js";

/**
 * The Teams surface, composed: the Bot Framework adapter (CloudAdapter) checking each request's
 * token, the bot, and `POST /api/messages` on the process's one HTTP app. Every botbuilder import
 * stays in src/channels/teams, so moving to the Microsoft 365 Agents SDK touches this folder only.
 * @see https://learn.microsoft.com/azure/bot-service/bot-builder-basics
 */

export const TEAMS_ROUTE = "/api/messages";

export interface TeamsSurfaceConfig {
  /** Null: unauthenticated, for local testing (src/config/teams.ts refuses it in production). */
  credentials: TeamsCredentials | null;
}

export interface TeamsSurface extends Surface {
  readonly name: "teams";
  /** Posts digests through the same adapter and credentials (for the digest scheduler). */
  readonly digestPoster: DigestPoster;
}

type Authentication = ReturnType<typeof teamsAuthentication>;
type Authenticated = Awaited<ReturnType<Authentication["authenticateRequest"]>>;

/**
 * The adapter, with authentication apart from the turn: CloudAdapter.process answers any failure
 * with the error's own message (metadata URLs, SDK internals), so the request is checked here first
 * and a refusal says nothing but that.
 */
class TeamsAdapter extends CloudAdapter {
  constructor(readonly auth: Authentication) {
    super(auth);
  }

  /** The turn for an already authenticated activity; an invoke's response, if any. */
  run(authenticated: Authenticated, activity: Activity, logic: (context: TurnContext) => Promise<void>) {
    return this.processActivity(authenticated, activity, logic);
  }
}

/** What the adapter needs of the body before it authenticates; the bot parses the rest. */
const IncomingActivitySchema = z.looseObject({
  type: z.string().min(1),
  timestamp: z.string().optional(),
  localTimestamp: z.string().optional(),
});

/** The body as the SDK's Activity, with its timestamps as dates, as CloudAdapter.process makes them. */
function activityOf(body: z.infer<typeof IncomingActivitySchema>): Activity {
  const { timestamp, localTimestamp, ...rest } = body;
  return {
    ...rest,
    ...(timestamp ? { timestamp: new Date(timestamp) } : {}),
    ...(localTimestamp ? { localTimestamp: new Date(localTimestamp) } : {}),
  } as unknown as Activity;
}

/**
 * The one error edge for a turn: log the coded error with context, and tell the person in one short
 * line; an Action.Execute gets an error response instead. Never a stack trace in the chat.
 */
function handleTurnError(logger: Logger) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    const e = asTeamsError(error);
    const a = context.activity;
    logger.error(
      {
        ...logFields(error),
        activityType: a.type,
        invoke: a.name,
        conversationType: a.conversation?.conversationType,
      },
      "teams turn failed",
    );
    try {
      if (a.type === ActivityTypes.Invoke) {
        const body = {
          statusCode: 500,
          type: "application/vnd.microsoft.error",
          value: { code: e.code, message: e.userMessage },
        };
        await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 500, body } });
      } else {
        // Also after a connector failure: a refused card (413, too large) leaves room for one line.
        await context.sendActivity({ type: ActivityTypes.Message, text: e.userMessage });
      }
    } catch (sendError) {
      logger.warn(logFields(sendError), "teams error reply failed");
    }
  };
}

/** A body that is not JSON gets a short 400, not Express's default error page with a stack trace. */
function badBody(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  const status = (error as { status?: unknown }).status;
  if (typeof status === "number" && status >= 400 && status < 500) {
    res.status(status).json({ error: "the body must be a Bot Framework activity in JSON" });
    return;
  }
  next(error);
}

/** The Teams surface: mount it on the HTTP app, start it, and hand its digestPoster to the scheduler. */
export function createTeamsSurface(deps: SurfaceDeps, config: TeamsSurfaceConfig): TeamsSurface {
  const adapter = new TeamsAdapter(teamsAuthentication(config.credentials));
  adapter.onTurnError = handleTurnError(deps.logger);
  const bot = new AdvisorBot(deps);
  const inFlight = new Set<Promise<void>>();
  let accepting = true;

  /** One request: authenticate (401, or 503 without the metadata), run the turn, write its answer. */
  async function receive(req: Request, res: Response): Promise<void> {
    const parsed = IncomingActivitySchema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: "the body must be a Bot Framework activity in JSON" });
      return;
    }
    const activity = activityOf(parsed.data);
    let authenticated: Authenticated;
    try {
      authenticated = await adapter.auth.authenticateRequest(activity, req.get("authorization") ?? "");
    } catch (error) {
      const status = authFailureStatus(error);
      deps.logger.warn(
        { status, reason: error instanceof Error ? error.message : String(error) },
        "teams request refused",
      );
      if (status === 503) res.set("Retry-After", "5");
      res.status(status).json({ error: status === 401 ? "unauthorized" : "authentication unavailable" });
      return;
    }
    try {
      const invoke = await adapter.run(authenticated, activity, (context) => bot.run(context));
      res.status(invoke?.status ?? 200);
      if (invoke?.body === undefined) res.end();
      else res.json(invoke.body);
    } catch (error) {
      // onTurnError handles the turn's own failures; this is the adapter's, after authentication.
      deps.logger.error(logFields(error), "teams request failed");
      if (!res.headersSent) res.status(500).json({ error: "internal error" });
    }
  }

  return {
    name: "teams",
    digestPoster: new TeamsDigestPoster({
      adapter,
      appId: config.credentials?.appId ?? "",
      store: deps.store,
      logger: deps.logger,
      metrics: deps.metrics,
    }),
    mount(app: Application) {
      app.post(
        TEAMS_ROUTE,
        express.json({ limit: "1mb" }),
        async (req: Request, res: Response) => {
          if (!accepting) {
            res.status(503).set("Retry-After", "5").json({ error: "shutting down" });
            return;
          }
          const turn = receive(req, res);
          inFlight.add(turn);
          try {
            await turn;
          } finally {
            inFlight.delete(turn);
          }
        },
        badBody,
      );
    },
    async start() {
      if (config.credentials)
        deps.logger.info(
          { appId: config.credentials.appId, appType: config.credentials.appType, route: TEAMS_ROUTE },
          "teams bot ready",
        );
      else
        deps.logger.warn(
          { route: TEAMS_ROUTE },
          "teams bot runs unauthenticated (no MicrosoftAppId): any caller is accepted; for local testing only",
        );
    },
    async stop(graceMs: number) {
      accepting = false;
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, graceMs);
      });
      await Promise.race([Promise.allSettled([...inFlight]), grace]);
      clearTimeout(timer);
    },
  };
}

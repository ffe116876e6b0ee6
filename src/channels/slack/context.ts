import type { App, Context } from "@slack/bolt";
import type { Conversation } from "../../conversation/conversation.js";
import type { Catalog } from "../../domain/catalog/catalog.js";
import type { Logger } from "../../logging.js";
import type { Metrics } from "../../metrics.js";
import type { Store } from "../../store/index.js";
import { SlackApi, type SlackClient } from "./api.js";

/** What the listeners need, handed to each through Bolt's context (see `provideDeps`). */
export interface SlackDeps {
  conversation: Conversation;
  store: Store;
  catalog: Catalog;
  logger: Logger;
  metrics: Metrics;
  now: () => Date;
  /** DIGEST_DEFAULT_TIMEZONE: for digest schedules that name no zone when Slack knows none for the user. */
  digestTimezone?: string;
  /** The slash command as the manifest declares it. */
  command: string;
  /** How users mention the bot in `/invite`: `<@U…>` from auth.test, which Slack shows as its name. */
  botMention: string;
}

/** Bolt's custom context for this app: `context.advisor` in every listener. */
export interface AdvisorContext {
  advisor: SlackDeps;
  [key: string]: unknown;
}

export type AdvisorApp = App<AdvisorContext>;

/** The first global middleware: every listener finds the dependencies in its context. */
export function provideDeps(app: AdvisorApp, deps: SlackDeps): void {
  app.use(async ({ context, next }) => {
    context.advisor = deps;
    await next();
  });
}

/** The dependencies from a context Bolt typed loosely (the Assistant's middleware). */
export function advisorOf(context: Context): SlackDeps {
  const deps = (context as Partial<AdvisorContext>).advisor;
  if (!deps)
    throw new Error("Slack listener ran without the advisor context; provideDeps must be registered first");
  return deps;
}

/** The Web API port over the listener's client, counting errors in the deps' metrics. */
export const apiFor = (client: SlackClient, deps: Pick<SlackDeps, "metrics">): SlackApi =>
  new SlackApi(client, deps.metrics);

import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { HOME_MAX_ANSWERS, homeView } from "../../blocks/home-view.js";
import { type AdvisorContext, apiFor } from "../../context.js";
import { teamOf } from "../../incoming.js";

type Args = SlackEventMiddlewareArgs<"app_home_opened"> & AllMiddlewareArgs<AdvisorContext>;

/** The Home tab, published each time it is opened: recent answers and digests of the user's channels. */
export const appHomeOpened = async ({ event, body, context, client }: Args): Promise<void> => {
  if (event.tab !== "home") return;
  const deps = context.advisor;
  const api = apiFor(client, deps);
  const workspaceId = teamOf(context, body);
  const [recent, subscriptions, channels] = await Promise.all([
    deps.store.threads.listRecentAnswers(
      { platform: "slack", workspaceId, userId: event.user },
      HOME_MAX_ANSWERS,
    ),
    deps.store.subscriptions.list({ platform: "slack", workspaceId }),
    api.userChannels(event.user).catch((error: unknown) => {
      deps.logger.warn(
        { err: error },
        "slack user channels unavailable; Home tab shows their own digests only",
      );
      return new Set<string>();
    }),
  ]);
  // Their channels, and their direct message with the bot (users.conversations lists channels only).
  const theirs = subscriptions.filter(
    (s) =>
      channels.has(s.channel.channelId) ||
      (s.channel.channelId.startsWith("D") && s.createdBy === event.user),
  );
  await api.publishHome(event.user, homeView({ command: deps.command, recent, subscriptions: theirs }));
};

import type { RespondFn } from "@slack/bolt";
import { subscribeToAnswer } from "../../../digest/index.js";
import type { AnswerActionId } from "../../../render/answer-actions.js";
import { escapeMrkdwn } from "../../../render/slack/answer-blocks.js";
import type { StoredAnswer } from "../../../store/index.js";
import type { SlackApi } from "../api.js";
import {
  breakdownMessages,
  noticeMessages,
  planMessages,
  rejectedMessages,
  turnMessages,
} from "../blocks/replies.js";
import type { SlackDeps } from "../context.js";
import { DM_THREAD, post, remember, type Target, targetOf } from "./post.js";

export interface Press {
  answerId: string;
  action: AnswerActionId;
  userId: string;
  /** Where the clicked message is, for replies when the answer's own thread is unknown. */
  clicked: Target;
  respond?: RespondFn;
}

/**
 * A button under an answer: everything comes from the stored answer, so buttons keep working after
 * a restart. Replies go into the answer's thread (privately for a private answer).
 */
export async function pressButton(deps: SlackDeps, api: SlackApi, press: Press): Promise<void> {
  const result = await deps.conversation.action(
    press.answerId,
    press.action,
    { userId: press.userId },
    "slack",
  );
  // A direct message's answers sit in threads under their questions: the click tells which.
  const where = (answer: StoredAnswer) =>
    answer.thread.threadId === DM_THREAD && press.clicked.kind === "thread"
      ? press.clicked
      : (targetOf(answer, press.respond) ?? press.clicked);
  switch (result.kind) {
    case "rejected":
      await post(api, press.respond ? { kind: "private", respond: press.respond } : press.clicked, [
        ...rejectedMessages(result.message),
      ]);
      return;
    case "breakdown":
      await post(api, where(result.answer), breakdownMessages(result.answer.advice));
      return;
    case "plan":
      await post(api, where(result.answer), planMessages(result.answer.advice));
      return;
    case "chart": {
      const target = where(result.answer);
      if (target.kind === "private") {
        await post(api, target, noticeMessages(needsChannel(deps, "attach the chart")));
        return;
      }
      await api.uploadPng({
        channel: target.channel,
        ...(target.kind === "thread" ? { threadTs: target.threadTs } : {}),
        png: result.png,
        filename: "break-even.png",
        title: result.title,
        altText: `Chart: ${result.title}. Monthly cost against requests a month, with the break-even marked.`,
        comment: `Break-even chart: ${result.title}`,
      });
      return;
    }
    case "subscribe":
      await subscribe(deps, api, result.answer, press.userId, where(result.answer));
      return;
    case "what-if": {
      const turn = result.turn;
      const target = turn.kind === "answer" ? where(turn.answer) : press.clicked;
      const posted = await post(api, target, turnMessages(turn, { command: deps.command }));
      if (turn.kind === "answer") await remember(deps, turn.answer, target, posted);
      return;
    }
  }
}

const needsChannel = (deps: SlackDeps, what: string) =>
  `:information_source: To ${what} I need to be in the channel: invite me with /invite ${deps.botMention}.`;

/** The user's time zone for the default schedule, or DIGEST_DEFAULT_TIMEZONE (UTC) when Slack has none (or an unknown one). */
async function timezoneOf(deps: SlackDeps, api: SlackApi, userId: string): Promise<string> {
  try {
    const tz = await api.userTimezone(userId);
    if (tz) {
      new Intl.DateTimeFormat("en-US", { timeZone: tz });
      return tz;
    }
  } catch (error) {
    deps.logger.warn(
      { err: error, userId },
      "slack user time zone unavailable; digest scheduled in the default zone",
    );
  }
  return deps.digestTimezone ?? "UTC";
}

/**
 * "Subscribe this channel to a digest": the answer's Profile, weekly, confirmed in the thread. Only
 * the channel's members may subscribe it (a direct message is its user's own).
 */
async function subscribe(
  deps: SlackDeps,
  api: SlackApi,
  answer: StoredAnswer,
  userId: string,
  target: Target,
) {
  if (target.kind === "private") {
    await post(api, target, noticeMessages(needsChannel(deps, "post digests here")));
    return;
  }
  const { channelId, workspaceId } = answer.thread;
  const isChannelMember = channelId.startsWith("D") || (await api.userChannels(userId)).has(channelId);
  const reply = await subscribeToAnswer(
    { store: deps.store, catalog: deps.catalog, now: deps.now, defaultTimezone: deps.digestTimezone },
    {
      channel: { platform: "slack", workspaceId, channelId },
      actor: {
        userId,
        isChannelMember,
        timezone: isChannelMember ? await timezoneOf(deps, api, userId) : null,
      },
      answerId: answer.id,
    },
  );
  if (reply.kind !== "subscribed") {
    const text = reply.kind === "refused" ? reply.message : "That digest could not be set up.";
    await post(api, target, noticeMessages(`:no_entry: ${escapeMrkdwn(text)}`, "subscribe.refused"));
    return;
  }
  const { subscription, created } = reply;
  const cmd = escapeMrkdwn(deps.command);
  const place = channelId.startsWith("D") ? "This conversation" : `<#${channelId}>`;
  const lead = created
    ? `:white_check_mark: ${place} will get a cost digest for this question ${escapeMrkdwn(subscription.schedule)}: the options' monthly costs recomputed with current prices, and what changed.`
    : `:white_check_mark: ${place} already gets a digest for this question; it is on, ${escapeMrkdwn(subscription.schedule)}.`;
  await post(
    api,
    target,
    noticeMessages(
      [
        lead,
        `To change when it comes: \`${cmd} digest weekly fri 08:00 Europe/Berlin\`. To stop it: \`${cmd} digest off ${subscription.id}\`. \`${cmd} digest list\` shows this channel's digests.`,
      ].join("\n"),
      "subscribed",
    ),
  );
}

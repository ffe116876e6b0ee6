import type { HomeView, KnownBlock } from "@slack/types";
import { answerView } from "../../../render/answer-view.js";
import { escapeMrkdwn } from "../../../render/slack/answer-blocks.js";
import { clip, SLACK_LIMITS } from "../../../render/slack/limits.js";
import type { StoredAnswer, Subscription } from "../../../store/index.js";
import { context, header, sections } from "./replies.js";

/** The App Home tab: a button that opens the question form, the user's recent answers, and digests. */

export const ASK_FROM_HOME_ACTION = "home:ask";

/** Enough rows to be useful while the whole tab stays far under 100 blocks. */
export const HOME_MAX_ANSWERS = 10;
export const HOME_MAX_SUBSCRIPTIONS = 20;

const where = (a: StoredAnswer): string =>
  a.thread.threadId === "dm" || a.thread.channelId.startsWith("D")
    ? "in a direct message"
    : `in <#${a.thread.channelId}>`;

const day = (d: Date): string => d.toISOString().slice(0, 10);

/** "0 9 * * 1" in Europe/Berlin → "cron 0 9 * * 1 (Europe/Berlin)"; the common weekly one in words. */
function scheduleText(s: Subscription["schedule"]): string {
  const weekly = /^0 (\d{1,2}) \* \* 1$/.exec(s.cron);
  if (weekly) return `every Monday at ${weekly[1]?.padStart(2, "0")}:00 (${s.timezone})`;
  return `cron \`${s.cron}\` (${s.timezone})`;
}

export function homeView(args: {
  command: string;
  recent: readonly StoredAnswer[];
  subscriptions: readonly Subscription[];
}): HomeView {
  const blocks: KnownBlock[] = [
    header("LLM advisor", "home.header"),
    ...sections(
      `Which LLM should you run, and where, and what does it cost at your volume? Ask with \`${escapeMrkdwn(args.command)} <question>\` in any channel I am in, in a direct message, or with the form.`,
      "home.intro",
    ),
    {
      type: "actions",
      block_id: "home.actions",
      elements: [
        {
          type: "button",
          action_id: ASK_FROM_HOME_ACTION,
          text: { type: "plain_text", text: "Ask a question", emoji: true },
          style: "primary",
          value: "ask",
        },
      ],
    },
    { type: "divider", block_id: "home.divider.answers" },
    header("Your recent answers", "home.answers.header"),
  ];
  const recent = args.recent.slice(0, HOME_MAX_ANSWERS);
  if (recent.length === 0) blocks.push(context("No answers yet.", "home.answers.none"));
  recent.forEach((a, i) => {
    const v = answerView(a.advice, 1);
    const asked = a.question ? `“${escapeMrkdwn(clip(a.question.replace(/\s+/g, " "), 300))}”\n` : "";
    blocks.push(
      ...sections(`${asked}*${escapeMrkdwn(clip(v.headline, 500))}*`, `home.answer.${i}`),
      context(`${day(a.createdAt)}, ${where(a)}`, `home.answer.${i}.where`),
    );
  });
  blocks.push(
    { type: "divider", block_id: "home.divider.digests" },
    header("Digests in your channels", "home.digests.header"),
  );
  const subs = args.subscriptions.slice(0, HOME_MAX_SUBSCRIPTIONS);
  if (subs.length === 0)
    blocks.push(
      context(
        "No digest subscriptions in channels you are in. Use “Subscribe this channel to a digest” under an answer.",
        "home.digests.none",
      ),
    );
  subs.forEach((s, i) => {
    const volume = s.profile.requestsPerMonth;
    const what = volume === undefined ? "" : `, ${volume.toLocaleString("en-US")} requests a month`;
    blocks.push(
      ...sections(
        `<#${s.channel.channelId}>: ${scheduleText(s.schedule)}${escapeMrkdwn(what)}${s.active ? "" : " _(paused)_"}`,
        `home.digest.${i}`,
      ),
    );
  });
  return { type: "home", blocks: blocks.slice(0, SLACK_LIMITS.blocksPerView) };
}

import type { AssistantThreadStartedMiddleware } from "@slack/bolt";
import { advisorOf, apiFor } from "../../context.js";

/** Prompts offered in a new assistant thread (at most four; Slack shows them as buttons). */
export const SUGGESTED_PROMPTS = [
  {
    title: "API or self-hosted at our volume?",
    message: "500k requests a month, 800 in / 200 out tokens, no ML team, on gpt-4o-mini today",
  },
  {
    title: "HIPAA data: what can we run?",
    message: "2M requests a month, HIPAA, small DevOps team, summarization of patient notes",
  },
  { title: "A voice assistant's costs", message: "voice assistant, 5,000 calls a month, 3 minutes per call" },
  {
    title: "Open weights vs open source?",
    message: "what is the difference between open weights and open source?",
  },
];

/** A new DM thread with the bot: suggested prompts. */
export const assistantThreadStarted: AssistantThreadStartedMiddleware = async ({
  event,
  context,
  client,
}) => {
  const deps = advisorOf(context);
  const { channel_id, thread_ts } = event.assistant_thread;
  await apiFor(client, deps).setSuggestedPrompts(
    channel_id,
    thread_ts,
    "Try one of these:",
    SUGGESTED_PROMPTS,
  );
};

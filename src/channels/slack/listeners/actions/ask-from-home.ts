import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { type AdvisorContext, apiFor } from "../../context.js";
import { openQuestionForm } from "../../flows/form.js";

type Args = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs<AdvisorContext>;

/** "Ask a question" on the Home tab: the question form; the answer goes to a direct message. */
export const askFromHome = async ({ ack, body, client, context }: Args): Promise<void> => {
  await ack();
  await openQuestionForm(apiFor(client, context.advisor), body.trigger_id, { channelId: null });
};

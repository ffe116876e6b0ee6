import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { FIELD } from "../../blocks/question-modal.js";
import { type AdvisorContext, apiFor } from "../../context.js";
import { askInChannel } from "../../flows/ask.js";
import { QuestionFormStateSchema, readOrigin, readQuestionForm } from "../../question-form.js";

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs<AdvisorContext>;

/**
 * The question form submitted: wrong fields get inline errors and the form stays open; otherwise it
 * closes and the answer is posted where the form was opened (a direct message from the Home tab).
 */
export const questionSubmitted = async ({ ack, view, body, client, context }: Args): Promise<void> => {
  const deps = context.advisor;
  const state = QuestionFormStateSchema.safeParse(view.state.values);
  const form = state.success
    ? readQuestionForm(state.data, deps.catalog)
    : { ok: false as const, errors: { [FIELD.useCase]: "The form could not be read; please try again." } };
  if (!form.ok) {
    await ack({ response_action: "errors", errors: form.errors });
    return;
  }
  await ack();
  const origin = readOrigin(view.private_metadata);
  await askInChannel(deps, apiFor(client, deps), {
    teamId: view.team_id || body.team?.id || "unknown",
    userId: body.user.id,
    // A user id as the channel posts into the bot's direct message with that user.
    channel: origin.channelId ?? body.user.id,
    question: form.question,
  });
};

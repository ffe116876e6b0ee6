import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { z } from "zod";
import { ANSWER_ACTIONS, type AnswerActionId } from "../../../../render/answer-actions.js";
import { type AdvisorContext, apiFor } from "../../context.js";
import { pressButton } from "../../flows/buttons.js";
import type { Target } from "../../flows/post.js";

type Args = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs<AdvisorContext>;

/** Buttons under an answer: `action_id` "answer:<id>", value `{answerId, action}` (STYLE 14: checked here). */
export const ANSWER_ACTION_PATTERN = /^answer:/;

const ids = ANSWER_ACTIONS.map((a) => a.id) as [AnswerActionId, ...AnswerActionId[]];
export const AnswerButtonValueSchema = z.object({
  answerId: z.string().min(1).max(200),
  action: z.enum(ids),
});

function readValue(raw: string | undefined) {
  try {
    return AnswerButtonValueSchema.safeParse(JSON.parse(raw ?? ""));
  } catch {
    return AnswerButtonValueSchema.safeParse(null);
  }
}

/** Where the clicked message is: its thread, or privately when it was only shown to the user. */
function clicked(body: BlockAction, respond: Args["respond"]): Target {
  const channel = body.channel?.id ?? String(body.container.channel_id ?? "");
  const message = body.message;
  if (body.container.is_ephemeral === true || !message || !channel) return { kind: "private", respond };
  return { kind: "thread", channel, threadTs: String(message.thread_ts ?? message.ts) };
}

/** A button under an answer: ack, then the detail, what-if, chart or subscription in the thread. */
export const answerButton = async ({ ack, action, body, client, context, respond }: Args): Promise<void> => {
  await ack();
  const deps = context.advisor;
  const value = readValue(action.value);
  if (!value.success) {
    deps.logger.warn({ actionId: action.action_id }, "slack button with an unreadable value");
    await respond({
      response_type: "ephemeral",
      replace_original: false,
      text: "That button is out of date; ask the question again.",
    });
    return;
  }
  await pressButton(deps, apiFor(client, deps), {
    answerId: value.data.answerId,
    action: value.data.action,
    userId: body.user.id,
    clicked: clicked(body, respond),
    respond,
  });
};

import type { Context } from "@slack/bolt";
import { z } from "zod";
import type { SlackApi } from "./api.js";
import type { SlackDeps } from "./context.js";
import { asSlackError } from "./errors.js";

/** The fields of a failed request the edge reads to log it and to tell the user (STYLE 14). */
const FailedBodySchema = z.looseObject({
  type: z.string().optional(),
  command: z.string().optional(),
  team_id: z.string().optional(),
  user_id: z.string().optional(),
  channel_id: z.string().optional(),
  response_url: z.string().optional(),
  user: z.looseObject({ id: z.string() }).optional(),
  actions: z.array(z.looseObject({ action_id: z.string().optional() })).optional(),
  view: z.looseObject({ callback_id: z.string().optional() }).optional(),
  event: z
    .looseObject({
      type: z.string().optional(),
      channel: z.string().optional(),
      user: z.string().optional(),
      ts: z.string().optional(),
      thread_ts: z.string().optional(),
    })
    .optional(),
});
type FailedBody = z.infer<typeof FailedBodySchema>;

/** Where the request came from, for the log line: ids only, never what anyone wrote. */
function origin(b: FailedBody) {
  return {
    kind: b.command ? "command" : b.event ? `event:${b.event.type ?? "?"}` : (b.type ?? "unknown"),
    actionId: b.actions?.[0]?.action_id,
    callbackId: b.view?.callback_id,
    teamId: b.team_id,
    channel: b.channel_id ?? b.event?.channel,
    user: b.user_id ?? b.user?.id ?? b.event?.user,
  };
}

/** Tells the user in a few words, where they will see it: privately, in the conversation they used. */
async function tell(api: SlackApi, b: FailedBody, text: string): Promise<void> {
  if (b.response_url) {
    await fetch(b.response_url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ response_type: "ephemeral", replace_original: false, text }),
    });
    return;
  }
  const e = b.event;
  if (e?.channel && e.user) {
    await api.postEphemeral({
      channel: e.channel,
      user: e.user,
      text,
      ...(e.thread_ts ? { thread_ts: e.thread_ts } : {}),
    });
    return;
  }
  // A form submission has nowhere to answer but a direct message.
  if (b.type === "view_submission" && b.user) await api.postMessage({ channel: b.user.id, text });
}

/**
 * The Slack surface's one error edge (STYLE 19), Bolt's `app.error`: every failure becomes a coded
 * error, is logged with where it happened, and the user gets a short message, never a stack trace.
 */
export function errorEdge(deps: Pick<SlackDeps, "logger">, api: SlackApi) {
  return async ({ error, body }: { error: Error; body: unknown; context: Context }): Promise<void> => {
    const coded = asSlackError(error);
    const parsed = FailedBodySchema.safeParse(body);
    const b: FailedBody = parsed.success ? parsed.data : {};
    deps.logger.error({ err: error, code: coded.code, ...origin(b) }, "slack request failed");
    try {
      await tell(api, b, coded.userMessage);
    } catch (sendError) {
      deps.logger.warn({ err: sendError, ...origin(b) }, "slack could not tell the user about a failure");
    }
  };
}

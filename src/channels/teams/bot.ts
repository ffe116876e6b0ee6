import {
  ActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type ConversationReference,
  TurnContext,
} from "botbuilder";
import type { Conversation } from "../../conversation/conversation.js";
import { digestReplyText, handleDigestCommand } from "../../digest/index.js";
import type { Catalog } from "../../domain/catalog/catalog.js";
import type { Logger } from "../../logging.js";
import type { Metrics } from "../../metrics.js";
import type { Store } from "../../store/index.js";
import { runAction } from "./actions.js";
import {
  actionValueOf,
  baseConversationId,
  channelOf,
  mentionsBot,
  plainText,
  scopeOf,
  type TeamsActivity,
  TeamsActivitySchema,
  tenantOf,
  userOf,
} from "./activity.js";
import { threadFor } from "./chat-threads.js";
import { parseMessage, type TeamsCommandName } from "./commands.js";
import { isMemberHere } from "./membership.js";
import { digestPlace, helpText, NEW_WITHOUT_QUESTION, summaryOf, turnOutgoing } from "./messages.js";
import { Replier } from "./reply.js";
import { RecentSummaries } from "./summaries.js";

export interface BotDeps {
  conversation: Conversation;
  store: Pick<Store, "threads" | "subscriptions" | "conversations" | "deliveries">;
  catalog: Catalog;
  now: () => Date;
  /** DIGEST_DEFAULT_TIMEZONE: for digest schedules that name no zone when Teams sends none. */
  digestTimezone?: string;
  logger: Logger;
  metrics: Pick<Metrics, "platformApiErrors">;
}

type CommandHandler = (a: TeamsActivity, rest: string, reply: Replier) => Promise<void>;

const CARD_INVOKE = "application/vnd.microsoft.card.adaptive";
const MESSAGE_INVOKE = "application/vnd.microsoft.activity.message";

const badRequest = (message: string): AdaptiveCardInvokeResponse => ({
  statusCode: 400,
  type: "application/vnd.microsoft.error",
  value: { code: "BadRequest", message },
});

/**
 * The Teams bot: a message is a question, a follow-up or a command; a button on an answer card is an
 * `adaptiveCard/action` invoke (Action.Execute) or, on older clients, a message carrying the button's
 * value (Action.Submit). Everything it answers comes from the shared Conversation.
 * @see https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/overview
 */
export class AdvisorBot extends ActivityHandler {
  /** Dispatched by the message's first word; anything else is a question (commands.ts lists them). */
  private readonly commands: Record<TeamsCommandName, CommandHandler> = {
    "llm-advise": (a, rest, reply) => this.ask(a, rest, reply, true),
    new: async (a, rest, reply) => {
      if (rest) await this.ask(a, rest, reply, true);
      else await reply.send({ kind: "text", text: NEW_WITHOUT_QUESTION });
    },
    help: async (a, _rest, reply) => {
      await reply.send({ kind: "text", text: helpText(scopeOf(a)) });
    },
    digest: (a, rest, reply) => this.digest(a, rest, reply),
  };

  /** The summaries answers were posted with, for cards updated in place. */
  private readonly summaries = new RecentSummaries();

  constructor(private readonly deps: BotDeps) {
    super();
    this.onMessage(async (context, next) => {
      await this.message(context);
      await next();
    });
    this.onConversationUpdate(async (context, next) => {
      const a = this.parse(context);
      if (a) await this.remember(context, a);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const a = this.parse(context);
      const botAdded = (context.activity.membersAdded ?? []).some(
        (m) => m.id === context.activity.recipient.id,
      );
      // A welcome in a 1:1 chat only: in a team it would land in a channel nobody asked in.
      if (a && botAdded && scopeOf(a) === "personal")
        await this.replier(context).send({ kind: "text", text: helpText("personal") });
      await next();
    });
  }

  private replier(context: TurnContext): Replier {
    return new Replier(context, this.deps.metrics, this.deps.logger);
  }

  private parse(context: TurnContext): TeamsActivity | null {
    const r = TeamsActivitySchema.safeParse(context.activity);
    if (r.success) return r.data;
    this.deps.logger.warn(
      { activityType: context.activity.type, issues: r.error.issues.map((i) => i.path.join(".")) },
      "teams activity ignored: unexpected shape",
    );
    return null;
  }

  /** Keeps how to reach this chat or channel, so digests can be posted there later (proactively). */
  private async remember(context: TurnContext, a: TeamsActivity): Promise<void> {
    const ref: Partial<ConversationReference> = TurnContext.getConversationReference(context.activity);
    const conversationId = baseConversationId(a.conversation.id);
    // The channel itself, not this thread, and no activity to reply to: a digest is a new post.
    const { activityId: _reply, ...rest } = ref;
    const reference = JSON.parse(
      JSON.stringify({ ...rest, conversation: { ...ref.conversation, id: conversationId } }),
    ) as { serviceUrl: string; conversation: { id: string } };
    await this.deps.store.conversations.save({ tenantId: tenantOf(a), conversationId, reference });
  }

  private async message(context: TurnContext): Promise<void> {
    const a = this.parse(context);
    if (!a) return;
    await this.remember(context, a);
    const reply = this.replier(context);
    const value = actionValueOf(a.value);
    if (value) {
      await runAction({ ...this.deps, summaries: this.summaries }, a, value, reply, "submit", () =>
        isMemberHere(context, a, this.deps.metrics),
      );
      return;
    }
    // Outside 1:1 chats Teams may deliver messages that do not address the bot; those are not for it.
    if (scopeOf(a) !== "personal" && !mentionsBot(a)) return;
    const text = plainText(TurnContext.removeRecipientMention(context.activity) ?? "");
    const parsed = parseMessage(text);
    if (parsed.command) await this.commands[parsed.command](a, parsed.rest, reply);
    else await this.ask(a, parsed.rest, reply, false);
  }

  /**
   * `digest …`: subscribe this chat or channel, list or stop its digests. Teams delivers a
   * channel's messages only to its members, so whoever writes here may change its digests.
   */
  private async digest(a: TeamsActivity, rest: string, reply: Replier): Promise<void> {
    const { store, catalog, now, digestTimezone } = this.deps;
    const answer = await handleDigestCommand(
      { store, catalog, now, defaultTimezone: digestTimezone },
      {
        channel: channelOf(a),
        actor: { userId: userOf(a), isChannelMember: true, timezone: a.localTimezone ?? null },
        text: rest,
        thread: await threadFor(store, a, false),
      },
    );
    await reply.send({ kind: "text", text: digestReplyText(answer, digestPlace(scopeOf(a))) });
  }

  /**
   * A question, or a follow-up when the thread already has an answer; `fresh` starts a new thread in
   * a chat (see chat-threads.ts).
   */
  private async ask(a: TeamsActivity, text: string, reply: Replier, fresh: boolean): Promise<void> {
    // Teams shows "typing…" in chats only; in a channel it would be a wasted call.
    if (scopeOf(a) !== "channel") await reply.typing();
    const thread = await threadFor(this.deps.store, a, fresh);
    const turn = await this.deps.conversation.converse({ thread, userId: userOf(a), text }, "teams");
    const posted = await reply.send(turnOutgoing(turn, scopeOf(a)));
    if (turn.kind === "answer") this.summaries.remember(turn.answer.id, summaryOf(turn));
    if (turn.kind === "answer" && posted)
      await this.deps.store.threads.setAnswerMessage(turn.answer.id, {
        platform: "teams",
        conversationId: a.conversation.id,
        activityId: posted,
      });
  }

  /** Action.Execute: the invoke's answer is the updated card, or a line saying what was posted. */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const a = this.parse(context);
    const data = invokeValue.action.data as Record<string, unknown> | undefined;
    const value = actionValueOf({ action: invokeValue.action.verb, ...data });
    if (!a || !value) return badRequest("This button does not belong to an llm-advisor answer.");
    await this.remember(context, a);
    const outcome = await runAction(
      { ...this.deps, summaries: this.summaries },
      a,
      value,
      this.replier(context),
      "invoke",
      () => isMemberHere(context, a, this.deps.metrics),
    );
    // botbuilder types `value` as an object, but Teams' message response carries a string.
    const body: unknown = "card" in outcome ? outcome.card : outcome.message;
    return {
      statusCode: 200,
      type: "card" in outcome ? CARD_INVOKE : MESSAGE_INVOKE,
      value: body as Record<string, unknown>,
    };
  }
}

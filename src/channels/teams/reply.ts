import { type Activity, ActivityTypes, CardFactory, type TurnContext } from "botbuilder";
import type { Logger } from "../../logging.js";
import type { Metrics } from "../../metrics.js";
import type { AdaptiveCard } from "../../render/teams/answer-card.js";
import { asTeamsError, connectorStatus, logFields } from "./errors.js";
import type { Outgoing } from "./messages.js";

/** Outgoing content as a Bot Framework message activity. */
export function toActivity(out: Outgoing): Partial<Activity> {
  switch (out.kind) {
    case "card": {
      // The preview line Teams shows for a card in notifications; the card's own fallback text if none.
      const summary = out.summary ?? out.card.fallbackText;
      return {
        type: ActivityTypes.Message,
        ...(summary ? { summary } : {}),
        attachments: [CardFactory.adaptiveCard(out.card)],
      };
    }
    case "text":
      return { type: ActivityTypes.Message, text: out.text, textFormat: "markdown" };
    case "image":
      return {
        type: ActivityTypes.Message,
        text: out.text,
        textFormat: "markdown",
        attachments: [
          {
            contentType: "image/png",
            contentUrl: `data:image/png;base64,${Buffer.from(out.png).toString("base64")}`,
            name: out.name,
          },
        ],
      };
  }
}

/**
 * Sends within one turn: replies go to the incoming activity's conversation (a channel thread's reply
 * chain, or the chat). Connector failures are counted and become coded errors for onTurnError.
 */
export class Replier {
  constructor(
    private readonly context: TurnContext,
    private readonly metrics: Pick<Metrics, "platformApiErrors">,
    private readonly logger: Logger,
  ) {}

  /** Posts (a long answer's further cards after it) and returns the first message's id, if any. */
  async send(out: Outgoing): Promise<string | null> {
    const r = await this.call("sendActivity", () => this.context.sendActivity(toActivity(out)));
    for (const more of out.kind === "card" ? (out.more ?? []) : [])
      await this.call("sendActivity", () =>
        this.context.sendActivity(toActivity({ kind: "card", card: more })),
      );
    return r?.id ?? null;
  }

  /**
   * The "typing…" indicator while an answer is computed and phrased. Best effort: a refused indicator
   * (Teams throttles with 429) is counted and logged, and the answer goes ahead.
   */
  async typing(): Promise<void> {
    try {
      await this.call("sendActivity", () => this.context.sendActivity({ type: ActivityTypes.Typing }));
    } catch (error) {
      this.logger.warn(logFields(error), "teams typing indicator refused");
    }
  }

  /** Replaces a posted message's card in place, for everyone in the conversation. */
  async update(activityId: string, card: AdaptiveCard): Promise<void> {
    await this.call("updateActivity", () =>
      this.context.updateActivity({
        id: activityId,
        type: ActivityTypes.Message,
        attachments: [CardFactory.adaptiveCard(card)],
      }),
    );
  }

  private async call<T>(method: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      const status = connectorStatus(error);
      this.metrics.platformApiErrors.inc({
        platform: "teams",
        method,
        code: status === null ? "error" : String(status),
      });
      throw asTeamsError(error);
    }
  }
}

import { TeamsInfo, type TurnContext } from "botbuilder";
import type { Metrics } from "../../metrics.js";
import { scopeOf, type TeamsActivity } from "./activity.js";
import { asTeamsError, connectorStatus } from "./errors.js";

/**
 * Whether the person behind an activity belongs where it happened, for the digest rule "only members
 * may change a channel's digests". Teams delivers a chat's messages only from its members, so a chat
 * needs no lookup; in a channel the team's member list decides (Teams answers 404 for a stranger).
 * @see https://learn.microsoft.com/microsoftteams/platform/bots/how-to/get-teams-context#get-single-member-details
 */
export async function isMemberHere(
  context: TurnContext,
  a: TeamsActivity,
  metrics: Pick<Metrics, "platformApiErrors">,
): Promise<boolean> {
  if (scopeOf(a) !== "channel") return true;
  try {
    await TeamsInfo.getMember(context, a.from.id);
    return true;
  } catch (error) {
    const status = connectorStatus(error);
    if (status === 404) return false;
    metrics.platformApiErrors.inc({
      platform: "teams",
      method: "getMember",
      code: status === null ? "error" : String(status),
    });
    throw asTeamsError(error);
  }
}

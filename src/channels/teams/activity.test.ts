import { describe, expect, it } from "vitest";
import {
  actionValueOf,
  baseConversationId,
  channelOf,
  mentionsBot,
  plainText,
  scopeOf,
  type TeamsActivity,
  TeamsActivitySchema,
  threadOf,
  userOf,
} from "./activity.js";

const TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const CHANNEL = "19:general@thread.tacv2";

function activity(conversation: Record<string, unknown>, extra: Record<string, unknown> = {}): TeamsActivity {
  return TeamsActivitySchema.parse({
    type: "message",
    id: "1700000000500",
    from: { id: "29:ada", aadObjectId: "aad-ada" },
    recipient: { id: "28:bot" },
    conversation,
    channelData: { tenant: { id: TENANT } },
    ...extra,
  });
}

describe("Teams activity → thread, channel and user", () => {
  it("keys a channel reply by its reply chain's root, taken from the conversation id", () => {
    const a = activity({ id: `${CHANNEL};messageid=1700000000100`, conversationType: "channel" });
    expect(threadOf(a)).toEqual({
      platform: "teams",
      workspaceId: TENANT,
      channelId: CHANNEL,
      threadId: "1700000000100",
    });
    expect(channelOf(a)).toEqual({ platform: "teams", workspaceId: TENANT, channelId: CHANNEL });
  });

  it("starts a thread at a new channel post that carries no reply chain", () => {
    const a = activity({ id: CHANNEL, conversationType: "channel" });
    expect(threadOf(a).threadId).toBe("1700000000500");
  });

  it("starts a thread at each message in a 1:1 or group chat (chat-threads.ts picks the one it continues)", () => {
    const personal = activity({ id: "a:1chat", conversationType: "personal" });
    expect(threadOf(personal)).toMatchObject({ channelId: "a:1chat", threadId: "1700000000500" });
    const group = activity({ id: "19:group@thread.v2", conversationType: "groupChat" });
    expect(threadOf(group)).toMatchObject({ channelId: "19:group@thread.v2", threadId: "1700000000500" });
    // The Emulator sends no conversation type: a 1:1 chat.
    expect(scopeOf(activity({ id: "x" }))).toBe("personal");
  });

  it("takes the tenant from channelData, then the conversation, and names the user by Entra object id", () => {
    const a = activity({ id: "a:1", tenantId: "other" }, { channelData: {} });
    expect(threadOf(a).workspaceId).toBe("other");
    expect(userOf(a)).toBe("aad-ada");
    expect(userOf(activity({ id: "a:1" }, { from: { id: "29:ada" } }))).toBe("29:ada");
  });

  it("strips the reply chain from a conversation id", () => {
    expect(baseConversationId(`${CHANNEL};messageid=1`)).toBe(CHANNEL);
    expect(baseConversationId("a:1chat")).toBe("a:1chat");
  });
});

describe("Teams mentions and text", () => {
  it("knows when the bot itself is @mentioned", () => {
    const mention = (id: string) => ({
      entities: [{ type: "mention", mentioned: { id }, text: "<at>x</at>" }],
    });
    expect(mentionsBot(activity({ id: CHANNEL }, mention("28:bot")))).toBe(true);
    expect(mentionsBot(activity({ id: CHANNEL }, mention("29:someone-else")))).toBe(false);
    expect(mentionsBot(activity({ id: CHANNEL }))).toBe(false);
  });

  it("turns other mentions into names and tidies spaces", () => {
    expect(plainText("  compare with <at>Grace</at>&nbsp;and  HIPAA \n")).toBe(
      "compare with Grace and HIPAA",
    );
  });
});

describe("answer card button values", () => {
  it("accepts what the answer card's buttons carry, and nothing else", () => {
    expect(actionValueOf({ answerId: "a-1", action: "what-if-0.1x", extra: 1 })).toEqual({
      answerId: "a-1",
      action: "what-if-0.1x",
    });
    expect(actionValueOf({ answerId: "a-1", action: "delete-everything" })).toBeNull();
    expect(actionValueOf({ action: "chart" })).toBeNull();
    expect(actionValueOf("chart")).toBeNull();
  });
});

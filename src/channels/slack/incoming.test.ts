import { describe, expect, it } from "vitest";
import { messageKey, stripMention } from "./incoming.js";
import { splitCommand } from "./listeners/commands/llm-advise.js";

describe("reading Slack payloads", () => {
  it("drops the bot's mention, in any form, and keeps other people's", () => {
    expect(stripMention("<@U0BOT> double the volume", "U0BOT")).toBe("double the volume");
    expect(stripMention("hey <@U0BOT|llm-advise>, ask <@U0ALICE>", "U0BOT")).toBe("hey , ask <@U0ALICE>");
    expect(stripMention("<@U0BOT> 1M requests", undefined)).toBe("1M requests");
  });

  it("keys a message by workspace, channel and ts, whichever event brought it", () => {
    expect(messageKey("T1", "C1", "1.2")).toBe("slack:message:T1:C1:1.2");
  });

  it("chooses sub-commands by their first word, case-insensitively", () => {
    expect(splitCommand("  Digest  weekly mon 09:00 ")).toEqual({ word: "digest", rest: "weekly mon 09:00" });
    expect(splitCommand("help")).toEqual({ word: "help", rest: "" });
    expect(splitCommand("")).toEqual({ word: "", rest: "" });
  });
});

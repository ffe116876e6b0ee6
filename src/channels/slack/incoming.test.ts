import { describe, expect, it } from "vitest";
import { messageKey, stripMention } from "./incoming.js";
import { isDigestCommand } from "./listeners/commands/digest.js";
import { helpCommand } from "./listeners/commands/help.js";
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

  it("takes `help` alone as help, and `help me pick a model…` as a question", () => {
    for (const rest of ["", "?", " please", "!"]) expect(helpCommand.takes(rest)).toBe(true);
    expect(helpCommand.takes("me pick a model for 2M requests a month")).toBe(false);
    expect(helpCommand.takes("with HIPAA")).toBe(false);
  });

  it("takes `digest` with a verb, a schedule word or a cron, and anything else as a question", () => {
    for (const rest of ["", "list", "OFF 1a2b3c", "stop x", "help", "weekly mon 09:00 Europe/Berlin"])
      expect(isDigestCommand(rest)).toBe(true);
    for (const rest of ["daily 09:00", "weekdays 8am UTC", "monthly last 18:00", "0 9 * * 1 Europe/Berlin"])
      expect(isDigestCommand(rest)).toBe(true);
    expect(isDigestCommand("of our costs at 2M requests a month")).toBe(false);
    expect(isDigestCommand("2M requests a month on gpt-4o")).toBe(false);
    expect(isDigestCommand("emails for 500 users")).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { COMMAND_SCOPES, commandList, parseMessage } from "./commands.js";

describe("Teams commands", () => {
  it("dispatches on the first word, with or without a slash, in any case", () => {
    expect(parseMessage("llm-advise 500k requests a month")).toEqual({
      command: "llm-advise",
      rest: "500k requests a month",
    });
    expect(parseMessage(" /HELP ")).toEqual({ command: "help", rest: "" });
  });

  it("reads anything else as a question, whole", () => {
    expect(parseMessage("what does shadow mode mean?")).toEqual({
      command: null,
      rest: "what does shadow mode mean?",
    });
    expect(parseMessage("helpful tips for 2M requests")).toMatchObject({ command: null });
  });

  it("describes every command within the manifest's limits (128-character title, 4000 description)", () => {
    for (const scope of COMMAND_SCOPES)
      for (const c of commandList(scope)) {
        expect(c.title.length).toBeLessThanOrEqual(128);
        expect(c.description.length).toBeLessThanOrEqual(4000);
      }
  });

  it("takes `new` as a command, for starting over in a chat", () => {
    expect(parseMessage("new 2M requests a month")).toEqual({ command: "new", rest: "2M requests a month" });
    expect(parseMessage("New")).toEqual({ command: "new", rest: "" });
  });
});

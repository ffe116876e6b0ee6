import { describe, expect, it } from "vitest";
import { checkVerdict, verdictMentions } from "./verdict-words.js";

describe("verdict words", () => {
  it.each([
    ["the OpenAI API", "api"],
    ["stay on the API", "api"],
    ["self-hosting", "self-hosted"],
    ["run Llama yourself", "self-hosted"],
    ["Amazon Bedrock", "private-cloud"],
    ["Azure OpenAI", "private-cloud"],
    ["a managed private deployment", "private-cloud"],
    ["a hybrid", "hybrid"],
    ["on-premises", "local"],
    ["your own hardware", "local"],
  ])("reads %s as %s", (text, verdict) => {
    expect(verdictMentions(text).map((m) => m.verdict)).toEqual([verdict]);
  });

  it("prefers the specific name where two overlap: Azure OpenAI API is a private deployment", () => {
    expect(verdictMentions("the Azure OpenAI API").map((m) => m.verdict)).toEqual(["private-cloud"]);
  });

  it("refuses a recommendation after a colon", () => {
    expect(checkVerdict("Our advice: self-hosted Llama.", "api", true)).toMatchObject({
      ok: false,
      recommended: "self-hosted",
    });
  });

  it("lets a hybrid name its API and self-hosted sides, and a local deployment call itself self-hosting", () => {
    expect(
      checkVerdict("We recommend a hybrid: the OpenAI API plus self-hosted Llama.", "hybrid", true),
    ).toEqual({
      ok: true,
    });
    expect(
      checkVerdict("We recommend self-hosting on-premises, on your own hardware.", "local", true),
    ).toEqual({
      ok: true,
    });
  });

  it("does not let a self-hosted verdict recommend on-premises hardware", () => {
    expect(checkVerdict("We recommend running it on-premises.", "self-hosted", true)).toMatchObject({
      ok: false,
    });
  });

  it("reads statements without a recommendation as comparisons", () => {
    expect(
      checkVerdict("Use Amazon Bedrock. Self-hosting would cost $2,087.50.", "private-cloud", true),
    ).toEqual({
      ok: true,
    });
  });
});

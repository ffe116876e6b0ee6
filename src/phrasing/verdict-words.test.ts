import { describe, expect, it } from "vitest";
import { adviceFor, SMALL_API_QUESTION } from "../../test/fixtures/advice.js";
import { checkVerdict, verdictMentions, verdictTerms } from "./verdict-words.js";

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
    expect(verdictMentions(text).map((m) => m.verdicts)).toEqual([[verdict]]);
  });

  it("prefers the specific name where two overlap: Azure OpenAI API is a private deployment", () => {
    expect(verdictMentions("the Azure OpenAI API").map((m) => m.verdicts)).toEqual([["private-cloud"]]);
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

  describe("with the Advice's own names", () => {
    // Self-hosted: Llama 3.1 8B Instruct on vLLM; gpt-4o (the user's model) is an api option.
    const selfHosted = adviceFor("50M requests a month on gpt-4o, ML team, GDPR");
    // Api: gpt-6-luna on the OpenAI API; Mistral 7B Instruct v0.2 on vLLM is a self-hosted option.
    const api = adviceFor(SMALL_API_QUESTION);
    const check = (a: typeof api, text: string) => checkVerdict(text, a.verdict, true, verdictTerms(a));

    it("starts from the verdicts this block assumes", () => {
      expect([selfHosted.verdict, api.verdict]).toEqual(["self-hosted", "api"]);
    });

    it.each([
      "We recommend gpt-4o.",
      "Stick with OpenAI.",
      "Use an API for now.",
      "Use APIs.",
      "Paying per token is better.",
      "We recommend Llama 3.1 8B Instruct on Amazon Bedrock.",
    ])("refuses %j after naming the self-hosted verdict", (t) => {
      expect(check(selfHosted, `Self-hosting Llama 3.1 8B Instruct works. ${t}`)).toMatchObject({
        ok: false,
        reason: "recommends-other",
      });
    });

    it.each([
      "Self-hosting is best here.",
      "A self-hosted model wins.",
      "Honestly, I'd self-host.",
      "We recommend hosting your own model.",
      "Our pick: Mistral 7B on vLLM.",
      "We recommend Mistral 7B Instruct v0.2.",
    ])("refuses %j after naming the api verdict", (t) => {
      expect(check(api, `The OpenAI API serves gpt-6-luna. ${t}`)).toMatchObject({
        ok: false,
        reason: "recommends-other",
      });
    });

    it.each([
      "We recommend self-hosting Llama 3.1 8B Instruct because your volume is past the break-even: reserved GPUs now cost less than paying per token, at the API and at a managed private deployment alike.",
      "We recommend self-hosting Llama 3.1 8B Instruct on vLLM because you are past the break-even: the API no longer pays.",
      "We recommend Llama 3.1 8B Instruct on vLLM, self-hosted. The next best is Mistral 7B Instruct v0.2.",
    ])("accepts %j for the self-hosted verdict", (t) => {
      expect(check(selfHosted, t)).toEqual({ ok: true });
    });

    it.each([
      "We recommend gpt-6-luna on the OpenAI API.",
      "Use the OpenAI API: self-hosting never wins at this volume.",
      "Stay on the OpenAI API; self-hosting costs more.",
    ])("accepts %j for the api verdict", (t) => {
      expect(check(api, t)).toEqual({ ok: true });
    });
  });
});

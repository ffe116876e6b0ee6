import { describe, expect, it } from "vitest";
import { buildCatalog } from "../domain/catalog/catalog.js";
import { sameFamilyAndSize } from "./model-guesses.js";
import { understand } from "./understand.js";

const catalog = buildCatalog({ pricesAt: new Date("2026-11-21") });

function read(text: string) {
  const r = understand(text, catalog);
  if (r.kind !== "advice") throw new Error(`expected advice for "${text}", got ${JSON.stringify(r)}`);
  return r;
}

describe("model names", () => {
  it.each([
    ["we use gpt-4o-mini", "gpt-4o-mini"],
    ["we use GPT 4o mini", "gpt-4o-mini"],
    ["we use gpt4o-mini", "gpt-4o-mini"],
    ["we use gpt4o", "gpt-4o"],
    ["we use Claude 3.5 Sonnet", "claude-3-5-sonnet"],
    ["we use llama3.1:8b", "llama-3.1-8b"],
    ["we use Llama 3.1 70B", "llama-3.1-70b"],
    ["we use mixtral 8x7b", "mixtral-8x7b"],
    ["we use qwen2.5 72b", "qwen-2.5-72b"],
    ["we use mistral 7b", "mistral-7b"],
    ["we use text-embedding-3-small", "text-embedding-3-small"],
    ["we use all-MiniLM-L6-v2", "all-minilm-l6-v2"],
  ])("reads %j as the catalog's name %s", (text, canonical) => {
    const r = read(text);
    expect(r.profile).toEqual({ currentModel: canonical });
    expect(r.unused).toEqual([]);
  });

  it("keeps the words after a name that are not part of it", () => {
    expect(read("gpt-4o 2 million requests").profile).toEqual({
      candidateModels: ["gpt-4o"],
      requestsPerMonth: 2_000_000,
    });
  });

  it("reports an unknown model with the catalog's did-you-mean", () => {
    const r = read("we use gpt-4o-mni");
    expect(r.profile).toEqual({});
    expect(r.unused).toHaveLength(1);
    expect(r.unused[0]).toMatch(/^gpt-4o-mni \(unknown model; did you mean gpt-4o-mini\b/);
  });

  it("does not guess what a bare '4o' means", () => {
    const r = read("we are on 4o");
    expect(r.profile).toEqual({});
    expect(r.unused).toEqual(["4o (which model? did you mean gpt-4o?)"]);
  });

  it("does not take PHI for Microsoft's Phi models", () => {
    expect(read("we handle PHI").profile).toEqual({ compliance: ["hipaa"] });
    expect(read("compare with phi-3 mini").unused).toEqual([
      expect.stringMatching(/^phi-3 mini \(unknown model/),
    ]);
  });
});

describe("current model or candidates", () => {
  it.each([
    ["on gpt-4o-mini today", { currentModel: "gpt-4o-mini" }],
    ["currently using Claude 3.5 Sonnet", { currentModel: "claude-3-5-sonnet" }],
    ["our bot runs on gpt-4o", { useCase: "chat", currentModel: "gpt-4o" }],
    ["gpt-4o-mini today", { currentModel: "gpt-4o-mini" }],
    ["should we use llama 3.1 70b?", { candidateModels: ["llama-3.1-70b"] }],
    [
      "we use gpt-4o, compare with llama 3.1 70b, mistral 7b",
      { currentModel: "gpt-4o", candidateModels: ["llama-3.1-70b", "mistral-7b"] },
    ],
    ["gpt-4o-mini vs llama 3.1 8b", { candidateModels: ["gpt-4o-mini", "llama-3.1-8b"] }],
    [
      "on gpt-4o-mini today, or qwen2.5 72b",
      { currentModel: "gpt-4o-mini", candidateModels: ["qwen-2.5-72b"] },
    ],
  ])("reads %j", (text, expected) => {
    const r = read(text);
    expect(r.profile).toEqual(expected);
    expect(r.unused).toEqual([]);
  });

  it("lists a model named twice once", () => {
    expect(read("gpt-4o or gpt4o").profile).toEqual({ candidateModels: ["gpt-4o"] });
  });
});

describe("model names the catalog does not spell that way", () => {
  it("suggests the model a misspelt family word meant", () => {
    expect(read("we use gtp-4o").unused).toEqual(["gtp-4o (unknown model; did you mean gpt-4o?)"]);
  });

  it("leaves model-shaped words that are no model to the leftovers", () => {
    expect(read("covid-19 triage bot").unused).toEqual(["covid-19"]);
  });

  it.each([
    ["qwen 72b", "qwen-2.5-72b"],
    ["Llama 3 70B", "llama-3.1-70b"],
  ])("reads %j as %s", (text, name) => {
    const r = read(`should we self-host ${text}?`);
    expect(r.profile.candidateModels).toEqual([name]);
  });

  it("takes the one suggestion of the same family, size and version, and no other", () => {
    const suggestions = ["llama-3.1-70b", "llama-3.1-8b", "llama-3.2-3b", "llama2-70b-4096"];
    expect(sameFamilyAndSize("Llama 3 70B", suggestions)).toBe("llama-3.1-70b");
    expect(sameFamilyAndSize("qwen 72b", ["qwen-2.5-72b", "qwen-2.5-7b"])).toBe("qwen-2.5-72b");
    expect(sameFamilyAndSize("llama 70b", suggestions)).toBeUndefined();
    expect(sameFamilyAndSize("Llama 3 13B", suggestions)).toBeUndefined();
  });
});

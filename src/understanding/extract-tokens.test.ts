import { describe, expect, it } from "vitest";
import { buildCatalog } from "../domain/catalog/catalog.js";
import type { Profile } from "../domain/profile.js";
import { understand } from "./understand.js";

const catalog = buildCatalog({ pricesAt: new Date("2026-11-21") });

function read(text: string) {
  const r = understand(text, catalog);
  if (r.kind !== "advice") throw new Error(`expected advice for "${text}", got ${JSON.stringify(r)}`);
  return r;
}

describe("tokens per request", () => {
  it.each<[string, Profile]>([
    ["800 input tokens", { inputTokensPerRequest: 800 }],
    ["800 in / 200 out", { inputTokensPerRequest: 800, outputTokensPerRequest: 200 }],
    ["800 in/200 out tokens", { inputTokensPerRequest: 800, outputTokensPerRequest: 200 }],
    ["800 input and 200 output tokens", { inputTokensPerRequest: 800, outputTokensPerRequest: 200 }],
    ["1k tokens in, 500 out", { inputTokensPerRequest: 1_000, outputTokensPerRequest: 500 }],
    ["input: 800, output: 200", { inputTokensPerRequest: 800, outputTokensPerRequest: 200 }],
    ["800/200 tokens", { inputTokensPerRequest: 800, outputTokensPerRequest: 200 }],
    ["prompts of 1,200 tokens", { inputTokensPerRequest: 1_200 }],
    ["1,200-token prompts", { inputTokensPerRequest: 1_200 }],
    ["responses of 300 tokens", { outputTokensPerRequest: 300 }],
    ["300 output tokens", { outputTokensPerRequest: 300 }],
    ["800 input tokens, cached 400 tokens", { inputTokensPerRequest: 800, cachedInputTokensPerRequest: 400 }],
    [
      "800 input tokens, 400 of them cached",
      { inputTokensPerRequest: 800, cachedInputTokensPerRequest: 400 },
    ],
    ["800 input tokens, 400 cached tokens", { inputTokensPerRequest: 800, cachedInputTokensPerRequest: 400 }],
    [
      "1,000 input tokens with a 50% cache hit",
      { inputTokensPerRequest: 1_000, cachedInputTokensPerRequest: 500 },
    ],
    [
      "cache hit rate of 25% on 750 input tokens",
      { inputTokensPerRequest: 750, cachedInputTokensPerRequest: 188 },
    ],
  ])("reads %j", (text, expected) => {
    const r = read(text);
    expect(r.profile).toEqual(expected);
    expect(r.unused).toEqual([]);
  });

  it("rounds a cache-hit share to a whole token and says how it was computed", () => {
    const cached = read("333 input tokens, 50% cache hit").understood.find(
      (u) => u.field === "cachedInputTokensPerRequest",
    );
    expect(cached).toEqual({
      field: "cachedInputTokensPerRequest",
      value: 167,
      text: "50% cache hit",
      note: "50% of 333 input tokens",
    });
  });

  it("reports a cache-hit share it has no input tokens to apply to", () => {
    const r = read("50% cache hit");
    expect(r.profile).toEqual({});
    expect(r.unused).toEqual(["50% cache hit (give the input tokens per request to apply it)"]);
  });

  it("does not read '500 in / 200 out' as a model", () => {
    expect(read("500 in / 200 out").profile).toEqual({
      inputTokensPerRequest: 500,
      outputTokensPerRequest: 200,
    });
  });

  it("leaves a token count of unknown direction to the unused list", () => {
    expect(read("800 tokens").unused).toEqual(["800 tokens"]);
  });
});

describe("voice", () => {
  it.each<[string, Profile]>([
    ["voice assistant", { useCase: "voice" }],
    ["phone calls", { useCase: "voice" }],
    ["an IVR", { useCase: "voice" }],
    ["call center", { useCase: "voice" }],
    ["3 minutes per call", { useCase: "voice", minutesPerCall: 3 }],
    ["3 min avg", { useCase: "voice", minutesPerCall: 3 }],
    ["3-minute calls", { useCase: "voice", minutesPerCall: 3 }],
    ["calls last 4.5 minutes", { useCase: "voice", minutesPerCall: 4.5 }],
    ["4 minutes each", { useCase: "voice", minutesPerCall: 4 }],
    ["2 SMS per call", { useCase: "voice", smsPerCall: 2 }],
    ["an SMS confirmation", { useCase: "voice", smsPerCall: 1 }],
    ["no SMS", { useCase: "voice", smsPerCall: 0 }],
    [
      "voice assistant, 500 calls a month, 3 min avg, an SMS confirmation",
      { useCase: "voice", callsPerMonth: 500, minutesPerCall: 3, smsPerCall: 1 },
    ],
  ])("reads %j", (text, expected) => {
    const r = read(text);
    expect(r.profile).toEqual(expected);
    expect(r.unused).toEqual([]);
  });

  it("says that per-call minutes made the workload voice, and that its requests are its calls", () => {
    expect(read("500k requests a month, 3 minutes per call").understood).toEqual([
      {
        field: "requestsPerMonth",
        value: 500_000,
        text: "500k requests a month",
        note: "also the calls a month, one NLU request per call",
      },
      { field: "minutesPerCall", value: 3, text: "3 minutes per call" },
      {
        field: "useCase",
        value: "voice",
        text: "3 minutes per call",
        note: "minutes or SMS per call mean a voice workload",
      },
    ]);
  });

  it("tells back per-call figures a non-voice use case cannot use", () => {
    const r = read("summarize calls, 3 minutes per call");
    expect(r.profile).toEqual({ useCase: "summarization" });
    expect(r.unused).toEqual([
      '3 minutes per call (only applies to a voice workload; say "voice assistant" to price one)',
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { buildCatalog } from "../domain/catalog/catalog.js";
import type { Profile } from "../domain/profile.js";
import type { UnderstandResult } from "./types.js";
import { understand } from "./understand.js";

const catalog = buildCatalog({ pricesAt: new Date("2026-11-21") });

function advice(text: string): Extract<UnderstandResult, { kind: "advice" }> {
  const r = understand(text, catalog);
  if (r.kind !== "advice") throw new Error(`expected advice for "${text}", got ${JSON.stringify(r)}`);
  return r;
}

describe("phrasings an audit found missed", () => {
  it.each<[string, Profile]>([
    ["avg prompt 800 tokens", { inputTokensPerRequest: 800 }],
    ["responses 500 tokens", { outputTokensPerRequest: 500 }],
    ["600 of 800 input tokens are cached", { inputTokensPerRequest: 800, cachedInputTokensPerRequest: 600 }],
    // Half of 800 = 400.
    [
      "800 input tokens, half of the prompt is cached",
      { inputTokensPerRequest: 800, cachedInputTokensPerRequest: 400 },
    ],
    ["avg 4 min", { useCase: "voice", minutesPerCall: 4 }],
    ["2 SMS each", { useCase: "voice", smsPerCall: 2 }],
    ["20k images/day", { useCase: "vision", requestsPerDay: 20_000 }],
    ["50k pages a month", { requestsPerMonth: 50_000 }],
    ["we have 10 GPUs A100", { gpusOnHand: { gpuType: "A100", count: 10 } }],
    ["2 A100s on-prem", { cloud: "on-prem", gpusOnHand: { gpuType: "A100", count: 2 } }],
    // 1,000 users × 20 messages = 20,000 a day.
    ["1,000 users send 20 messages a day", { requestsPerDay: 20_000 }],
    // 500 × 10 = 5,000 a week × 52 ÷ 12 = 21,666.7 → 21,667 a month.
    ["500 employees each ask 10 questions a week", { requestsPerMonth: 21_667 }],
  ])("reads %j", (text, expected) => {
    const r = advice(text);
    expect(r.profile).toEqual(expected);
    expect(r.unused).toEqual([]);
  });

  it.each([
    [
      "5000 tokens each",
      'input or output? say "800 input tokens", "200 output tokens" or "800 in / 200 out"',
    ],
    [
      "1B tokens a month",
      'a total, not per request: give requests a month and tokens per request, e.g. "1M requests a month, 800 in / 200 out"',
    ],
    ["10 GPUs A100", 'GPUs on hand? say "we have 10 A100"'],
  ])("tells back %j with what to say instead", (text, why) => {
    const r = advice(text);
    expect(r.profile).toEqual({});
    expect(r.unused).toEqual([`${text} (${why})`]);
  });

  it("keeps a figure's thousands together when telling it back", () => {
    expect(advice("1,000 people like it").unused).toEqual(["1,000 people like it"]);
  });
});

describe("what was read is said, with how", () => {
  it("says a count with no period was taken as monthly", () => {
    expect(advice("10M documents").understood).toEqual([
      {
        field: "requestsPerMonth",
        value: 10_000_000,
        text: "10M documents",
        note: "a month: no period was given",
      },
    ]);
  });

  it("says a fractional token count was rounded", () => {
    // Math.round(1.5) = 2: tokens are whole.
    expect(advice("1.5 output tokens").understood).toEqual([
      { field: "outputTokensPerRequest", value: 2, text: "1.5 output tokens", note: "rounded from 1.5" },
    ]);
  });

  it("says how a per-person volume was multiplied", () => {
    expect(advice("1,000 users send 20 messages a day").understood).toEqual([
      {
        field: "requestsPerDay",
        value: 20_000,
        text: "1,000 users send 20 messages a day",
        note: "1,000 × 20",
      },
    ]);
  });

  it("says a voice workload's requests are taken as its calls", () => {
    expect(advice("voice assistant, 2M requests a month").understood[1]).toEqual({
      field: "requestsPerMonth",
      value: 2_000_000,
      text: "2M requests a month",
      note: "also the calls a month, one NLU request per call",
    });
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildCatalog } from "../domain/catalog/catalog.js";
import type { Profile } from "../domain/profile.js";
import { applyFollowUp } from "./follow-up.js";
import type { FollowUpResult, ProfileChange } from "./types.js";

const catalog = buildCatalog({ pricesAt: new Date("2026-11-21") });

const thread: Profile = {
  requestsPerMonth: 500_000,
  inputTokensPerRequest: 800,
  outputTokensPerRequest: 200,
  compliance: ["hipaa"],
  team: "none",
  currentModel: "gpt-4o-mini",
};

function delta(text: string, previous: Profile = thread): Extract<FollowUpResult, { kind: "delta" }> {
  const r = applyFollowUp(previous, text, catalog);
  if (r.kind !== "delta") throw new Error(`expected a delta for "${text}", got ${JSON.stringify(r)}`);
  return r;
}

describe("applyFollowUp: volume", () => {
  it.each<[string, number]>([
    ["what if volume doubles?", 1_000_000],
    ["double the volume", 1_000_000],
    ["2x", 1_000_000],
    ["10x", 5_000_000],
    ["10x volume", 5_000_000],
    ["half the traffic", 250_000],
    ["0.1x", 50_000],
    ["what if volume is 2M?", 2_000_000],
    ["1M requests a month", 1_000_000],
    ["20% more traffic", 600_000],
    ["volume drops by half", 250_000],
    ["traffic grows by 50%", 750_000],
    ["30% less traffic", 350_000],
  ])("%j sets the monthly volume to %d", (text, to) => {
    const r = delta(text);
    expect(r.changes).toEqual([{ field: "requestsPerMonth", from: 500_000, to }]);
    expect(r.profile).toEqual({ ...thread, requestsPerMonth: to });
    expect(r.unused).toEqual([]);
  });

  it("scales the default volume when the thread never stated one", () => {
    const r = delta("double the volume", { useCase: "chat" });
    // The catalog's default is 100,000 requests a month (000's example); doubled: 200,000.
    expect(r.changes).toEqual([{ field: "requestsPerMonth", from: 100_000, to: 200_000 }]);
    expect(r.profile).toEqual({ useCase: "chat", requestsPerMonth: 200_000 });
  });

  it("scales calls for a voice thread, and shows the NLU requests that follow them", () => {
    const r = delta("2x", { useCase: "voice", callsPerMonth: 500 });
    expect(r.changes).toEqual([
      { field: "callsPerMonth", from: 500, to: 1_000 },
      { field: "requestsPerMonth", from: 500, to: 1_000 },
    ]);
    expect(r.profile).toEqual({ useCase: "voice", callsPerMonth: 1_000 });
  });

  it("replaces a monthly volume by a daily one, showing both resolved figures", () => {
    const r = delta("10k requests a day");
    // 10,000 a day × 30 days (the catalog's days per month) = 300,000 a month.
    expect(r.changes).toEqual([
      { field: "requestsPerDay", from: null, to: 10_000 },
      { field: "requestsPerMonth", from: 500_000, to: 300_000 },
    ]);
    expect(r.profile.requestsPerMonth).toBeUndefined();
  });

  it("refuses a change that makes the volume impossible", () => {
    expect(applyFollowUp(thread, "1000000x", catalog)).toEqual({
      kind: "invalid",
      problems: ["1000000x is beyond what this tool models (max 100,000,000,000)"],
    });
    expect(applyFollowUp(thread, "150% less traffic", catalog).kind).toBe("invalid");
  });
});

describe("applyFollowUp: compliance, model, team and the rest", () => {
  it.each<[string, ProfileChange[]]>([
    ["what about GDPR?", [{ field: "compliance", from: ["hipaa"], to: ["hipaa", "gdpr"] }]],
    ["and with SOX?", [{ field: "compliance", from: ["hipaa"], to: ["hipaa", "sox"] }]],
    ["drop HIPAA", [{ field: "compliance", from: ["hipaa"], to: [] }]],
    ["without HIPAA", [{ field: "compliance", from: ["hipaa"], to: [] }]],
    ["use gpt-4o instead", [{ field: "currentModel", from: "gpt-4o-mini", to: "gpt-4o" }]],
    [
      "switch to claude 3.5 sonnet",
      [{ field: "currentModel", from: "gpt-4o-mini", to: "claude-3-5-sonnet" }],
    ],
    ["compare with llama 3.1 70b", [{ field: "candidateModels", from: [], to: ["llama-3.1-70b"] }]],
    ["we hired an ML team", [{ field: "team", from: "none", to: "ml-team" }]],
    ["we need to pin versions", [{ field: "lifecycleControl", from: false, to: true }]],
    ["over 36 months", [{ field: "horizonMonths", from: 24, to: 36 }]],
    [
      "batch is fine",
      [
        { field: "latency", from: "interactive", to: "batch" },
        // The engine sizes batch work at a peak-to-average of 1 (it can be spread), not the default 3.
        { field: "peakToAverageRatio", from: 3, to: 1 },
      ],
    ],
    [
      "3 minutes per call",
      [
        { field: "minutesPerCall", from: null, to: 3 },
        // Minutes per call mean a voice workload when the thread never named a use case.
        { field: "useCase", from: "chat", to: "voice" },
        // The thread's 500,000 requests become 500,000 calls, with 002's SMS and TTS defaults.
        { field: "callsPerMonth", from: null, to: 500_000 },
        { field: "smsPerCall", from: null, to: 1 },
        { field: "ttsCharactersPerCall", from: null, to: 0 },
      ],
    ],
    ["budget of $2k a month", [{ field: "monthlyBudgetUsd", from: null, to: 2_000 }]],
    ["what about 3 years?", [{ field: "horizonMonths", from: 24, to: 36 }]],
    ["we now have 2 H100s", [{ field: "gpusOnHand", from: null, to: { gpuType: "H100", count: 2 } }]],
    ["and on-prem?", [{ field: "cloud", from: "aws", to: "on-prem" }]],
    ["budget drops to $1k/month", [{ field: "monthlyBudgetUsd", from: null, to: 1_000 }]],
    ["what if it's 1,000 input tokens?", [{ field: "inputTokensPerRequest", from: 800, to: 1_000 }]],
    ["add 50% cache hits", [{ field: "cachedInputTokensPerRequest", from: 0, to: 400 }]],
  ])("%j changes only what it says", (text, changes) => {
    const r = delta(text);
    expect(r.changes).toEqual(changes);
    expect(r.unused).toEqual([]);
  });

  it("adds HIPAA to a thread that had no compliance", () => {
    expect(delta("and with HIPAA?", { requestsPerMonth: 1_000 }).changes).toEqual([
      { field: "compliance", from: [], to: ["hipaa"] },
    ]);
  });

  it("changes nothing when HIPAA is already there", () => {
    expect(delta("and with HIPAA?").changes).toEqual([]);
  });

  it("reads minutes per call in a voice thread against the resolved default", () => {
    // The catalog's default call length is 3 minutes (002's example).
    expect(delta("5 minutes per call", { useCase: "voice" }).changes).toEqual([
      { field: "minutesPerCall", from: 3, to: 5 },
    ]);
  });

  it("keeps the rest of the thread's profile", () => {
    expect(delta("what about GDPR?").profile).toEqual({ ...thread, compliance: ["hipaa", "gdpr"] });
  });

  it("returns no changes and the leftovers for a follow-up it cannot use", () => {
    const r = delta("make the logo blue");
    expect(r.changes).toEqual([]);
    expect(r.unused).toEqual(["make the logo blue"]);
    expect(r.profile).toEqual(thread);
  });
});

describe("applyFollowUp: other kinds", () => {
  it("answers a concept question in a thread as a concept", () => {
    expect(applyFollowUp(thread, "what does shadow mode mean?", catalog)).toEqual({
      kind: "concept",
      conceptId: "shadow-mode-and-migration-phases",
    });
  });

  it("returns empty for blank text", () => {
    expect(applyFollowUp(thread, "  ", catalog)).toEqual({ kind: "empty" });
  });

  it("never throws and always returns one of the four kinds", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        expect(["delta", "concept", "empty", "invalid"]).toContain(applyFollowUp(thread, text, catalog).kind);
      }),
      { numRuns: 200 },
    );
  });
});

describe("applyFollowUp: volumes that cannot be costed", () => {
  it("refuses 0x, which would leave a volume of zero", () => {
    expect(applyFollowUp(thread, "0x", catalog)).toEqual({
      kind: "invalid",
      problems: ['"0x" is a volume of zero, which costs nothing; give a volume above zero'],
    });
  });
});

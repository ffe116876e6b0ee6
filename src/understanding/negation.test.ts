import { describe, expect, it } from "vitest";
import { buildCatalog } from "../domain/catalog/catalog.js";
import type { Profile } from "../domain/profile.js";
import { applyFollowUp } from "./follow-up.js";
import { negationAround } from "./negation.js";
import type { FollowUpResult, UnderstandResult } from "./types.js";
import { understand } from "./understand.js";

const catalog = buildCatalog({ pricesAt: new Date("2026-11-21") });

function advice(text: string): Extract<UnderstandResult, { kind: "advice" }> {
  const r = understand(text, catalog);
  if (r.kind !== "advice") throw new Error(`expected advice for "${text}", got ${JSON.stringify(r)}`);
  return r;
}

const thread: Profile = {
  requestsPerMonth: 100_000,
  compliance: ["hipaa"],
  latency: "real-time",
  team: "ml-team",
};

function delta(text: string): Extract<FollowUpResult, { kind: "delta" }> {
  const r = applyFollowUp(thread, text, catalog);
  if (r.kind !== "delta") throw new Error(`expected a delta for "${text}", got ${JSON.stringify(r)}`);
  return r;
}

describe("negations in a question", () => {
  it.each<[string, Profile]>([
    ["not real-time", {}],
    ["real-time is not required", {}],
    ["we don't need real-time, 2M requests a month", { requestsPerMonth: 2_000_000 }],
    ["HIPAA is not a concern", { compliance: [] }],
    ["HIPAA isn't a concern for us", { compliance: [] }],
    ["GDPR doesn't apply", { compliance: [] }],
    ["our ML team left", { team: "none" }],
    ["we lost our ML team but have a small DevOps team", { team: "small-devops" }],
    ["we don't need to pin versions", { lifecycleControl: false }],
    ["not on AWS", {}],
  ])("%j is not read as the need it denies", (text, expected) => {
    const r = advice(text);
    expect(r.profile).toEqual(expected);
    expect(r.unused).toEqual([]);
  });

  it("lists the denied need with its negation, saying nothing was assumed", () => {
    expect(advice("not real-time").understood).toEqual([
      { field: "latency", value: "real-time", text: "not real-time", note: "you said not: nothing assumed" },
    ]);
  });

  it("still reads a plain need beside a negation in another clause", () => {
    expect(advice("no ML team, real-time").profile).toEqual({ team: "none", latency: "real-time" });
  });

  it("reports a negation it could not tie to anything, rather than dropping it", () => {
    expect(advice("not sure if we need HIPAA").unused).toEqual(["not sure if we need"]);
  });
});

describe("negations in a follow-up", () => {
  it("removes HIPAA on 'no more HIPAA'", () => {
    expect(delta("no more HIPAA").changes).toEqual([{ field: "compliance", from: ["hipaa"], to: [] }]);
  });

  it("applies both parts of 'no more HIPAA, and 2x'", () => {
    // 100,000 × 2 = 200,000.
    expect(delta("no more HIPAA, and 2x").changes).toEqual([
      { field: "compliance", from: ["hipaa"], to: [] },
      { field: "requestsPerMonth", from: 100_000, to: 200_000 },
    ]);
  });

  it("goes back to the default latency on 'not real-time anymore'", () => {
    const d = delta("not real-time anymore");
    expect(d.profile.latency).toBeUndefined();
    expect(d.changes.map((c) => [c.field, c.from])).toEqual([["latency", "real-time"]]);
    expect(d.unused).toEqual([]);
  });

  it.each(["we lost our ML team", "our ML team left"])("%j leaves no ML team", (text) => {
    expect(delta(text).changes).toEqual([{ field: "team", from: "ml-team", to: "none" }]);
  });
});

describe("negationAround", () => {
  it("finds a negator before the phrase, within its clause", () => {
    const text = "we do not need real-time";
    const at = text.indexOf("real-time");
    expect(negationAround(text, at, text.length)).toEqual({
      start: text.indexOf("do not"),
      end: text.length,
    });
    const apart = "not cheap, real-time";
    expect(negationAround(apart, apart.indexOf("real"), apart.length)).toBeUndefined();
  });

  it("finds a denial after the phrase", () => {
    const text = "HIPAA is not a concern";
    expect(negationAround(text, 0, 5)).toEqual({ start: 0, end: text.length });
  });

  it("leaves a phrase that is itself a negation to its rule", () => {
    expect(negationAround("no ML team", 0, 10)).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { buildCatalog } from "../domain/catalog/catalog.js";
import type { Profile } from "../domain/profile.js";
import { applyFollowUp } from "./follow-up.js";
import { understand } from "./understand.js";

const catalog = buildCatalog({ pricesAt: new Date("2026-11-21") });
const RULES =
  "the options include such deployments where the rules allow them, and the verdict follows the rules";

describe("deployment preferences are told back, not dropped", () => {
  it.each([
    ["we want to self-host", "self-host", "you want to self-host"],
    ["we must run locally", "run locally", "you want to run it locally"],
    ["must be open-source", "must be open-source", "you want an open model"],
    ["we'd rather use the API", "use the API", "you lean to an API"],
  ])("%j", (text, words, what) => {
    const r = understand(text, catalog);
    expect(r).toEqual({
      kind: "advice",
      profile: {},
      understood: [],
      unused: [`${words} (noted: ${what}; ${RULES})`],
    });
  });

  it("says nothing of a deployment that is only compared", () => {
    const r = understand("what is the break-even for self-hosting at 2M requests a month?", catalog);
    expect(r.kind === "advice" && r.unused).toEqual([]);
  });

  const thread: Profile = { requestsPerMonth: 100_000 };
  it.each([
    ["what if we self-host?", "self-host"],
    ["what if we run it locally?", "run it locally"],
    ["what if we use the API?", "use the API"],
  ])("a follow-up %j changes nothing and says so", (text, words) => {
    const r = applyFollowUp(thread, text, catalog);
    expect(r.kind === "delta" && r.changes).toEqual([]);
    expect(r.kind === "delta" && r.unused[0]).toMatch(new RegExp(`^${words} \\(noted: `));
  });
});

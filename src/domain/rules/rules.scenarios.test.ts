import { describe, expect, it } from "vitest";
import type { Advice, FiredRule } from "../advice.js";
import { advise } from "../advise.js";
import { buildCatalog } from "../catalog/catalog.js";
import type { Profile } from "../profile.js";

/** Each rule the seed scenarios did not reach: it fires, with its effect, and what it does to the answer. */
const TODAY = "2026-11-21";
const catalog = buildCatalog({ pricesAt: new Date(`${TODAY}T12:00:00Z`) });

function adviceFor(profile: Profile, today = TODAY): Advice {
  const r = advise(profile, catalog, { today });
  if (!r.ok) throw new Error(r.error.map((i) => i.message).join("; "));
  return r.value;
}
const fired = (a: Advice, id: string): FiredRule | undefined => a.reasons.find((r) => r.rule === id);
const all = (a: Advice) => [...a.options, ...a.excluded.map((e) => e.option)];

describe("rules, one situation each", () => {
  it("scenario.voice-high-security: HIPAA voice runs locally (002, scenario 4)", () => {
    const a = adviceFor({ useCase: "voice", callsPerMonth: 2_000, compliance: ["hipaa"] });
    expect(fired(a, "scenario.voice-high-security")?.effect).toBe("+3 local");
    expect(a.verdict).toBe("local");
  });

  it("cheatsheet.tight-budget: a $150 budget with a GPU at hand favours local (001)", () => {
    const a = adviceFor({ monthlyBudgetUsd: 150, gpusOnHand: { gpuType: "RTX 4090", count: 1 } });
    expect(fired(a, "cheatsheet.tight-budget")?.effect).toBe("+2 local");
    expect(a.options.some((o) => o.verdict === "local")).toBe(true);
  });

  it("cheatsheet.enterprise-data-sensitive: HIPAA with a DevOps team adds a point to self-hosting (001)", () => {
    const a = adviceFor({ compliance: ["hipaa"], team: "small-devops", requestsPerMonth: 500_000 });
    expect(fired(a, "cheatsheet.enterprise-data-sensitive")?.effect).toBe("+1 self-hosted");
    expect(fired(a, "compliance.strict")?.effect).toBe("excludes api, hybrid");
  });

  it("revenue.api-share: API spend over 10% of revenue favours self-hosting and hybrids (002)", () => {
    // 1M requests at 500/200 tokens cost well over $100 a month on any API here; 10% of $1,000 is $100.
    const a = adviceFor({ requestsPerMonth: 1_000_000, monthlyRevenueUsd: 1_000 });
    expect(fired(a, "revenue.api-share")?.effect).toBe("+2 self-hosted, +2 hybrid, +1 local");
    const b = adviceFor({ requestsPerMonth: 1_000_000, monthlyRevenueUsd: 1_000_000 });
    expect(fired(b, "revenue.api-share")).toBeUndefined();
  });

  it("budget.exceeded: options over the budget lose two points, and its source is the question", () => {
    // 1M requests: every self-hosted option costs over $1,000 a month (003's ops_cost alone), above $50.
    const a = adviceFor({ requestsPerMonth: 1_000_000, monthlyBudgetUsd: 50 });
    const rule = fired(a, "budget.exceeded");
    expect(rule?.effect).toContain("-2 self-hosted");
    expect(rule?.source).toContain("user input");
    expect(rule?.evidence.monthlyBudgetUsd).toBe("$50.00");
  });

  it("task.vision: a vision app goes to a multimodal API (001)", () => {
    const a = adviceFor({ useCase: "vision", requestsPerMonth: 50_000 });
    expect(fired(a, "task.vision")?.effect).toBe("+2 api");
    expect(a.verdict).toBe("api");
  });

  it("task.code: code generation adds a point to the API (003's routing)", () => {
    const a = adviceFor({ useCase: "code", requestsPerMonth: 50_000 });
    expect(fired(a, "task.code")?.effect).toBe("+1 api");
    expect(a.verdict).toBe("api");
  });

  it("latency.batch: batch work favours self-hosting and hybrids, priced at the batch discount, with no peak factor", () => {
    const a = adviceFor({ latency: "batch", requestsPerMonth: 1_000_000 });
    expect(fired(a, "latency.batch")?.effect).toBe("+1 self-hosted, +1 hybrid");
    expect(a.profile.peakToAverageRatio).toBe(1);
    expect(a.assumptions.find((x) => x.field === "peakToAverageRatio")?.value).toBe(1);
    expect(a.options.find((o) => o.id === "api:openai:gpt-4o-mini")?.deployment).toContain("batch");
  });

  it("compliance.government: the model runs on infrastructure you operate (002)", () => {
    const a = adviceFor({ compliance: ["government"], team: "ml-team", requestsPerMonth: 1_000_000 });
    expect(fired(a, "compliance.government")?.effect).toBe("requires self-hosted | local");
    expect(["self-hosted", "local"]).toContain(a.verdict);
    expect(a.options.every((o) => o.verdict === "self-hosted" || o.verdict === "local")).toBe(true);
  });

  it("compliance.data-sovereignty: no public API and no hybrid (002)", () => {
    const a = adviceFor({ compliance: ["data-sovereignty"], requestsPerMonth: 200_000 });
    expect(fired(a, "compliance.data-sovereignty")?.effect).toBe("excludes api, hybrid");
    expect(a.options.some((o) => o.verdict === "api" || o.verdict === "hybrid")).toBe(false);
  });

  it("task.embedding-model-as-chat: all-MiniLM as the chat model is flagged, and no shadow-mode plan serves its answers", () => {
    const a = adviceFor({ currentModel: "all-MiniLM-L6-v2", requestsPerMonth: 100_000 });
    expect(fired(a, "task.embedding-model-as-chat")?.effect).toBe("informs");
    const steps = a.migrationPlan?.phases.flatMap((ph) => ph.steps).join(" ") ?? "";
    expect(steps).not.toContain("Serve all-MiniLM-L6-v2's answer");
  });

  it("cost.far-more-expensive: an option over three times the cheapest loses two points (003)", () => {
    // 100K requests: the API costs about $20 a month, a GPU instance alone hundreds.
    const a = adviceFor({ requestsPerMonth: 100_000, team: "ml-team" });
    expect(fired(a, "cost.far-more-expensive")?.effect).toContain("-2 self-hosted");
  });

  it("plan.002-phased-growth: API for now at high volume, with 002's growth path", () => {
    const a = adviceFor({ requestsPerMonth: 2_000_000, team: "small-devops" });
    expect(a.verdict).toBe("api");
    expect(a.migrationPlan?.id).toBe("plan.002-phased-growth");
    expect(fired(a, "plan.002-phased-growth")?.effect).toBe("adds a migration plan");
  });
});

describe("edges of the engine", () => {
  it("at zero volume the break-even distance is not computed, and the Advice says why", () => {
    const a = adviceFor({ requestsPerMonth: 0, team: "ml-team" });
    expect(a.breakEven?.note).toBe(
      "no volume was given, so how far you are from the break-even is not computed",
    );
  });

  it("counts forced migrations from a known retirement date: gpt-4o-mini twice in 24 months, not once", () => {
    const a = adviceFor({ requestsPerMonth: 100_000, currentModel: "gpt-4o-mini" });
    const tcoLine = (id: string) =>
      all(a)
        .find((o) => o.id === id)
        ?.tco.breakdown.lineItems.find((l) => l.code === "tco.forced-migration");
    // 2026-11-21 → 2027-01-14 is 54 days = 1.77 months; then every 15: months 1.77 and 16.77 fall in 24.
    expect(tcoLine("api:openai:gpt-4o-mini")?.quantity.toNumber()).toBe(2);
    // No announced date for gpt-6-sol: floor(24 / 15) = 1.
    expect(tcoLine("api:openai:gpt-6-sol")?.quantity.toNumber()).toBe(1);
  });

  it("004's own setup, Llama 3.2 3B, cannot be sized on AWS: an issue says so instead of dropping it", () => {
    const a = adviceFor({
      useCase: "classification",
      candidateModels: ["llama 3.2 3b"],
      requestsPerMonth: 300_000,
    });
    expect(a.issues.map((i) => i.message)).toContain(
      "Llama 3.2 3B Instruct cannot be sized on any AWS GPU instance: the catalog has no throughput benchmark for it",
    );
  });

  it("sizes on a one-stream benchmark only for a model the question names, and says it overstates", () => {
    const unnamed = adviceFor({ requestsPerMonth: 300_000, team: "ml-team" });
    expect(all(unnamed).some((o) => o.modelId === "qwen-2.5-7b")).toBe(false);
    const named = adviceFor({ requestsPerMonth: 300_000, team: "ml-team", candidateModels: ["qwen 2.5 7b"] });
    const qwen = all(named).find((o) => o.modelId === "qwen-2.5-7b" && o.verdict === "self-hosted");
    expect(qwen?.notes.join(" ")).toContain("one stream's speed (batch size 1)");
  });

  it("a government workload with no team's own GPUs gets a priced machine, and a card-only price says so", () => {
    const a = adviceFor({ compliance: ["government"], requestsPerMonth: 100_000 });
    const card = all(a).find((o) => o.capacity?.instanceId === "on-prem:rtx4090-card");
    if (card) expect(card.notes.join(" ")).toContain("host PC");
  });
});

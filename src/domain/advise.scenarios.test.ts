import { describe, expect, it } from "vitest";
import type { Advice } from "./advice.js";
import { advise } from "./advise.js";
import { buildCatalog } from "./catalog/catalog.js";
import type { Profile } from "./profile.js";

/**
 * One test per situation the seeds describe: the verdict, and the rule ids that must fire.
 * The catalog is the real one, priced as of the fixed day below.
 */
const TODAY = "2026-11-21";
const catalog = buildCatalog({ pricesAt: new Date(`${TODAY}T12:00:00Z`) });

function adviceFor(profile: Profile): Advice {
  const r = advise(profile, catalog, { today: TODAY });
  if (!r.ok) throw new Error(r.error.map((i) => i.message).join("; "));
  return r.value;
}
const rules = (a: Advice) => a.reasons.map((r) => r.rule);
const option = (a: Advice, id: string) =>
  [...a.options, ...a.excluded.map((e) => e.option)].find((o) => o.id === id);

describe("seed scenarios", () => {
  it("002 scenario 1: a voice startup under 1,000 calls a month uses the APIs", () => {
    const a = adviceFor({ useCase: "voice", callsPerMonth: 500, minutesPerCall: 3 });
    expect(a.verdict).toBe("api");
    expect(rules(a)).toEqual(
      expect.arrayContaining(["scenario.voice-startup", "task.voice-pipeline", "cost.cheapest"]),
    );
    expect(rules(a)).not.toContain("scenario.voice-enterprise");
  });

  it("002 scenario 2: 1,000-10,000 calls a month stays on the APIs", () => {
    const a = adviceFor({ useCase: "voice", callsPerMonth: 5000 });
    expect(a.verdict).toBe("api");
    expect(rules(a)).toContain("scenario.voice-medium");
  });

  it("002 scenario 3: over 10,000 calls the seed's hybrid loses to the arithmetic, and the conflict is shown", () => {
    const a = adviceFor({ useCase: "voice", callsPerMonth: 60_000, team: "ml-team" });
    expect(rules(a)).toEqual(
      expect.arrayContaining(["scenario.voice-enterprise", "scenario.voice-local-viable"]),
    );
    // The hybrid pays for the whole API pipeline plus a local standby, so it cannot be cheaper.
    expect(a.verdict).toBe("api");
    expect(a.conflicts.some((c) => c.rules.includes("scenario.voice-enterprise") && c.winner === "api")).toBe(
      true,
    );
    expect(a.discrepancies.map((d) => d.id)).toContain("seed-002-large-business");
  });

  it("002 scenario 4 and 003's flowchart: healthcare under HIPAA without an ML team gets a managed private deployment", () => {
    const a = adviceFor({
      requestsPerMonth: 500_000,
      inputTokensPerRequest: 800,
      outputTokensPerRequest: 200,
      compliance: ["hipaa"],
      team: "none",
    });
    expect(a.verdict).toBe("private-cloud");
    expect(rules(a)).toEqual(expect.arrayContaining(["compliance.strict", "team.none"]));
    expect(a.options.every((o) => o.verdict !== "api" && o.verdict !== "hybrid")).toBe(true);
    expect(a.excluded.find((e) => e.option.id === "api:openai:gpt-4o-mini")?.excludedBy).toBe(
      "compliance.strict",
    );
    // Bedrock Llama 3.1 8B: 500,000 × (800 + 200) tokens = 500M tokens × $0.22/M = $110.00.
    expect(
      option(a, "private-cloud:aws:meta.llama3-1-8b-instruct-v1:0")?.monthly.monthlyCostUsd.toString(),
    ).toBe("110");
  });

  it("healthcare with an ML team that fine-tunes moves to self-hosting (001's healthcare/legal row)", () => {
    const a = adviceFor({
      requestsPerMonth: 3_000_000,
      compliance: ["hipaa"],
      team: "ml-team",
      customization: "fine-tuning",
      quality: "domain-precision",
    });
    expect(a.verdict).toBe("self-hosted");
    expect(rules(a)).toEqual(
      expect.arrayContaining([
        "compliance.strict",
        "cheatsheet.healthcare-legal",
        "customization.fine-tuning",
        "team.ml",
      ]),
    );
  });

  it("air-gapped systems run locally, whatever else the rules prefer", () => {
    const a = adviceFor({ compliance: ["air-gapped"], team: "ml-team" });
    expect(a.verdict).toBe("local");
    expect(rules(a)).toContain("offline.air-gapped");
    expect(a.options.every((o) => o.verdict === "local")).toBe(true);
  });

  it("004: an intent classifier that wants control of model updates self-hosts, with the four-phase plan", () => {
    const a = adviceFor({
      useCase: "classification",
      requestsPerMonth: 300_000,
      lifecycleControl: true,
      team: "small-devops",
      currentModel: "gpt-4o-mini",
    });
    expect(a.verdict).toBe("self-hosted");
    expect(rules(a)).toEqual(
      expect.arrayContaining(["lifecycle.control", "task.classification", "cost.cheapest"]),
    );
    // Cost favours the API; the conflict and its resolution are reported, not hidden.
    expect(a.conflicts.some((c) => c.rules.includes("lifecycle.control") && c.winner === "self-hosted")).toBe(
      true,
    );
    expect(a.migrationPlan?.phases.map((p) => p.name)).toEqual([
      "Phase 1: Test",
      "Phase 2: Shadow mode",
      "Phase 3: Cutover",
      "Phase 4: Full migration",
    ]);
    expect(a.discrepancies.map((d) => d.id)).toContain("seed-004-sagemaker");
    expect(rules(a)).toContain("plan.004-test-shadow-cutover-full");
  });

  it("the same classifier without ML or DevOps people stays on the API (004: stay if the team lacks resources)", () => {
    const a = adviceFor({
      useCase: "classification",
      requestsPerMonth: 300_000,
      lifecycleControl: true,
      team: "none",
      currentModel: "gpt-4o-mini",
    });
    expect(a.verdict).toBe("api");
    expect(rules(a)).toEqual(expect.arrayContaining(["lifecycle.control", "team.none"]));
  });

  it("2M requests a month with a DevOps team: 003 says calculate the break-even, and the break-even says API", () => {
    const a = adviceFor({
      requestsPerMonth: 2_000_000,
      inputTokensPerRequest: 500,
      outputTokensPerRequest: 200,
      team: "small-devops",
    });
    expect(a.verdict).toBe("api");
    expect(rules(a)).toEqual(
      expect.arrayContaining(["volume.high", "volume.below-break-even", "team.small-devops"]),
    );
    expect(a.breakEven?.requestsPerMonth).toBeGreaterThan(2_000_000);
    expect(a.discrepancies.map((d) => d.id)).toContain("seed-003-threshold");
  });

  it("past the break-even on an expensive model, an ML team self-hosts", () => {
    const a = adviceFor({ requestsPerMonth: 50_000_000, team: "ml-team", currentModel: "gpt-4o" });
    expect(a.verdict).toBe("self-hosted");
    expect(rules(a)).toEqual(expect.arrayContaining(["volume.above-break-even", "team.ml"]));
    expect(a.breakEven?.requestsPerMonth).toBeLessThan(50_000_000);
  });

  it("names the break-even deployment at the break-even size, not at the size your volume needs", () => {
    const a = adviceFor({
      requestsPerMonth: 20_000_000,
      inputTokensPerRequest: 800,
      outputTokensPerRequest: 200,
      compliance: ["hipaa"],
      team: "none",
      currentModel: "gpt-4o-mini",
    });
    const be = a.breakEven;
    const self = be ? option(a, be.selfHostedOptionId) : undefined;
    // At 20M requests the chosen plan needs 2 × g6e.xlarge; the break-even (under 20M) needs only 1.
    expect(self?.capacity?.instances).toBe(2);
    expect(be?.requestsPerMonth).toBeLessThan(20_000_000);
    expect(be?.selfHostedDeployment).toBe("vLLM on 1 × g6e.xlarge (1x NVIDIA L40S 48GB), AWS");
    // 1 instance: 730 h × $1.861 = $1,358.53, + $1,000 operations (003's ops_cost) + $500 setup
    // ($12,000 spread over the 24-month horizon) = $2,858.53.
    expect(be?.monthlyCostUsd?.toNumber()).toBe(2858.53);
  });

  it("domain Q&A that needs fine-tuning, with an ML team, self-hosts an open model", () => {
    const a = adviceFor({
      useCase: "rag",
      requestsPerMonth: 1_000_000,
      customization: "fine-tuning",
      quality: "domain-precision",
      team: "ml-team",
    });
    expect(a.verdict).toBe("self-hosted");
    expect(rules(a)).toEqual(
      expect.arrayContaining([
        "customization.fine-tuning",
        "customization.rag",
        "quality.domain-precision",
        "team.ml",
      ]),
    );
    expect(a.options[0]?.openness).toBe("open-weights");
  });

  it("real-time agents get a fast hosted API (001's Groq row), never a model Groq has shut down", () => {
    const a = adviceFor({ latency: "real-time", requestsPerMonth: 300_000 });
    expect(a.verdict).toBe("api");
    expect(rules(a)).toContain("latency.real-time");
    expect(a.options.map((o) => o.id)).toEqual(
      expect.arrayContaining(["api:groq:openai/gpt-oss-20b", "api:groq:openai/gpt-oss-120b"]),
    );
    // Groq gpt-oss-20b: 300,000 × (500 × $0.075 + 200 × $0.30) / 1M = 300,000 × $0.0000975 = $29.25.
    expect(option(a, "api:groq:openai/gpt-oss-20b")?.monthly.monthlyCostUsd.toString()).toBe("29.25");
    const ids = a.options.map((o) => o.id);
    expect(ids).not.toContain("api:groq:mixtral-8x7b-32768");
    expect(ids).not.toContain("api:groq:llama-3.1-8b-instant");
  });

  it("embeddings for search compare text-embedding-3-small with all-MiniLM-L6-v2, both priced", () => {
    const a = adviceFor({ useCase: "embeddings", requestsPerMonth: 1_000_000, inputTokensPerRequest: 500 });
    // 000 prefers the API for quality (task.embeddings, +1 api), but over 24 months the API carries a
    // $4,000 forced migration (re-embedding) every 15 months: $10 + $4,000 / 24 = $176.67 a month
    // against $32.58 locally, and the arithmetic wins; the disagreement is reported.
    expect(a.verdict).toBe("local");
    expect(rules(a)).toContain("task.embeddings");
    expect(a.conflicts.some((c) => c.rules.includes("task.embeddings") && c.winner === "local")).toBe(true);
    // 1,000,000 × 500 tokens = 500M tokens × $0.02/M = $10.00.
    expect(option(a, "api:openai:text-embedding-3-small")?.monthly.monthlyCostUsd.toString()).toBe("10");
    // Local: 500 tokens → ceil(500 / 256) = 2 chunks a request; peak = 1,000,000 × 2 × 3 / (730 × 3,600 s)
    // = 2.28 sentences/s, under one core's 209.2, so 1 core × 730 h × $0.044625 = $32.57625.
    const local = option(a, "local:all-minilm-l6-v2");
    expect(local?.monthly.monthlyCostUsd.toString()).toBe("32.57625");
    expect(local?.monthly.lineItems.some((l) => l.flag === "price-not-found")).toBe(false);
  });

  it("000's 100K messages on gpt-4o-mini stay on the API and the 100K break-even claim is corrected", () => {
    const a = adviceFor({
      requestsPerMonth: 100_000,
      inputTokensPerRequest: 500,
      outputTokensPerRequest: 200,
      currentModel: "gpt-4o-mini",
    });
    expect(a.verdict).toBe("api");
    // Exactly 100K is not "under 100K" (003), so volume.low stays silent here.
    expect(rules(a)).toEqual(expect.arrayContaining(["flowchart.default-api", "cost.cheapest"]));
    expect(rules(a)).not.toContain("volume.low");
    // 100,000 × 500 / 1M × $0.15 + 100,000 × 200 / 1M × $0.60 = $7.50 + $12.00 = $19.50.
    expect(option(a, "api:openai:gpt-4o-mini")?.monthly.monthlyCostUsd.toString()).toBe("19.5");
    expect(a.discrepancies.map((d) => d.id)).toContain("seed-000-break-even");
  });

  it("under 100K requests a month the low-volume rule fires (003, 004)", () => {
    const a = adviceFor({ requestsPerMonth: 50_000 });
    expect(a.verdict).toBe("api");
    expect(rules(a)).toContain("volume.low");
  });

  it("a current model that retires within 90 days is flagged and not kept first", () => {
    const a = adviceFor({ requestsPerMonth: 100_000, currentModel: "gpt-4o-mini" });
    expect(rules(a)).toContain("lifecycle.retiring-soon");
    const d = a.deprecations.find((x) => x.model === "gpt-4o-mini");
    // 2026-11-21 → 2027-01-14: 9 days left in November + 31 in December + 14 in January = 54 days.
    expect(d?.daysToRetirement).toBe(54);
    expect(a.options[0]?.modelId).not.toBe("openai:gpt-4o-mini");
  });

  it("GDPR alone prefers a private deployment and reports 000 and 003 disagreeing", () => {
    const a = adviceFor({ compliance: ["gdpr"], requestsPerMonth: 200_000, team: "small-devops" });
    expect(rules(a)).toContain("compliance.gdpr");
    expect(a.verdict).toBe("private-cloud");
  });

  it("training from scratch offers only open-source models, and says none can be sized", () => {
    const a = adviceFor({ customization: "full-training", team: "ml-team" });
    expect(rules(a)).toContain("customization.full-training");
    const all = [...a.options, ...a.excluded.map((e) => e.option)];
    // Llama, Mistral and Qwen are open weights (001): never offered for full training.
    expect(all.filter((o) => o.verdict === "self-hosted" || o.verdict === "local")).toEqual([]);
    const messages = a.issues.map((i) => i.message).join("\n");
    expect(messages).toContain("OLMo 2 7B");
    expect(messages).toContain("no self-hosted open-source chat model can be sized");
    // With nothing to run it on, the hard rule cannot apply, and the Advice says so.
    expect(a.conflicts.some((c) => c.rules.includes("customization.full-training"))).toBe(true);
  });

  it("HIPAA plus air-gapped: both hard rules hold, local wins", () => {
    const a = adviceFor({ compliance: ["hipaa", "air-gapped"], team: "ml-team" });
    expect(a.verdict).toBe("local");
    expect(rules(a)).toEqual(expect.arrayContaining(["offline.air-gapped", "compliance.strict"]));
  });

  it("quality-critical work at 50M a month: the same open model per token in your cloud beats reserving GPUs", () => {
    const a = adviceFor({
      requestsPerMonth: 50_000_000,
      quality: "high-accuracy",
      team: "ml-team",
      currentModel: "gpt-4o",
    });
    expect(a.verdict).toBe("private-cloud");
    expect(rules(a)).toEqual(expect.arrayContaining(["quality.high-accuracy", "hybrid.quality-at-volume"]));
    // Past the break-even with gpt-4o, but Bedrock's Llama 3.1 70B costs less per month than reserving
    // the GPUs, so the "reserved GPUs beat per-token" rule must stay silent.
    expect(rules(a)).not.toContain("volume.above-break-even");
    // Bedrock Llama 3.1 70B: 50M × (500 + 200) tokens = 35,000M tokens × $0.72/M = $25,200.
    expect(a.options[0]?.monthly.monthlyCostUsd.toString()).toBe("25200");
    // High accuracy keeps small, cost-optimized models out of the defaults.
    expect(a.options.some((o) => o.modelId === "openai:gpt-6-luna")).toBe(false);
  });

  it("does not advise a team in a cloud to buy servers", () => {
    const a = adviceFor({ requestsPerMonth: 50_000_000, team: "ml-team" });
    expect([...a.options, ...a.excluded.map((e) => e.option)].some((o) => o.verdict === "local")).toBe(false);
  });

  it("on premises, the break-even is computed against your own hardware", () => {
    const a = adviceFor({ cloud: "on-prem", requestsPerMonth: 1_000_000, team: "ml-team" });
    expect(a.breakEven?.selfHostedOptionId.startsWith("local:")).toBe(true);
  });

  it("says that no compliance need was assumed when none was stated", () => {
    const a = adviceFor({ requestsPerMonth: 1_000 });
    expect(a.assumptions.map((x) => x.field)).toContain("compliance");
    const b = adviceFor({ requestsPerMonth: 1_000, compliance: [] });
    expect(b.assumptions.map((x) => x.field)).not.toContain("compliance");
  });

  it("is deterministic: the same inputs give the same Advice", () => {
    const p: Profile = {
      requestsPerMonth: 750_000,
      team: "small-devops",
      compliance: ["gdpr"],
      currentModel: "gpt-4o",
    };
    expect(JSON.stringify(adviceFor(p))).toBe(JSON.stringify(adviceFor(p)));
  });

  it("rejects an impossible profile with the field named, instead of throwing", () => {
    const r = advise({ requestsPerMonth: -5 }, catalog, { today: TODAY });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error[0]?.subject).toBe("requestsPerMonth");
  });
});

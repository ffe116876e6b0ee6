import { describe, expect, it } from "vitest";
import { advise } from "../src/domain/advise.js";
import { buildCatalog } from "../src/domain/catalog/catalog.js";
import type { Profile } from "../src/domain/profile.js";
import { ANSWER_ACTIONS } from "../src/render/answer-actions.js";
import { answerView } from "../src/render/answer-view.js";
import { chartInputFromAdvice, chartPng, chartSpec, chartSvg } from "../src/render/chart.js";
import { type AdviceJson, adviceJson } from "../src/render/json.js";
import { answerMessages } from "../src/render/slack/answer-blocks.js";
import { answerCard, cardBytes, TEAMS_CARD_MAX_BYTES } from "../src/render/teams/answer-card.js";
import { blockKitProblems } from "./support/block-kit.js";

const TODAY = "2026-11-21";
const catalog = buildCatalog({ pricesAt: new Date(`${TODAY}T12:00:00Z`) });

function contract(p: Profile): AdviceJson {
  const r = advise(p, catalog, { today: TODAY });
  if (!r.ok) throw new Error("bad profile");
  return adviceJson(r.value);
}

const PROFILES: Array<[string, Profile]> = [
  [
    "HIPAA, no team",
    { requestsPerMonth: 500_000, compliance: ["hipaa"], team: "none", currentModel: "gpt-4o-mini" },
  ],
  ["voice at 60K calls", { useCase: "voice", callsPerMonth: 60_000 }],
  [
    "lifecycle classifier",
    {
      useCase: "classification",
      requestsPerMonth: 300_000,
      lifecycleControl: true,
      team: "small-devops",
      currentModel: "gpt-4o-mini",
    },
  ],
  ["air-gapped", { compliance: ["air-gapped"], team: "ml-team" }],
  ["embeddings", { useCase: "embeddings", requestsPerMonth: 1_000_000 }],
];

/** An answer whose every text is as long as a real one could get. */
function veryLong(a: AdviceJson): AdviceJson {
  const long = (n: number) => "x".repeat(n);
  return {
    ...a,
    options: Array.from({ length: 14 }, (_, i) => ({
      ...(a.options[0] as AdviceJson["options"][number]),
      id: `o${i}`,
      model: long(300),
      deployment: long(900),
    })),
    reasons: Array.from({ length: 45 }, (_, i) => ({
      rule: `rule.${i}`,
      factor: "x",
      effect: "+1 api",
      rationale: long(1500),
      source: long(600),
      evidence: {},
    })),
    conflicts: Array.from({ length: 12 }, () => ({
      rules: ["a"],
      summary: long(800),
      resolution: long(400),
      winner: "api",
    })),
    discrepancies: Array.from({ length: 8 }, () => ({
      id: "d",
      claim: long(700),
      computed: long(1500),
      source: "s",
    })),
    assumptions: Array.from({ length: 30 }, () => ({
      field: "f",
      value: long(100),
      reason: long(200),
      source: "s",
    })),
    issues: Array.from({ length: 15 }, () => ({ code: "unknown-model", message: long(300) })),
  };
}

describe("Slack answer blocks", () => {
  it.each(PROFILES)("%s: every message stays within Block Kit's limits", (_name, p) => {
    const messages = answerMessages(answerView(contract(p)), "A short summary.", "answer-1");
    for (const m of messages) expect(blockKitProblems(m.blocks, "message", m.text)).toEqual([]);
  });

  it("carries the six buttons with the answer id, and nothing else, in their values", () => {
    const [first] = answerMessages(answerView(contract(PROFILES[0]?.[1] ?? {})), "Summary.", "ans-42");
    const actions = first?.blocks.find((b) => b.type === "actions");
    expect(actions?.type).toBe("actions");
    if (actions?.type !== "actions") return;
    expect(actions.elements.map((e) => (e.type === "button" ? e.text.text : ""))).toEqual(
      ANSWER_ACTIONS.map((a) => a.label),
    );
    for (const e of actions.elements)
      if (e.type === "button") expect(JSON.parse(e.value ?? "")).toMatchObject({ answerId: "ans-42" });
  });

  it("splits a very long answer into thread messages instead of breaking a limit", () => {
    const summary = "word ".repeat(2500);
    const messages = answerMessages(
      answerView(veryLong(contract(PROFILES[0]?.[1] ?? {})), 20),
      summary,
      "answer-long",
    );
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(blockKitProblems(m.blocks, "message", m.text)).toEqual([]);
    // The buttons stay on the first message, the one that starts the thread.
    expect(messages[0]?.blocks.at(-1)?.type).toBe("actions");
    expect(messages.slice(1).every((m) => m.blocks.every((b) => b.type !== "actions"))).toBe(true);
  });

  it("escapes Slack's control characters in model names", () => {
    const a = contract(PROFILES[0]?.[1] ?? {});
    const first = a.options[0];
    if (!first) throw new Error("no option");
    const tricky: AdviceJson = { ...a, options: [{ ...first, model: "<!channel> & friends" }] };
    const text = JSON.stringify(answerMessages(answerView(tricky), "s", "id"));
    expect(text).not.toContain("<!channel>");
    expect(text).toContain("&lt;!channel&gt; &amp; friends");
  });
});

describe("Teams answer card", () => {
  it.each(PROFILES)("%s: an Adaptive Card 1.5 under 28 KB with the six actions", (_name, p) => {
    const c = answerCard(answerView(contract(p)), "Summary.", "answer-1");
    expect(c.version).toBe("1.5");
    expect(cardBytes(c)).toBeLessThan(TEAMS_CARD_MAX_BYTES);
    expect(c.actions?.map((a) => a.title)).toEqual(ANSWER_ACTIONS.map((a) => a.label));
    for (const a of c.actions ?? []) {
      expect(a.type).toBe("Action.Execute");
      expect((a.fallback as { type: string }).type).toBe("Action.Submit");
    }
  });

  it("drops detail sections until a very long answer fits", () => {
    const c = answerCard(
      answerView(veryLong(contract(PROFILES[0]?.[1] ?? {})), 20),
      "word ".repeat(2000),
      "answer-long",
    );
    expect(cardBytes(c)).toBeLessThan(TEAMS_CARD_MAX_BYTES);
  });
});

describe("break-even chart", () => {
  const a = contract({ requestsPerMonth: 2_000_000, currentModel: "gpt-4o", team: "small-devops" });

  it("takes both sides' costs and the break-even from the answer", () => {
    const input = chartInputFromAdvice(a);
    expect(input?.apiLabel).toBe("API: gpt-4o");
    expect(input?.breakEvenRequests).toBe(a.breakEven.requestsPerMonth);
    // At each point the API side is volume × the API's per-request cost: 500 × $2.50/M + 200 × $10/M = $0.00325.
    for (const p of input?.points ?? []) expect(p.apiUsd).toBeCloseTo(p.requestsPerMonth * 0.00325, 2);
  });

  it("puts every self-hosted step at the volume where one more instance is needed", () => {
    // The 100K chat of seed 000 on gpt-4o-mini: its self-hosted side steps up inside the drawn range.
    const small = contract({
      requestsPerMonth: 100_000,
      inputTokensPerRequest: 500,
      outputTokensPerRequest: 200,
    });
    const pts = small.breakEven.curve;
    let rises = 0;
    for (let i = 1; i < pts.length; i++) {
      const [before, after] = [pts[i - 1], pts[i]];
      if (!before || !after || after.selfHostedUsd <= before.selfHostedUsd) continue;
      rises += 1;
      // A rise between samples far apart would be drawn late (step-after holds the lower cost).
      expect(after.requestsPerMonth - before.requestsPerMonth).toBe(1);
    }
    expect(rises).toBeGreaterThan(0);
  });

  it("leaves out zero costs rather than drawing them at a false $1", async () => {
    const input = chartInputFromAdvice(a);
    if (!input) throw new Error("no chart input");
    const svg = await chartSvg({
      ...input,
      points: [{ requestsPerMonth: 10, apiUsd: 0, selfHostedUsd: 5 }, ...input.points],
    });
    const spec = chartSpec({ ...input, points: [{ requestsPerMonth: 10, apiUsd: 0, selfHostedUsd: 5 }] });
    const layers = (spec as { layer: Array<{ data?: { values?: Array<{ usd: number }> } }> }).layer;
    // The API's one point is $0: it is dropped; the self-hosted $5 stays.
    expect(layers[0]?.data?.values).toEqual([]);
    expect(layers[1]?.data?.values?.map((d) => d.usd)).toEqual([5]);
    expect(svg).toContain("API: gpt-4o");
  });

  it("draws an SVG with both series, the break-even and the volume marked", async () => {
    const input = chartInputFromAdvice(a);
    if (!input) throw new Error("no chart input");
    const svg = await chartSvg(input);
    for (const label of [
      "API: gpt-4o",
      "Self-hosted: Llama 3.1 8B Instruct",
      "break-even",
      "you",
      "Requests a month",
      "USD a month",
    ]) {
      expect(svg).toContain(label);
    }
  });

  it("renders a PNG", async () => {
    const input = chartInputFromAdvice(a);
    if (!input) throw new Error("no chart input");
    const png = await chartPng(input);
    expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.length).toBeGreaterThan(10_000);
  });

  it("has no chart when nothing can be self-hosted", () => {
    expect(chartInputFromAdvice(contract({ useCase: "voice", callsPerMonth: 500 }))).toBeNull();
  });
});

import { once } from "node:events";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { answerProfile } from "../src/conversation/answer-profile.js";
import { ExtractedProfileSchema } from "../src/phrasing/extraction.js";
import { createOpenAiClient, OpenAiPhraser } from "../src/phrasing/openai-phraser.js";
import type { PhrasingServiceOptions } from "../src/phrasing/service.js";
import { templateSummary } from "../src/phrasing/template.js";
import { understand } from "../src/understanding/understand.js";
import { type LlmFake, startOpenAiFake } from "./fakes/openai-server.js";
import { adviceFor, catalog, HIPAA_QUESTION, TODAY } from "./fixtures/advice.js";
import { goodText, testService } from "./fixtures/phrasing.js";

/** One answer's extraction and phrasing through the real SDK: one budget for both. */
const QUESTION = "domain Q&A over our docs, fine-tuning with LoRA, ML team";
const nothing = Object.fromEntries(Object.keys(ExtractedProfileSchema.shape).map((k) => [k, null]));
const parsed = (() => {
  const u = understand(QUESTION, catalog);
  if (u.kind !== "advice") throw new Error("not advice");
  return u;
})();

let fake: LlmFake;
beforeEach(async () => {
  fake = await startOpenAiFake();
});
afterEach(async () => {
  await fake.close();
});

function setup(options: Partial<PhrasingServiceOptions> = {}) {
  const t = testService(
    (tm) => [
      new OpenAiPhraser(
        createOpenAiClient({ apiKey: "sk-x", baseUrl: `${fake.url}/v1`, model: "gpt-4o-mini" }),
        "gpt-4o-mini",
        tm.now,
      ),
    ],
    options,
  );
  const deps = { catalog, phrasing: t.service, extraction: true, today: () => TODAY };
  const answer = () =>
    answerProfile(parsed.profile, deps, {
      question: QUESTION,
      unused: parsed.unused,
      understood: parsed.understood,
    });
  return { ...t, answer };
}

describe("one answer's budget, shared by extraction and phrasing", () => {
  it("the parser leaves words unread in this question, which is when extraction runs", () => {
    expect(parsed.unused.length).toBeGreaterThan(0);
  });

  it("ends in the template, both steps timed out, when the server hangs", async () => {
    const { answer } = setup({ budgetMs: 300 });
    fake.fallback = { kind: "hang" };
    const r = await answer();
    if (!r.ok) throw new Error("no answer");
    expect(r.value.extraction).toEqual({ outcome: "timeout" });
    expect(r.value.summary).toMatchObject({
      provider: "template",
      outcome: "timeout",
      text: templateSummary(r.value.advice),
    });
  });

  it("gives the phrasing only what the extraction left: a wait that fits a fresh budget does not fit the rest", async () => {
    const { answer, timing } = setup({ budgetMs: 2000 });
    fake.queue(
      // Extraction: a 900 ms wait fits its share (half of 2,000 ms), then an answer.
      { kind: "error", status: 429, headers: { "retry-after-ms": "900" } },
      { kind: "text", text: JSON.stringify({ ...nothing, quality: "domain-precision" }) },
      // Phrasing starts 900 ms in: 900 + 1,200 = 2,100 ms is past the answer's 2,000, so no retry.
      // Had it a budget of its own, 1,200 ms would fit and the next reply would be used.
      { kind: "error", status: 429, headers: { "retry-after-ms": "1200" } },
    );
    const r = await answer();
    if (!r.ok) throw new Error("no answer");
    expect(r.value.extraction).toEqual({ outcome: "llm" });
    expect(r.value.profile).toMatchObject({ quality: "domain-precision" });
    expect(r.value.summary).toMatchObject({ provider: "template", outcome: "http-429" });
    expect(timing.sleeps).toEqual([900]);
    expect(fake.received).toHaveLength(3);
  });

  it("skips phrasing, asking nothing, once the answer's deadline has passed", async () => {
    const { service } = setup({ budgetMs: 150 });
    const budget = service.answerBudget();
    await once(budget.signal, "abort");
    const hipaa = adviceFor(HIPAA_QUESTION);
    fake.fallback = { kind: "text", text: goodText(hipaa) };
    const r = await service.phrase(hipaa, { budget });
    expect(r).toMatchObject({ provider: "template", outcome: "timeout" });
    expect(r.attempts).toEqual([
      { provider: "openai", model: "gpt-4o-mini", outcome: "timeout", requests: 0 },
    ]);
    expect(fake.received).toHaveLength(0);
    budget.dispose();
  });

  it("says which figures the LLM gave that the user never typed, and keeps the defaults", async () => {
    const { answer } = setup();
    fake.queue(
      { kind: "text", text: JSON.stringify({ ...nothing, requestsPerMonth: 5_000_000 }) },
      { kind: "text", text: "unused" },
    );
    const r = await answer();
    if (!r.ok) throw new Error("no answer");
    expect(r.value.profile).not.toHaveProperty("requestsPerMonth");
    // No volume typed: defaults.json's 100,000 requests a month stands.
    expect(r.value.advice.profile.requestsPerMonth).toBe(100_000);
    expect(r.value.unused).toContain(
      "requestsPerMonth = 5,000,000 from openai: no such figure in the question, so the default stands",
    );
  });
});

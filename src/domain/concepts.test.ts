import { describe, expect, it } from "vitest";
import { CONCEPT_IDS, CONCEPTS, conceptById } from "./concepts.js";

/** Sentences end with . ! or ? followed by a space and a capital, or the end of the text. */
const sentences = (text: string): number => text.split(/(?<=[.!?])\s+(?=[A-Z])/).length;

describe("CONCEPTS", () => {
  it("has exactly one answer per concept id", () => {
    expect(CONCEPTS.map((c) => c.id).sort()).toEqual([...CONCEPT_IDS].sort());
  });

  it.each(CONCEPTS.map((c) => [c.id, c] as const))("%s answers in two to four sentences", (_id, concept) => {
    const n = sentences(concept.answer);
    expect(n).toBeGreaterThanOrEqual(2);
    expect(n).toBeLessThanOrEqual(4);
  });

  it("points out that 001 calls LLaMA 3 open-source in one table and open weights by its own definition", () => {
    const c = conceptById("open-weights-vs-open-source");
    expect(c.answer).toMatch(/Llama 3 is open weights/);
    expect(c.points?.join(" ")).toMatch(/001's first table lists LLaMA 3 and Mistral 7B as open-source/);
    expect(c.points?.join(" ")).toMatch(/OLMo, BLOOM/);
  });

  it("gives the embedding dimensions 000 compares", () => {
    expect(conceptById("embedding-vs-chat-model").answer).toMatch(/384 dimensions against 1536/);
  });

  it("lists 004's four migration phases in order", () => {
    expect(conceptById("shadow-mode-and-migration-phases").answer).toContain(
      "Test → Shadow → Cutover → Full migration",
    );
  });

  it.each(CONCEPTS.map((c) => [c.id, c] as const))("%s quotes sections only of its own seeds", (_id, c) => {
    for (const file of Object.keys(c.sections ?? {})) expect(c.sources).toContain(file);
    for (const url of c.publicSources ?? []) expect(url).toMatch(/^https:\/\/[\w.-]+\//);
  });

  it("works 003's break-even through: $9,500 ÷ $0.000195 a request ≈ 48.7M requests a month", () => {
    // 500 / 1e6 × $0.15 + 200 / 1e6 × $0.60 = $0.000075 + $0.00012 = $0.000195; 9,500 / 0.000195 = 48,717,948.7.
    const c = conceptById("break-even");
    expect(c.answer).toContain("$0.000195 a request");
    expect(c.answer).toContain("about 48.7M requests a month");
    expect(c.answer).toContain("$8,000 infrastructure, $500 setup, $1,000 operations");
  });

  it("gives a 70B model's weights at each precision: 2, 1 and 0.5 bytes a parameter", () => {
    // 70e9 × 2 B = 140 GB; × 1 B = 70 GB; × 0.5 B = 35 GB.
    expect(conceptById("quantization").answer).toContain(
      "about 140 GB at fp16, 70 GB at int8 and 35 GB at int4",
    );
  });

  it("answers what HIPAA is from a public source, and what the seeds make of it", () => {
    const c = conceptById("compliance");
    expect(c.answer).toMatch(/^HIPAA is the US law/);
    expect(c.publicSources).toContain("https://www.hhs.gov/hipaa/for-professionals/privacy/index.html");
    expect(c.sections?.[c.sources[0] ?? ""]).toContain("When Local Models Make Sense");
  });

  it("throws for an id that is not a concept, which only a bug can pass", () => {
    expect(() => conceptById("nope" as never)).toThrow(/no concept/);
  });
});

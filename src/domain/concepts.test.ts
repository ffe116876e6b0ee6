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

  it("throws for an id that is not a concept, which only a bug can pass", () => {
    expect(() => conceptById("nope" as never)).toThrow(/no concept/);
  });
});

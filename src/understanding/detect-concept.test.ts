import { describe, expect, it } from "vitest";
import { buildCatalog } from "../domain/catalog/catalog.js";
import { CONCEPT_IDS } from "../domain/concepts.js";
import { CONCEPT_PHRASINGS } from "./concept-phrasings.js";
import { conceptAskedAbout } from "./detect-concept.js";
import { understand } from "./understand.js";

const catalog = buildCatalog({ pricesAt: new Date("2026-11-21") });

describe("concept questions", () => {
  it.each([
    ["open weights vs open source?", "open-weights-vs-open-source"],
    ["what's the difference between open-weight and open-source?", "open-weights-vs-open-source"],
    ["is all-MiniLM a chat model?", "embedding-vs-chat-model"],
    ["can I chat with all-MiniLM-L6-v2?", "embedding-vs-chat-model"],
    ["LoRA or full fine-tuning?", "lora-vs-full-fine-tuning"],
    ["OpenAI fine-tuning vs self-hosted LoRA?", "openai-fine-tuning-vs-self-hosted-lora"],
    ["what does shadow mode mean?", "shadow-mode-and-migration-phases"],
    ["what are the migration phases?", "shadow-mode-and-migration-phases"],
    ["what is the phased growth path?", "phased-growth-path"],
    ["what is a hybrid setup?", "hybrid-routing"],
    ["what are the speed tiers?", "speed-tiers"],
    ["what are the deployment options?", "deployment-types"],
    ["which model for speech to text?", "task-model-matching"],
    ["how do we get domain knowledge into the model?", "precision-and-domain-knowledge"],
    ["what kinds of models are there?", "model-categories"],
    ["what is RAG?", "rag"],
    ["what is HIPAA?", "compliance"],
    ["explain cutover", "shadow-mode-and-migration-phases"],
    ["difference between fine-tuning and RAG", "precision-and-domain-knowledge"],
    ["is gpt-4o open weights?", "model-categories"],
    ["what is quantization", "quantization"],
    ["what's vLLM?", "vllm"],
    ["what is a break-even?", "break-even"],
    ["why not self-host?", "why-not-self-host"],
    ["what is the weather like?", "scope"],
  ])("%j asks about %s", (text, id) => {
    expect(understand(text, catalog)).toEqual({ kind: "concept", conceptId: id });
  });

  it.each(CONCEPT_PHRASINGS.flatMap((c) => c.examples.map((e) => [e, c.id] as const)))(
    "example %j lands on %s",
    (text, id) => {
      expect(understand(text, catalog)).toEqual({ kind: "concept", conceptId: id });
    },
  );

  it("has phrasings for every concept", () => {
    expect(new Set(CONCEPT_PHRASINGS.map((c) => c.id))).toEqual(new Set(CONCEPT_IDS));
  });
});

describe("recommendation questions are not concept questions", () => {
  it.each([
    "we have 2M requests, should we use LoRA?",
    "we're on gpt-4o-mini with 500k requests a month: is a hybrid setup worth it?",
    "we have 2 A100s, LoRA or full fine-tuning?",
    "HIPAA data, open weights vs open source?",
    "which model should we run for 100k chats a month?",
    "should we self-host llama 3.1 70b on AWS?",
    "all-MiniLM-L6-v2 for embeddings",
    "what is HIPAA compliant hosting for 2M requests a month?",
    "what should we use?",
    "what does 500k requests a month cost?",
  ])("%j is advice", (text) => {
    expect(understand(text, catalog).kind).toBe("advice");
  });

  it("still knows which concept such a question mentions", () => {
    expect(conceptAskedAbout("we have 2M requests, LoRA or full fine-tuning?")).toBe(
      "lora-vs-full-fine-tuning",
    );
  });
});

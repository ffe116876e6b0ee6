import { describe, expect, it } from "vitest";
import { buildCatalog } from "../domain/catalog/catalog.js";
import type { Profile } from "../domain/profile.js";
import { understand } from "./understand.js";

const catalog = buildCatalog({ pricesAt: new Date("2026-11-21") });

function read(text: string) {
  const r = understand(text, catalog);
  if (r.kind !== "advice") throw new Error(`expected advice for "${text}", got ${JSON.stringify(r)}`);
  return r;
}

const table = (rows: Array<[string, Profile]>) =>
  it.each(rows)("reads %j", (text, expected) => {
    const r = read(text);
    expect(r.profile).toEqual(expected);
    expect(r.unused).toEqual([]);
  });

describe("use case", () => {
  table([
    ["a chatbot", { useCase: "chat" }],
    ["an AI assistant", { useCase: "chat" }],
    ["a support bot", { useCase: "chat" }],
    ["intent recognition", { useCase: "classification" }],
    ["our intent classifier", { useCase: "classification" }],
    ["ticket routing", { useCase: "classification" }],
    ["sentiment analysis", { useCase: "classification" }],
    ["tagging", { useCase: "classification" }],
    ["summarize support tickets", { useCase: "summarization" }],
    ["summarization", { useCase: "summarization" }],
    ["Q&A over our knowledge base", { useCase: "rag" }],
    ["question answering", { useCase: "rag" }],
    ["search over documents", { useCase: "rag" }],
    ["code generation", { useCase: "code" }],
    ["a coding copilot", { useCase: "code" }],
    ["embeddings for semantic search", { useCase: "embeddings" }],
    ["vector search", { useCase: "embeddings" }],
    ["OCR on screenshots", { useCase: "vision" }],
    ["multimodal", { useCase: "vision" }],
    ["nightly batch processing", { useCase: "batch", latency: "batch" }],
    ["offline processing", { useCase: "batch", latency: "batch" }],
    ["bulk", { useCase: "batch", latency: "batch" }],
  ]);

  it("prefers a specific use case over the catch-all assistant", () => {
    expect(read("an assistant that classifies emails").profile).toEqual({ useCase: "classification" });
  });

  it("reads RAG as the customization, and as the use case when no other is named", () => {
    expect(read("RAG").profile).toEqual({ useCase: "rag", customization: "rag" });
    expect(read("a code assistant with RAG").profile).toEqual({ useCase: "code", customization: "rag" });
  });

  it("reports a second use case rather than silently choosing", () => {
    expect(read("summarization and code generation").unused).toEqual([
      'code generation (already read "summarization")',
    ]);
  });
});

describe("compliance", () => {
  table([
    ["GDPR", { compliance: ["gdpr"] }],
    ["HIPAA", { compliance: ["hipaa"] }],
    ["PHI", { compliance: ["hipaa"] }],
    ["healthcare data", { compliance: ["hipaa"] }],
    ["medical records", { compliance: ["hipaa"] }],
    ["SOX", { compliance: ["sox"] }],
    ["government", { compliance: ["government"] }],
    ["FedRAMP", { compliance: ["government"] }],
    ["public sector", { compliance: ["government"] }],
    ["data sovereignty", { compliance: ["data-sovereignty"] }],
    ["data residency", { compliance: ["data-sovereignty"] }],
    ["data must stay in the EU", { compliance: ["data-sovereignty"] }],
    ["data can't leave the country", { compliance: ["data-sovereignty"] }],
    ["air-gapped", { compliance: ["air-gapped"] }],
    ["offline", { compliance: ["air-gapped"] }],
    ["no internet", { compliance: ["air-gapped"] }],
    ["no compliance needs", { compliance: [] }],
    ["GDPR and HIPAA compliance", { compliance: ["gdpr", "hipaa"] }],
    ["HIPAA, not GDPR", { compliance: ["hipaa"] }],
  ]);
});

describe("team", () => {
  table([
    ["no ML team", { team: "none" }],
    ["no DevOps", { team: "none" }],
    ["just developers", { team: "none" }],
    ["small DevOps team", { team: "small-devops" }],
    ["a couple of DevOps engineers", { team: "small-devops" }],
    ["platform team", { team: "small-devops" }],
    ["ML team", { team: "ml-team" }],
    ["ML engineers", { team: "ml-team" }],
    ["data science team", { team: "ml-team" }],
    ["we hired an ML team", { team: "ml-team" }],
    ["no ML team but a small DevOps team", { team: "small-devops" }],
  ]);
});

describe("customization, quality, latency, lifecycle", () => {
  table([
    ["fine-tune", { customization: "fine-tuning" }],
    ["fine-tuning", { customization: "fine-tuning" }],
    ["LoRA", { customization: "fine-tuning" }],
    ["QLoRA", { customization: "fine-tuning" }],
    ["train from scratch", { customization: "full-training" }],
    ["pre-train", { customization: "full-training" }],
    ["full training", { customization: "full-training" }],
    ["99% accuracy", { quality: "high-accuracy" }],
    ["99%+", { quality: "high-accuracy" }],
    ["high accuracy", { quality: "high-accuracy" }],
    ["domain-specific", { quality: "domain-precision" }],
    ["legal", { quality: "domain-precision" }],
    ["medical", { quality: "domain-precision" }],
    ["expert-level precision", { quality: "domain-precision" }],
    ["general reasoning", { quality: "general" }],
    ["real-time", { latency: "real-time" }],
    ["sub-second", { latency: "real-time" }],
    ["agents", { latency: "real-time" }],
    ["agentic", { latency: "real-time" }],
    ["low latency", { latency: "real-time" }],
    ["interactive", { latency: "interactive" }],
    ["overnight", { latency: "batch" }],
    ["not time-sensitive", { latency: "batch" }],
    ["pin versions", { lifecycleControl: true }],
    ["pin the model", { lifecycleControl: true }],
    ["avoid forced migrations", { lifecycleControl: true }],
    ["control model updates", { lifecycleControl: true }],
    ["no surprise model changes", { lifecycleControl: true }],
  ]);
});

describe("cloud", () => {
  table([
    ["AWS", { cloud: "aws" }],
    ["Amazon", { cloud: "aws" }],
    ["SageMaker", { cloud: "aws" }],
    ["Bedrock", { cloud: "aws" }],
    ["Azure", { cloud: "azure" }],
    ["GCP", { cloud: "gcp" }],
    ["Google Cloud", { cloud: "gcp" }],
    ["Vertex", { cloud: "gcp" }],
    ["on-prem", { cloud: "on-prem" }],
    ["our own servers", { cloud: "on-prem" }],
    ["our data center", { cloud: "on-prem" }],
  ]);
});

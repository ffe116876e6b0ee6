import { describe, expect, it } from "vitest";
import { buildCatalog } from "./catalog.js";

const catalog = buildCatalog({ pricesAt: new Date("2026-11-21") });
const message = (name: string): string => {
  const r = catalog.hostedPrice(name);
  return r.ok ? `priced as ${r.value.key}` : r.error.message;
};

describe("names without a per-token price", () => {
  it("says an open-weight model is sized, not priced per token, and names a hosted variant", () => {
    expect(message("llama-3.1-8b")).toBe(
      "llama-3.1-8b is an open-weight model: no per-token price; size it with `llm-advise breakeven --self-hosted llama-3.1-8b`, or a hosted variant such as aws:meta.llama3-1-8b-instruct-v1:0",
    );
  });

  it("suggests only names that have a price: never another open-weight or embedding id", () => {
    const r = catalog.hostedPrice("llama-3.1-8b");
    expect(r.ok).toBe(false);
    if (!r.ok) for (const s of r.error.suggestions ?? []) expect(catalog.hostedPrice(s).ok).toBe(true);
    const known = catalog.knownModelNames();
    expect(known).not.toContain("llama-3.2-3b");
    expect(known).not.toContain("llama-3.1-70b");
    expect(known).not.toContain("all-minilm-l6-v2");
  });

  it("suggests gpt-4o for the transposed 'gtp-4o'", () => {
    expect(message("gtp-4o")).toBe('no price for "gtp-4o"; did you mean gpt-4o?');
  });

  it("resolves the seeds' and people's short names: 'Llama 3 70B' and 'qwen 72b'", () => {
    const llama = catalog.resolveModel("Llama 3 70B");
    const qwen = catalog.resolveModel("qwen 72b");
    expect(llama.ok && llama.value.kind === "open-weight" ? llama.value.model.id : null).toBe(
      "llama-3.1-70b",
    );
    expect(qwen.ok && qwen.value.kind === "open-weight" ? qwen.value.model.id : null).toBe("qwen-2.5-72b");
  });

  it("still suggests close hosted names for a typo", () => {
    expect(message("gpt-4o-mni")).toContain("did you mean gpt-4o-mini");
  });
});

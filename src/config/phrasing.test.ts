import { describe, expect, it } from "vitest";
import { loadPhrasingConfig, type PhrasingConfig } from "./phrasing.js";

const ok = (env: Record<string, string>): PhrasingConfig => {
  const r = loadPhrasingConfig(env);
  if (!r.ok) throw new Error(r.problems.join("; "));
  return r.value;
};
const problems = (env: Record<string, string>): string[] => {
  const r = loadPhrasingConfig(env);
  return r.ok ? [] : r.problems;
};

describe("phrasing configuration", () => {
  it("defaults to the template, offline, with a 6 s budget", () => {
    const c = ok({});
    expect(c.chain).toEqual([]);
    expect(c.budgetMs).toBe(6000);
    expect(c.openai.model).toBe("gpt-4o-mini");
    expect(c.ollama).toEqual({ host: "http://127.0.0.1:11434", model: "llama3.2:3b" });
    expect(c.extraction).toBe(true);
  });

  it("tries LLM_PROVIDER first, then LLM_FALLBACK's, each once, and stops at the template", () => {
    const key = { OPENAI_API_KEY: "sk-test" };
    expect(ok({ ...key, LLM_PROVIDER: "openai" }).chain).toEqual(["openai"]);
    expect(ok({ ...key, LLM_PROVIDER: "openai", LLM_FALLBACK: "ollama" }).chain).toEqual([
      "openai",
      "ollama",
    ]);
    expect(ok({ ...key, LLM_FALLBACK: "openai, ollama, template" }).chain).toEqual(["openai", "ollama"]);
    expect(ok({ ...key, LLM_PROVIDER: "ollama", LLM_FALLBACK: "openai,ollama,template" }).chain).toEqual([
      "ollama",
      "openai",
    ]);
  });

  it("leaves OpenAI out, saying why, when it has neither a key nor a base URL", () => {
    const c = ok({ LLM_FALLBACK: "openai,ollama,template" });
    expect(c.chain).toEqual(["ollama"]);
    expect(c.skipped).toEqual([{ provider: "openai", reason: expect.stringContaining("OPENAI_API_KEY") }]);
    // An OpenAI-compatible server such as vLLM may need no key.
    expect(ok({ LLM_PROVIDER: "openai", OPENAI_BASE_URL: "http://127.0.0.1:8000/v1" }).chain).toEqual([
      "openai",
    ]);
  });

  it("accepts Ollama's host without a scheme, as the ollama CLI does", () => {
    expect(ok({ OLLAMA_HOST: "127.0.0.1:11500" }).ollama.host).toBe("http://127.0.0.1:11500");
  });

  it("gives one line per problem, naming the variable", () => {
    const p = problems({
      LLM_PROVIDER: "gemini",
      LLM_FALLBACK: "openai,claude",
      OPENAI_BASE_URL: "ftp://example.test",
      PHRASING_BUDGET_MS: "six",
      LLM_BREAKER_COOLDOWN_MS: "10",
    });
    expect(p).toHaveLength(5);
    expect(p[0]).toMatch(/^LLM_PROVIDER: must be one of openai, ollama, template/);
    expect(p.find((l) => l.startsWith("LLM_FALLBACK"))).toBeDefined();
    expect(p.find((l) => l.startsWith("OPENAI_BASE_URL: must be an http(s) URL"))).toBeDefined();
    expect(p.find((l) => l.startsWith("PHRASING_BUDGET_MS: must be a whole number"))).toBeDefined();
    expect(p.find((l) => l.startsWith("LLM_BREAKER_COOLDOWN_MS: must be at least 1000"))).toBeDefined();
  });

  it("refuses a fallback that LLM_PROVIDER=template would never reach", () => {
    expect(problems({ LLM_PROVIDER: "template", LLM_FALLBACK: "openai" })).toEqual([
      expect.stringMatching(/^LLM_FALLBACK: /),
    ]);
  });

  it("never repeats a secret in a problem", () => {
    const secret = "sk-proj-ABCDEF123456";
    const p = problems({ OPENAI_API_KEY: `${secret} extra`, OPENAI_BASE_URL: secret });
    expect(p).toHaveLength(2);
    expect(p.join("\n")).not.toContain(secret);
    expect(p[0]).toMatch(/^OPENAI_API_KEY: /);
  });
});

import { describe, expect, it } from "vitest";
import { adviceFor, HIPAA_QUESTION, SMALL_API_QUESTION } from "../../test/fixtures/advice.js";
import { adviceDigest, PhrasingCache, phrasingKey } from "./cache.js";

describe("the phrasing cache", () => {
  it("keys by the Advice's content, the provider, the model and the question", () => {
    const a = adviceDigest(adviceFor(HIPAA_QUESTION));
    expect(adviceDigest(adviceFor(HIPAA_QUESTION))).toBe(a);
    expect(adviceDigest(adviceFor(SMALL_API_QUESTION))).not.toBe(a);
    const key = phrasingKey(a, "openai", "gpt-4o-mini", "q");
    expect(phrasingKey(a, "openai", "gpt-4o-mini", "q")).toBe(key);
    expect(phrasingKey(a, "ollama", "gpt-4o-mini", "q")).not.toBe(key);
    expect(phrasingKey(a, "openai", "gpt-4o", "q")).not.toBe(key);
    expect(phrasingKey(a, "openai", "gpt-4o-mini", "another user's words")).not.toBe(key);
  });

  it("drops the least recently used entry past its size", () => {
    const c = new PhrasingCache(2);
    c.set("a", { text: "A" });
    c.set("b", { text: "B" });
    c.get("a");
    c.set("c", { text: "C" });
    expect(c.get("b")).toBeUndefined();
    expect(c.get("a")?.text).toBe("A");
    expect(c.size).toBe(2);
  });

  it("keeps nothing at size 0", () => {
    const c = new PhrasingCache(0);
    c.set("a", { text: "A" });
    expect(c.get("a")).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import type { Advice } from "./advice.js";
import { advise } from "./advise.js";
import { buildCatalog } from "./catalog/catalog.js";
import type { Profile } from "./profile.js";

/** Models their vendors have shut down are never recommended; the comparison moves to the named replacement. */
const TODAY = "2026-11-21";
const catalog = buildCatalog({ pricesAt: new Date(`${TODAY}T12:00:00Z`) });

function adviceFor(profile: Profile): Advice {
  const r = advise(profile, catalog, { today: TODAY });
  if (!r.ok) throw new Error(r.error.map((i) => i.message).join("; "));
  return r.value;
}
const option = (a: Advice, id: string) =>
  [...a.options, ...a.excluded.map((e) => e.option)].find((o) => o.id === id);

describe("retired models", () => {
  it("a named model its vendor has shut down goes to excluded with the date; its replacement is priced", () => {
    // Groq shut mixtral-8x7b-32768 down on 2025-03-20 and llama-3.1-8b-instant on 2026-08-16.
    const a = adviceFor({ requestsPerMonth: 300_000, candidateModels: ["groq:mixtral-8x7b-32768"] });
    const mixtral = a.excluded.find((e) => e.option.id === "api:groq:mixtral-8x7b-32768");
    expect(mixtral?.excludedBy).toBe("retired on 2025-03-20");
    expect(a.options.map((o) => o.id)).not.toContain("api:groq:mixtral-8x7b-32768");
    const b = adviceFor({ requestsPerMonth: 300_000, currentModel: "groq:llama-3.1-8b-instant" });
    expect(b.excluded.find((e) => e.option.id === "api:groq:llama-3.1-8b-instant")?.excludedBy).toBe(
      "retired on 2026-08-16",
    );
    // The break-even compares against the replacement Groq names, not the shut-down model.
    expect(option(b, "api:groq:openai/gpt-oss-20b")?.notes.join(" ")).toContain(
      "replaces llama-3.1-8b-instant",
    );
    expect(b.breakEven?.apiOptionId ?? "api:groq:openai/gpt-oss-20b").toBe("api:groq:openai/gpt-oss-20b");
  });

  it("past gpt-4o-mini's retirement (2027-01-14) it is excluded, not option #2", () => {
    const r = advise({ requestsPerMonth: 100_000, currentModel: "gpt-4o-mini" }, catalog, {
      today: "2027-03-01",
    });
    if (!r.ok) throw new Error("advise failed");
    const a = r.value;
    expect(a.options.map((o) => o.modelId)).not.toContain("openai:gpt-4o-mini");
    expect(a.excluded.find((e) => e.option.id === "api:openai:gpt-4o-mini")?.excludedBy).toBe(
      "retired on 2027-01-14",
    );
    // OpenAI names gpt-6-luna as the replacement: it is priced and is the API side of the comparison.
    expect(a.options.map((o) => o.modelId)).toContain("openai:gpt-6-luna");
    if (a.breakEven) expect(a.breakEven.apiOptionId).toBe("api:openai:gpt-6-luna");
  });

  it("HIPAA on GCP needing 99% accuracy gets a Vertex model that is not retired", () => {
    const a = adviceFor({ compliance: ["hipaa"], cloud: "gcp", quality: "high-accuracy" });
    expect(a.verdict).toBe("private-cloud");
    expect(a.options[0]?.id).toBe("private-cloud:google:gemini-3.5-flash");
    expect(a.options.some((o) => o.modelId.includes("gemini-1.5-pro"))).toBe(false);
  });
});

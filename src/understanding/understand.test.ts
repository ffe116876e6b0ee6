import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildCatalog } from "../domain/catalog/catalog.js";
import type { UnderstandResult } from "./types.js";
import { understand } from "./understand.js";

const catalog = buildCatalog({ pricesAt: new Date("2026-11-21") });

function advice(text: string): Extract<UnderstandResult, { kind: "advice" }> {
  const r = understand(text, catalog);
  if (r.kind !== "advice") throw new Error(`expected advice for "${text}", got ${JSON.stringify(r)}`);
  return r;
}

function problems(text: string): string[] {
  const r = understand(text, catalog);
  if (r.kind !== "invalid") throw new Error(`expected invalid for "${text}", got ${JSON.stringify(r)}`);
  return r.problems;
}

describe("understand: the seed-derived example", () => {
  const text = "500k requests/month, 800 in / 200 out tokens, HIPAA, no ML team, on gpt-4o-mini today";

  it("reads every field of the example and nothing else", () => {
    expect(advice(text).profile).toEqual({
      requestsPerMonth: 500_000,
      inputTokensPerRequest: 800,
      outputTokensPerRequest: 200,
      compliance: ["hipaa"],
      team: "none",
      currentModel: "gpt-4o-mini",
    });
  });

  it("lists each fact with the exact words it came from, in text order", () => {
    expect(advice(text).understood).toEqual([
      { field: "requestsPerMonth", value: 500_000, text: "500k requests/month" },
      { field: "inputTokensPerRequest", value: 800, text: "800 in / 200 out tokens" },
      { field: "outputTokensPerRequest", value: 200, text: "800 in / 200 out tokens" },
      { field: "compliance", value: "hipaa", text: "HIPAA" },
      { field: "team", value: "none", text: "no ML team" },
      { field: "currentModel", value: "gpt-4o-mini", text: "gpt-4o-mini" },
    ]);
  });

  it("reports nothing unused, since 'on' and 'today' are filler", () => {
    expect(advice(text).unused).toEqual([]);
  });
});

describe("understand: unused fragments", () => {
  it("reports a fragment that meant something but maps to no field", () => {
    expect(advice("500k requests a month with a blue logo").unused).toEqual(["with a blue logo"]);
  });

  it("joins contiguous leftover words into one fragment and keeps separate clauses apart", () => {
    expect(advice("we sell blue widgets, 2M requests a month, founded in Berlin").unused).toEqual([
      "we sell blue widgets",
      "founded in Berlin",
    ]);
  });

  it("does not report filler words", () => {
    const r = advice("what should we use today, please? we are on gpt-4o-mini");
    expect(r.unused).toEqual([]);
    expect(r.profile).toEqual({ currentModel: "gpt-4o-mini" });
  });

  it("reports an unknown model with the catalog's suggestion", () => {
    const r = advice("we run gpt-9-ultra for 10k requests a day");
    expect(r.profile).toEqual({ requestsPerDay: 10_000 });
    expect(r.unused).toEqual(["gpt-9-ultra (unknown model; did you mean gpt-6-astra?)"]);
  });

  it("reports a second, conflicting volume instead of dropping it silently", () => {
    const r = advice("500k requests a month, or maybe 800k requests a month");
    expect(r.profile.requestsPerMonth).toBe(500_000);
    expect(r.unused).toEqual(['800k requests a month (already read "500k requests a month")']);
  });
});

describe("understand: a question as people write it", () => {
  const text =
    "We're a 10-person startup building a customer support chatbot. About 50k conversations a month, " +
    "~1,500 tokens in and 300 out. EU customers so GDPR matters. Our intent is fine. We have a small DevOps " +
    "team on AWS; what is the break-even for self-hosting Llama 3.1 70B over 3 years?";

  it("reads the facts", () => {
    expect(advice(text).profile).toEqual({
      useCase: "chat",
      requestsPerMonth: 50_000,
      inputTokensPerRequest: 1_500,
      outputTokensPerRequest: 300,
      compliance: ["gdpr"],
      team: "small-devops",
      cloud: "aws",
      candidateModels: ["llama-3.1-70b"],
      horizonMonths: 36,
    });
  });

  it("reports only the fragments with meaning of their own", () => {
    expect(advice(text).unused).toEqual([
      "We're a 10-person startup building",
      "EU customers",
      "matters",
      "Our intent is fine",
    ]);
  });
});

describe("understand: refusals", () => {
  it.each([
    [
      "0 requests a month",
      '"0 requests a month" is a volume of zero, which costs nothing; give a volume above zero',
    ],
    ["0.5 requests a day", '"0.5 requests a day": requests and calls are whole; give a whole number'],
    [
      "0 minutes per call",
      '"0 minutes per call": a call of zero minutes costs nothing; give the minutes per call',
    ],
  ])("refuses %j", (text, problem) => {
    expect(problems(text)).toEqual([problem]);
  });

  it("refuses a negative volume, naming the words", () => {
    expect(problems("-500 requests a month")).toEqual([
      'requests per month cannot be negative: "-500 requests a month"',
    ]);
  });

  it("refuses a volume beyond what the tool models, with the maximum", () => {
    expect(problems("1e15 requests a month")).toEqual([
      "1e15 requests a month is beyond what this tool models (max 100,000,000,000)",
    ]);
  });

  it("refuses zero tokens both ways", () => {
    expect(problems("0 in / 0 out tokens")).toEqual([
      "zero input and zero output tokens per request: such a request costs nothing; give the tokens",
    ]);
  });

  it("refuses more cached tokens than input tokens", () => {
    expect(problems("800 input tokens, 900 of them cached")).toEqual([
      "cached input tokens (900) cannot exceed input tokens (800): input tokens include the cached ones",
    ]);
  });

  it("lists every problem, one line each", () => {
    expect(problems("-5 requests a day and 0 in / 0 out tokens")).toHaveLength(2);
  });

  it("refuses 100 KB of text without reading it", () => {
    const text = "500k requests a month ".repeat(5_000).slice(0, 102_400);
    expect(problems(text)).toEqual(["question too long (102,400 characters; the limit is 10,000)"]);
  });

  it("reads text of exactly the limit", () => {
    expect(understand("x".repeat(10_000), catalog).kind).toBe("advice");
  });
});

describe("understand: empty and concept questions", () => {
  it.each(["", "   ", "\n\t "])("returns empty for %j", (text) => {
    expect(understand(text, catalog)).toEqual({ kind: "empty" });
  });

  it("answers a concept question as a concept", () => {
    expect(understand("open weights vs open source?", catalog)).toEqual({
      kind: "concept",
      conceptId: "open-weights-vs-open-source",
    });
  });

  it("treats a concept word inside a workload question as advice", () => {
    const r = advice("we have 2M requests, should we use LoRA?");
    expect(r.profile).toEqual({ requestsPerMonth: 2_000_000, customization: "fine-tuning" });
  });
});

describe("understand: any string", () => {
  const KINDS = ["advice", "concept", "empty", "invalid"];

  it("never throws and always returns one of the four kinds", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        expect(KINDS).toContain(understand(text, catalog).kind);
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on text built from the words it reads", () => {
    const words = fc.constantFrom(
      "500k",
      "-3",
      "1e15",
      "requests",
      "a month",
      "/day",
      "in",
      "/",
      "out",
      "tokens",
      "gpt-4o",
      "llama",
      "3.1",
      "70b",
      "x",
      "%",
      "HIPAA",
      "no",
      "ML team",
      "$",
      "2k",
      "budget",
      "peak",
      "5x",
      "A100s",
      "we have",
      "cached",
      "of them",
      "0",
      ",",
      "?",
      "4o",
      "voice",
      "calls",
      "minutes per call",
      "open weights",
    );
    fc.assert(
      fc.property(fc.array(words, { maxLength: 30 }), (parts) => {
        expect(KINDS).toContain(understand(parts.join(" "), catalog).kind);
      }),
      { numRuns: 300 },
    );
  });

  // Its speed is measured in `npm run bench`, not here.
  it("reads a question at the length limit, keeping the first of each repeated fact", () => {
    const text = "we have 2 A100s, 500k requests a month, gpt-4o or llama 3.1 70b? "
      .repeat(160)
      .slice(0, 10_000);
    const r = understand(text, catalog);
    expect(r.kind).toBe("advice");
    if (r.kind === "advice") {
      expect(r.profile.requestsPerMonth).toBe(500_000);
      expect(r.unused.length).toBeGreaterThan(0);
    }
  });
});

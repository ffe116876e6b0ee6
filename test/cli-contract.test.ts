import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { run } from "../src/cli/main.js";
import { AdviceJsonSchema } from "../src/render/json.js";
import {
  BreakevenJsonSchema,
  ConceptJsonSchema,
  CostJsonSchema,
  VoiceJsonSchema,
} from "../src/render/json-documents.js";

/** The CLI driven in-process through its real entry function, with captured output. */
async function cli(args: string[]) {
  let out = "";
  let err = "";
  const code = await run(
    args,
    {
      out: (t) => {
        out += t;
      },
      err: (t) => {
        err += t;
      },
      now: () => new Date("2026-12-05T12:00:00Z"),
    },
    {},
  );
  return { code, out, err };
}

/** Parses with the schema and checks nothing was dropped: every field printed is in the contract. */
async function document(schema: z.ZodType, args: string[]) {
  const r = await cli([...args, "--format", "json"]);
  expect(r.err).toBe("");
  const body = JSON.parse(r.out) as unknown;
  expect(schema.parse(body)).toEqual(body);
  return body as Record<string, unknown>;
}

const TOKENS = ["--input-tokens", "500", "--output-tokens", "200"];

describe("every JSON document the CLI prints matches its schema, field for field", () => {
  it.each<[string, z.ZodType, string[]]>([
    ["cost, monthly", CostJsonSchema, ["cost", "-m", "gpt-4o-mini", "-r", "100k", ...TOKENS]],
    ["cost, daily", CostJsonSchema, ["cost", "-m", "gpt-4o", "--requests-per-day", "1000", ...TOKENS]],
    ["voice", VoiceJsonSchema, ["voice", "--calls", "500", "--nlu-model", "gpt-4", "--prices", "seed-002"]],
    ["breakeven", BreakevenJsonSchema, ["breakeven", "-m", "gpt-4o-mini", "-r", "1M", ...TOKENS]],
    ["breakeven without a volume", BreakevenJsonSchema, ["breakeven", "-m", "gpt-4o-mini", ...TOKENS]],
    ["a concept", ConceptJsonSchema, ["what does shadow mode mean?"]],
    ["a concept with public sources", ConceptJsonSchema, ["what is HIPAA?"]],
    ["advice, with its understanding", AdviceJsonSchema, ["500k requests a month, HIPAA, on gpt-4o-mini"]],
  ])("%s", async (_name, schema, args) => {
    await document(schema, args);
  });

  it("includes what the question was read as in the Advice document", async () => {
    const body = await document(AdviceJsonSchema, ["500k requests a month with a blue logo"]);
    expect(body.understanding).toEqual({
      understood: [{ field: "requestsPerMonth", value: 500_000, text: "500k requests a month" }],
      unused: ["with a blue logo"],
    });
  });

  it("keeps voice's warnings in the contract", async () => {
    const body = await document(VoiceJsonSchema, ["voice", "--calls", "500", "--nlu-model", "gpt-4"]);
    expect((body.warnings as string[])[0]).toContain("gpt-4 was retired on 2026-10-23");
  });
});

describe("breakeven without --requests", () => {
  it("reports the volume and both sides' costs at it as null, not zero", async () => {
    const body = await document(BreakevenJsonSchema, ["breakeven", "-m", "gpt-4o-mini", ...TOKENS]);
    expect(body).toMatchObject({
      requestsPerMonth: null,
      recommendation: null,
      savingsUsd: null,
      api: { monthlyCostUsd: null },
      selfHosted: { monthlyCostUsd: null },
    });
    // 9,500 / (500/1e6 × 0.15 + 200/1e6 × 0.60) = 9,500 / 0.000195 = 48,717,948.7 → 48,717,949.
    expect(body.breakEven).toMatchObject({ requestsPerMonth: 48_717_949 });
  });

  it("prices both sides at the reported whole volume and says 'either way' only within a cent", async () => {
    const r = await cli(["breakeven", "-m", "gpt-4o-mini", ...TOKENS]);
    // At 48,717,949 requests the API costs 48,717,949 × $0.000195 = $9,500.000055 → $9,500.00, as does 003's flat $9,500.
    expect(r.out).toContain("Break-even: 48,717,949 requests a month ($9,500.00 a month either way)");
  });
});

describe("refusals: exit code 2 and one line naming what to fix", () => {
  const COST = ["cost", "-m", "gpt-4o-mini", ...TOKENS];
  const BE = ["breakeven", "-m", "gpt-4o-mini", ...TOKENS];
  it.each<[string, string[], string]>([
    ["zero requests", [...COST, "--requests", "0"], "--requests must be above zero; zero costs nothing"],
    [
      "a fraction of a request",
      [...COST, "--requests", "1e-3"],
      "--requests must be a whole number; got 1e-3",
    ],
    [
      "a comma as a decimal point",
      [...COST, "--requests", "1,5M"],
      '--requests "1,5M" is ambiguous: a comma separates thousands here; write 1.5M or 1,500,000',
    ],
    ["zero calls", ["voice", "--calls", "0"], "--calls must be above zero; zero costs nothing"],
    [
      "zero minutes",
      ["voice", "--calls", "10", "--minutes", "0"],
      "--minutes must be above zero; zero costs nothing",
    ],
    [
      "zero in words",
      ["0 requests a month"],
      '"0 requests a month" is a volume of zero, which costs nothing; give a volume above zero',
    ],
    [
      "a day February lacks",
      ["1M requests", "--today", "2026-02-30"],
      '--today expects a real date written YYYY-MM-DD; got "2026-02-30"',
    ],
    [
      "year zero",
      ["1M requests", "--today", "0000-01-01"],
      "--today must be between 2000-01-01 and 2099-12-31; got 0000-01-01",
    ],
    [
      "a flat cost and a model to size",
      [...BE, "--self-hosted-monthly", "5000", "--self-hosted", "llama-3.1-8b"],
      "give either --self-hosted (size a model) or --self-hosted-monthly (a flat cost), not both",
    ],
    [
      "--cloud with nothing to size",
      [...BE, "--cloud", "azure"],
      "--cloud sizes the model given with --self-hosted; add --self-hosted <model> or drop --cloud",
    ],
    [
      "zero break-even volume",
      [...BE, "--requests", "0"],
      "--requests must be above zero; zero costs nothing",
    ],
  ])("%s", async (_name, args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`${message}\n`);
    expect(r.out).toBe("");
  });

  it("does not echo a 5,000-character model name back whole", async () => {
    const r = await cli(["cost", "-m", "x".repeat(5000), "-r", "10", ...TOKENS]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`--model "${"x".repeat(37)}..." is longer than any model name (max 100 characters)\n`);
  });

  it("refuses zero calls in words too", async () => {
    const r = await cli(["0 calls a month for a voice assistant"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("is a volume of zero");
  });
});

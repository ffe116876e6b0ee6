import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { run } from "../src/cli/main.js";
import { NOTHING_READ } from "../src/render/concept.js";
import { AdviceJsonSchema } from "../src/render/json.js";

/** The CLI driven in-process through its real entry function, with captured output. */
async function cli(args: string[], env: Record<string, string | undefined> = {}) {
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
      now: () => new Date("2026-11-21T12:00:00Z"),
    },
    env,
  );
  return { code, out, err };
}

interface BreakevenJson {
  api: { monthlyCostUsd: number };
  selfHosted: { monthlyCostUsd: number; description: string };
  recommendation: string;
  savingsUsd: number;
  breakEven: { requestsPerMonth: number };
}

const json = (text: string) =>
  JSON.parse(text) as Record<string, unknown> & { lineItems: Array<Record<string, unknown>> };

describe("llm-advise cost", () => {
  it("prints 000's example as line items: $7.50 + $12.00 = $19.50", async () => {
    const r = await cli([
      "cost",
      "--model",
      "gpt-4o-mini",
      "--requests",
      "100k",
      "--input-tokens",
      "500",
      "--output-tokens",
      "200",
    ]);
    expect(r.code).toBe(0);
    // 100,000 × 500 = 50M tokens × $0.15 = $7.50; 100,000 × 200 = 20M × $0.60 = $12.00.
    expect(r.out).toContain("50M tokens at $0.15 per 1M tokens = $7.50");
    expect(r.out).toContain("20M tokens at $0.60 per 1M tokens = $12.00");
    expect(r.out).toContain("Total: $19.50");
  });

  it("gives the JSON contract: top-level monthlyCostUsd and lineItems", async () => {
    const r = await cli([
      "cost",
      "-m",
      "gpt-4o-mini",
      "-r",
      "100000",
      "--input-tokens",
      "500",
      "--cached-input-tokens",
      "300",
      "--output-tokens",
      "200",
      "--format",
      "json",
    ]);
    expect(r.code).toBe(0);
    const body = json(r.out);
    // Uncached 200 × 100,000 = 20M × $0.15 = $3.00; cached 300 × 100,000 = 30M × $0.075 = $2.25; output $12.00.
    expect(body.monthlyCostUsd).toBe(17.25);
    expect(body.lineItems.map((l) => l.costUsd)).toEqual([3, 2.25, 12]);
  });

  it("turns a daily volume into 003's daily, monthly (×30) and yearly (×365) figures", async () => {
    const r = await cli([
      "cost",
      "-m",
      "gpt-4o",
      "--requests-per-day",
      "1000",
      "--input-tokens",
      "500",
      "--output-tokens",
      "200",
      "-f",
      "json",
    ]);
    // Daily: 1,000 × 500 / 1M × $2.50 + 1,000 × 200 / 1M × $10.00 = $1.25 + $2.00 = $3.25.
    const period = json(r.out).period as Record<string, number>;
    expect(period).toMatchObject({ dailyUsd: 3.25, monthlyUsd: 97.5, yearlyUsd: 1186.25 });
  });

  it("keeps a month's line items under lineItems, adding up to monthlyCostUsd, and the day's under daily", async () => {
    const r = await cli([
      "cost",
      "-m",
      "gpt-4o",
      "--requests-per-day",
      "1000",
      "--input-tokens",
      "500",
      "--output-tokens",
      "200",
      "-f",
      "json",
    ]);
    const body = json(r.out);
    // A month is 1,000 × 30 = 30,000 requests: 15M input tokens × $2.50 = $37.50, 6M output × $10 = $60.00.
    expect(body.lineItems.map((l) => l.costUsd)).toEqual([37.5, 60]);
    expect(body.monthlyCostUsd).toBe(97.5);
    // A day: 0.5M × $2.50 = $1.25 and 0.2M × $10 = $2.00, $3.25 in all.
    const daily = body.daily as { costUsd: number; lineItems: Array<{ costUsd: number }> };
    expect(daily.lineItems.map((l) => l.costUsd)).toEqual([1.25, 2]);
    expect(daily.costUsd).toBe(3.25);
  });

  it("halves the price with --batch where the provider has a batch API", async () => {
    const r = await cli([
      "cost",
      "-m",
      "gpt-4o-mini",
      "-r",
      "100000",
      "--input-tokens",
      "500",
      "--output-tokens",
      "200",
      "--batch",
      "-f",
      "json",
    ]);
    // $19.50 × 0.5 = $9.75.
    expect(json(r.out).monthlyCostUsd).toBe(9.75);
  });
});

describe("llm-advise breakeven", () => {
  it("reproduces 003's calculate_breakeven for 1M requests at 500/200", async () => {
    const r = await cli([
      "breakeven",
      "--model",
      "gpt-4o-mini",
      "--input-tokens",
      "500",
      "--output-tokens",
      "200",
      "--requests",
      "1M",
      "-f",
      "json",
    ]);
    expect(r.code).toBe(0);
    const body = json(r.out) as unknown as BreakevenJson;
    // API: 1M × 500 / 1M × 0.15 + 1M × 200 / 1M × 0.60 = 75 + 120 = $195; self-hosted 8000 + 500 + 1000 = $9,500.
    expect(body.api.monthlyCostUsd).toBe(195);
    expect(body.selfHosted.monthlyCostUsd).toBe(9500);
    expect(body.recommendation).toBe("Use API");
    expect(body.savingsUsd).toBe(9305);
    // 9500 / (500/1e6 × 0.15 + 200/1e6 × 0.60) = 9500 / 0.000195 = 48,717,948.7 → 48,717,949.
    expect(body.breakEven.requestsPerMonth).toBe(48_717_949);
  });

  it("sizes a self-hosted model on GPUs when asked", async () => {
    const r = await cli([
      "breakeven",
      "-m",
      "gpt-4o",
      "--input-tokens",
      "500",
      "--output-tokens",
      "200",
      "--self-hosted",
      "llama-3.1-8b",
      "--requests",
      "5M",
      "-f",
      "json",
    ]);
    expect(r.code).toBe(0);
    const body = json(r.out) as unknown as BreakevenJson;
    expect(body.selfHosted.description).toContain("Llama 3.1 8B");
    expect(body.breakEven.requestsPerMonth).toBeGreaterThan(0);
  });
});

describe("llm-advise voice", () => {
  it("reproduces 002's 500 calls × 3 minutes: $12.75 + $9.00 + $3.00 + $3.75 = $28.50", async () => {
    const r = await cli([
      "voice",
      "--calls",
      "500",
      "--minutes",
      "3",
      "--sms",
      "1",
      "--nlu-model",
      "gpt-4",
      "--prices",
      "seed-002",
      "-f",
      "json",
    ]);
    expect(r.code).toBe(0);
    const body = json(r.out);
    // 1,500 min × $0.0085 = $12.75; 1,500 × $0.006 = $9.00; 100,000 tokens × $30/M = $3.00; 500 × $0.0075 = $3.75.
    expect(body.lineItems.map((l) => l.costUsd)).toEqual([12.75, 9, 3, 3.75]);
    expect(body.monthlyCostUsd).toBe(28.5);
    expect((body.warnings as string[])[0]).toContain("gpt-4 was retired on 2026-10-23");
  });
});

describe("llm-advise <question>", () => {
  it("answers a question with the contract's fields", async () => {
    const r = await cli([
      "500k requests/month, 800 in / 200 out tokens, HIPAA, no ML team, on gpt-4o-mini today",
      "--format",
      "json",
    ]);
    expect(r.code).toBe(0);
    const body = AdviceJsonSchema.parse(json(r.out));
    expect(body.verdict).toBe("private-cloud");
    expect(body.options[0]?.monthlyCostUsd).toBeGreaterThan(0);
    expect(body.reasons.map((x) => x.rule)).toContain("compliance.strict");
    expect(body.reasons.every((x) => x.source.length > 0)).toBe(true);
    expect(body.breakEven).toHaveProperty("requestsPerMonth");
  });

  it("answers a concept question from the seeds instead of a cost table", async () => {
    const r = await cli(["what does shadow mode mean?"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Shadow");
    expect(r.out).toContain("seeds/004_6527799eb7821511.txt");
    expect(r.out).not.toContain("Options (monthly bill");
  });

  it("tells back what it could not use", async () => {
    const r = await cli(["2M requests a month on gpt-9-ultra"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("I could not use:");
    expect(r.out).toContain("gpt-9-ultra");
  });

  it("renders Markdown with a table of options", async () => {
    const r = await cli(["1M requests a month", "-f", "markdown"]);
    expect(r.out).toMatch(/^## /);
    expect(r.out).toContain("| # | Deployment | Model |");
  });
});

describe("llm-advise's own words", () => {
  const version = (JSON.parse(readFileSync("package.json", "utf8")) as { version: string }).version;

  it.each([[["help"]], [["--help"]], [[]]])("%j prints the help", async (args) => {
    const r = await cli(args);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Usage: llm-advise");
    expect(r.out).not.toContain("Summary:");
  });

  it.each([[["version"]], [["--version"]], [["-V"]]])("%j prints package.json's version", async (args) => {
    const r = await cli(args);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`${version}\n`);
  });

  it.each(["hello", "🙂🙂🙂", "thanks!"])(
    "%j says first that nothing was read and the answer is the defaults'",
    async (question) => {
      const r = await cli([question]);
      expect(r.code).toBe(0);
      const nothing = r.out.indexOf(NOTHING_READ);
      expect(nothing).toBeGreaterThan(0);
      expect(nothing).toBeLessThan(r.out.indexOf("Options (monthly bill"));
    },
  );

  it("says which command was meant for a slip of the keyboard", async () => {
    const r = await cli(["cots", "--model", "gpt-4o-mini"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe('unknown command "cots"; did you mean cost? (see llm-advise --help)\n');
  });

  it("explains that a question starting with a dash needs --, and then refuses the negative volume", async () => {
    const dashed = await cli(["-5000 requests a month"]);
    expect(dashed.code).toBe(2);
    expect(dashed.err).toContain('a question starting with "-" needs -- before it');
    const quoted = await cli(["--", "-5000 requests a month"]);
    expect(quoted.code).toBe(2);
    expect(quoted.err).toBe('requests per month cannot be negative: "-5000 requests a month"\n');
  });

  it("puts a blank line before each Markdown block of what was read, so no heading joins a list item", async () => {
    const r = await cli(["2M requests a month on gpt-9-ultra", "-f", "markdown"]);
    expect(r.out).toMatch(
      /"2M requests a month" → requestsPerMonth = 2000000\n\n\*\*I could not use:\*\*\n\n- gpt-9-ultra/,
    );
  });
});

describe("bad input: exit code 2 and one clear line on stderr", () => {
  const cases: Array<[string, string[], RegExp]> = [
    [
      "negative volume",
      ["cost", "-m", "gpt-4o-mini", "-r", "-5", "--input-tokens", "1", "--output-tokens", "1"],
      /cannot be negative/,
    ],
    [
      "absurd volume",
      ["cost", "-m", "gpt-4o-mini", "-r", "1e15", "--input-tokens", "1", "--output-tokens", "1"],
      /beyond what this tool models/,
    ],
    [
      "zero tokens",
      ["cost", "-m", "gpt-4o-mini", "-r", "10", "--input-tokens", "0", "--output-tokens", "0"],
      /zero input and zero output tokens/,
    ],
    [
      "unknown model",
      ["cost", "-m", "gpt-4o-mni", "-r", "10", "--input-tokens", "1", "--output-tokens", "1"],
      /no price for "gpt-4o-mni"; did you mean gpt-4o-mini/,
    ],
    [
      "not a number",
      ["cost", "-m", "gpt-4o-mini", "-r", "lots", "--input-tokens", "1", "--output-tokens", "1"],
      /expects a number/,
    ],
    ["empty question", [""], /no question given/],
    ["absurd question volume", ["1e15 requests a month"], /beyond what this tool models/],
    ["unknown option", ["cost", "--colour", "red"], /unknown option/],
    ["bad format", ["hello", "--format", "xml"], /xml/],
    ["bad date", ["1M requests", "--today", "tomorrow"], /YYYY-MM-DD/],
    [
      "cached above input",
      [
        "cost",
        "-m",
        "gpt-4o-mini",
        "-r",
        "10",
        "--input-tokens",
        "5",
        "--cached-input-tokens",
        "6",
        "--output-tokens",
        "1",
      ],
      /cannot exceed/,
    ],
    ["voice without calls", ["voice"], /--calls is required/],
  ];
  it.each(cases)("%s", async (_name, args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.out).toBe("");
  });

  it("refuses 100 KB of text in one line", async () => {
    const r = await cli(["x".repeat(100_000)]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/too long/);
    expect(r.err.trim().split("\n")).toHaveLength(1);
  });
});

describe("CATALOG_FILE", () => {
  it("overrides a price and the answer follows it", async () => {
    const dir = await mkdtemp(join(tmpdir(), "llm-advise-"));
    const file = join(dir, "catalog.yaml");
    await writeFile(
      file,
      [
        "hostedPrices:",
        "  - id: acme-chat",
        "    providerId: acme",
        "    model: acme-chat",
        "    inputPerMTokUsd: 1",
        "    outputPerMTokUsd: 2",
        "    asOf: 2026-11-01",
        "    source: https://acme.example/pricing",
      ].join("\n"),
    );
    const r = await cli(
      [
        "cost",
        "-m",
        "acme-chat",
        "-r",
        "1M",
        "--input-tokens",
        "100",
        "--output-tokens",
        "100",
        "-f",
        "json",
      ],
      { CATALOG_FILE: file },
    );
    // 1M × 100 / 1M × $1 + 1M × 100 / 1M × $2 = $100 + $200 = $300.
    expect(json(r.out).monthlyCostUsd).toBe(300);
  });

  it("rejects a bad file naming the path and the field", async () => {
    const dir = await mkdtemp(join(tmpdir(), "llm-advise-"));
    const file = join(dir, "bad.json");
    await writeFile(
      file,
      JSON.stringify({
        gpuInstances: [
          {
            id: "x",
            name: "x",
            cloud: "aws",
            service: "ec2",
            gpuType: "L4",
            gpuCount: 1,
            gpuMemoryGb: 24,
            hourlyUsd: "cheap",
            asOf: "2026-01-01",
            source: "https://x.example",
          },
        ],
      }),
    );
    const r = await cli(
      ["cost", "-m", "gpt-4o-mini", "-r", "1", "--input-tokens", "1", "--output-tokens", "1"],
      { CATALOG_FILE: file },
    );
    expect(r.code).toBe(2);
    expect(r.err).toContain(file);
    expect(r.err).toContain("gpuInstances[0].hourlyUsd");
  });

  it("rejects a missing file", async () => {
    const r = await cli(["1M requests"], { CATALOG_FILE: "/nonexistent/catalog.yaml" });
    expect(r.code).toBe(2);
    expect(r.err).toContain("/nonexistent/catalog.yaml: cannot read the catalog file (no such file)");
  });
});

describe("the installed command", () => {
  const exec = promisify(execFile);
  it("runs through bin/llm-advise.js as npx would", async () => {
    const { stdout } = await exec(process.execPath, [
      "bin/llm-advise.js",
      "cost",
      "-m",
      "gpt-4o-mini",
      "-r",
      "100000",
      "--input-tokens",
      "500",
      "--output-tokens",
      "200",
    ]);
    expect(stdout).toContain("Total: $19.50");
  });

  it("exits 2 with one line on stderr for bad input", async () => {
    const failure = await exec(process.execPath, [
      "bin/llm-advise.js",
      "cost",
      "-m",
      "nope-model",
      "-r",
      "1",
      "--input-tokens",
      "1",
      "--output-tokens",
      "1",
    ]).catch((e: { code: number; stderr: string }) => e);
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr.trim()).toBe('no price for "nope-model"');
  });

  it("loads none of digest's SDKs unless digest runs", async () => {
    // A resolve hook reports each heavy package the CLI asks for; --help must ask for none.
    const dir = await mkdtemp(join(tmpdir(), "llm-advise-hooks-"));
    const heavy = String.raw`/@slack\/bolt|botbuilder|@electric-sql\/pglite|^pg$|^vega|@resvg|^express$/`;
    await writeFile(
      join(dir, "hooks.mjs"),
      `export async function resolve(s, c, next) { if (${heavy}.test(s)) process.stderr.write("LOADED " + s + "\\n"); return next(s, c); }`,
    );
    await writeFile(
      join(dir, "register.mjs"),
      `import { register } from "node:module"; register(${JSON.stringify(`file://${join(dir, "hooks.mjs")}`)});`,
    );
    const script = (args: string[], env: Record<string, string>) =>
      `const m = await import(${JSON.stringify(join(process.cwd(), "src/cli/main.ts"))}); await m.run(${JSON.stringify(args)}, { out() {}, err() {}, now: () => new Date() }, ${JSON.stringify(env)});`;
    const node = (args: string[], env: Record<string, string> = {}) =>
      exec(process.execPath, [
        "--import",
        join(dir, "register.mjs"),
        "--import",
        "tsx",
        "-e",
        script(args, env),
      ]);
    expect((await node(["--help"])).stderr).toBe("");
    // digest's own help is declared without them; running one of its commands loads them.
    expect((await node(["digest", "--help"])).stderr).toBe("");
    expect((await node(["digest", "preview", "abcdef"], { DATA_DIR: join(dir, "data") })).stderr).toContain(
      "LOADED @slack/bolt",
    );
  }, 120_000);

  it("reads .env from the working directory, and the real environment wins over it", async () => {
    const dir = await mkdtemp(join(tmpdir(), "llm-advise-env-"));
    await writeFile(join(dir, ".env"), "CATALOG_FILE=/nonexistent/from-dotenv.yaml\n");
    const bin = join(process.cwd(), "bin/llm-advise.js");
    const args = [bin, "cost", "-m", "gpt-4o-mini", "-r", "1", "--input-tokens", "1", "--output-tokens", "1"];
    const { CATALOG_FILE: _unset, ...env } = process.env;
    const fromFile = await exec(process.execPath, args, { cwd: dir, env }).catch(
      (e: { stderr: string }) => e,
    );
    expect((fromFile as { stderr: string }).stderr).toContain("/nonexistent/from-dotenv.yaml");
    const real = await exec(process.execPath, args, {
      cwd: dir,
      env: { ...env, CATALOG_FILE: "/nonexistent/from-env.yaml" },
    }).catch((e: { stderr: string }) => e);
    expect((real as { stderr: string }).stderr).toContain("/nonexistent/from-env.yaml");
  });

  it("prints help for every command", async () => {
    for (const args of [
      ["--help"],
      ["cost", "--help"],
      ["breakeven", "--help"],
      ["voice", "--help"],
      ["catalog", "--help"],
    ]) {
      const { stdout } = await exec(process.execPath, ["bin/llm-advise.js", ...args]);
      expect(stdout).toContain("Usage: llm-advise");
    }
    // Five processes in a row on a shared two-core machine: a generous limit, not a speed check.
  }, 120_000);
});

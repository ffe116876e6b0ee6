import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEAMS_PACKAGE_VARIABLES } from "../scripts/package-teams.js";
import { buildProgram, run } from "../src/cli/main.js";
import { ENV_VARIABLES } from "../src/config.js";
import { createHttpApp, listen, type RunningServer } from "../src/http/server.js";
import { silentLogger } from "../src/logging.js";
import { createMetrics } from "../src/metrics.js";
import {
  countPaths,
  defaultProblems,
  envValueProblems,
  metricProblems,
  parseReadme,
  pathProblems,
  type RouteProbe,
  routeAndCommandProblems,
} from "./support/readme-checks.js";

/**
 * The README is a promise: every script, command, flag, path and environment variable it names
 * must exist, every variable the product reads must be documented (README and .env.example), and
 * the command-line examples it shows must run.
 */

const readme = readFileSync("README.md", "utf8");
const envExample = readFileSync(".env.example", "utf8");
const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };

/** Variables read outside the product: by the test and benchmark harnesses. */
const HARNESS_VARIABLES = ["TEST_DATABASE_URL", "BENCH_DATABASE_URL"];
/** The PostgreSQL image's own variables in the compose example. */
const IMAGE_VARIABLE = /^POSTGRES_/;

const { codeSpans, codeBlocks, shellLines } = parseReadme(readme);

/** Text that shows commands: code spans and shell lines. */
const commandTexts = [...codeSpans, ...shellLines];

const program = buildProgram({ out: () => {}, err: () => {}, now: () => new Date() }, {});

function findCommand(path: string[]): Command | null {
  let cmd: Command = program;
  for (const name of path) {
    const next = cmd.commands.find((c) => c.name() === name);
    if (!next) return null;
    cmd = next;
  }
  return cmd;
}

/** `llm-advise cost --model x` → { path: ["cost"], flags: ["--model"] }; questions have no path. */
function cliMentions(text: string): Array<{ path: string[]; flags: string[]; text: string }> {
  const out: Array<{ path: string[]; flags: string[]; text: string }> = [];
  // Not `/llm-advise` (Slack's slash command) and not the package name llm-advisor.
  for (const m of text.matchAll(/(?<![/\w-])llm-advise(?![\w-])((?:\s+[^\s]+)*)/g)) {
    const words = (m[1] ?? "").trim().split(/\s+/).filter(Boolean);
    const path: string[] = [];
    let cmd: Command = program;
    for (const w of words) {
      const sub = cmd.commands.find((c) => c.name() === w);
      if (!sub) break;
      path.push(w);
      cmd = sub;
    }
    // A bare lower-case word right after llm-advise that is no command is a typo, not a question
    // (questions are quoted).
    const first = words[path.length];
    if (path.length === 0 && first && /^[a-z][a-z-]*$/.test(first)) path.push(first);
    const flags = words.filter((w) => /^--[a-z]/.test(w)).map((w) => w.replace(/[=\]].*$/, ""));
    out.push({ path, flags, text: m[0] });
  }
  return out;
}

const optionNames = (cmd: Command) => new Set(["--help", ...cmd.options.map((o) => o.long ?? "")]);

describe("the README's scripts", () => {
  const npmBuiltins = new Set(["install", "ci", "test", "start"]);
  const named = [
    ...new Set(
      [...readme.matchAll(/\bnpm run ([a-z][\w:-]*)/g), ...readme.matchAll(/\bnpm (test|start)\b/g)].map(
        (m) => m[1] ?? "",
      ),
    ),
  ];

  it("names only scripts package.json has", () => {
    expect(named.length).toBeGreaterThan(5);
    for (const s of named) expect(pkg.scripts, `npm run ${s}`).toHaveProperty(s);
    // npm's own commands, as used in the quick start.
    for (const m of readme.matchAll(/\bnpm ([a-z]+)\b/g))
      if (m[1] !== "run") expect(npmBuiltins, `npm ${m[1]}`).toContain(m[1]);
  });

  it("has the two quick-start commands, and .ci/run runs the second", () => {
    const quick = readme.slice(readme.indexOf("## Quick start"), readme.indexOf("## What an answer"));
    expect(quick).toContain("npm install && npm start");
    expect(quick).toContain("npm install && npm test");
    const ci = readFileSync(".ci/run", "utf8");
    expect(ci).toMatch(/^npm ci$/m);
    expect(ci).toMatch(/^npm test$/m);
  });
});

describe("the README's llm-advise commands", () => {
  const mentions = commandTexts.flatMap(cliMentions);

  it("are commands of the CLI, with flags those commands take", () => {
    expect(mentions.length).toBeGreaterThan(10);
    for (const m of mentions) {
      const cmd = findCommand(m.path);
      expect(cmd, `${m.text}: no command "${m.path.join(" ")}"`).not.toBeNull();
      if (!cmd) continue;
      const known = optionNames(cmd);
      for (const f of m.flags) expect(known, `${m.text}: ${f}`).toContain(f);
    }
  });

  it("in the commands table take every flag their row describes", () => {
    const table = readme.slice(readme.indexOf("## Commands"), readme.indexOf("## The JSON contract"));
    const rows = table.split("\n").filter((l) => l.startsWith("| `llm-advise"));
    expect(rows.length).toBeGreaterThanOrEqual(7);
    for (const row of rows) {
      const [, first = "", rest = ""] = row.split("|");
      const mention = cliMentions(first.replace(/`/g, ""))[0];
      const cmd = mention ? findCommand(mention.path) : null;
      expect(cmd, row.slice(0, 60)).not.toBeNull();
      if (!cmd) continue;
      const known = optionNames(cmd);
      for (const f of rest.matchAll(/`(--[a-z][\w-]*)/g))
        expect(known, `${first.trim()}: ${f[1]}`).toContain(f[1]);
    }
  });

  it("run as shown (every shell example without a provider or chat credential)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "readme-"));
    // The catalog override example's file, exactly as the README shows it.
    const yaml = codeBlocks.find((b) => b.lang === "yaml" && b.body.startsWith("# my-catalog.yaml"));
    expect(yaml).toBeDefined();
    await writeFile(join(dir, "my-catalog.yaml"), yaml?.body ?? "");
    const examples = shellLines.filter((l) => /^(CATALOG_FILE=\S+ )?npx llm-advise /.test(l));
    expect(examples.length).toBeGreaterThanOrEqual(2);
    for (const line of examples) {
      const env: Record<string, string> = {};
      const catalog = /^CATALOG_FILE=(\S+) /.exec(line);
      if (catalog?.[1]) env.CATALOG_FILE = join(dir, catalog[1]);
      const args = shellWords(line.replace(/^(CATALOG_FILE=\S+ )?npx llm-advise /, ""));
      let err = "";
      const code = await run(
        args,
        { out: () => {}, err: (t) => (err += t), now: () => new Date("2026-11-21T12:00:00Z") },
        env,
      );
      expect({ line, code, err }).toEqual({ line, code: 0, err: "" });
    }
  });
});

/** Splits a shell line into words, honouring double quotes (all the README's examples need). */
function shellWords(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? "");
}

describe("the README's environment variables", () => {
  const known = new Set([...ENV_VARIABLES, ...TEAMS_PACKAGE_VARIABLES, ...HARNESS_VARIABLES]);
  const config = readme.slice(readme.indexOf("## Configuration"), readme.indexOf("## Slack setup"));
  const tableVariables = [...config.matchAll(/^\| `([A-Za-z_][A-Za-z0-9_]*)`/gm)].map((m) => m[1] ?? "");
  const isVariableName = (s: string) =>
    /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$|^Microsoft[A-Za-z]+$|^PORT$|^HOST$/.test(s);
  const mentioned = new Set([
    ...codeSpans.map((s) => s.replace(/=.*$/, "")).filter(isVariableName),
    ...commandTexts.flatMap((l) =>
      [...l.matchAll(/(?:^|\s)([A-Za-z_][A-Za-z0-9_]*)=/g)].map((m) => m[1] ?? ""),
    ),
    ...codeBlocks
      .filter((b) => b.lang === "yaml")
      .flatMap((b) => [...b.body.matchAll(/^\s+([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1] ?? ""))
      .filter((v) => !IMAGE_VARIABLE.test(v)),
  ]);

  it("are all read by the product, its Teams packaging, or the test and benchmark harnesses", () => {
    expect(mentioned.size).toBeGreaterThan(40);
    for (const v of mentioned) expect(known, v).toContain(v);
  });

  it("include every variable the config schemas read, each in the configuration table once", () => {
    expect(ENV_VARIABLES.length).toBeGreaterThan(30);
    expect([...tableVariables].sort()).toEqual([...ENV_VARIABLES].sort());
  });

  it("match .env.example, which lists every variable with a comment", () => {
    const lines = envExample.split("\n");
    const listed = lines
      .map((l, i) => ({ name: /^#? ?([A-Za-z_][A-Za-z0-9_]*)=/.exec(l)?.[1], i }))
      .filter((x): x is { name: string; i: number } => x.name !== undefined);
    expect(listed.map((x) => x.name).sort()).toEqual(
      [...new Set([...ENV_VARIABLES, ...TEAMS_PACKAGE_VARIABLES])].sort(),
    );
    // Each variable sits under a comment that explains it (its own, or its group's).
    for (const { name, i } of listed) {
      const above = lines.slice(0, i).reverse();
      const comment = above.find((l) => !/^#? ?[A-Za-z_][A-Za-z0-9_]*=/.test(l));
      expect(comment, name).toMatch(/^# \S/);
    }
  });

  it("are read by the harnesses that the README says read them", () => {
    const harness = ["test/support", "bench"].flatMap((d) =>
      existsSync(d)
        ? readdirSync(d)
            .filter((f) => f.endsWith(".ts"))
            .map((f) => readFileSync(join(d, f), "utf8"))
        : [],
    );
    for (const v of HARNESS_VARIABLES)
      expect(
        harness.some((t) => t.includes(`process.env.${v}`)),
        v,
      ).toBe(true);
  });
});

describe("the README against the product", () => {
  let server: RunningServer | null = null;
  /** GET on the real HTTP app (health, readiness, metrics); Slack's and Teams' POST routes are their exported paths. */
  let probe: RouteProbe = async () => false;
  beforeAll(async () => {
    const app = createHttpApp({
      metrics: createMetrics(false),
      logger: silentLogger(),
      readiness: async () => ({ ready: true, checks: {} }),
    });
    const running = await listen(app, 0, "127.0.0.1");
    server = running;
    probe = async (path) => (await fetch(`http://127.0.0.1:${running.port}${path}`)).status !== 404;
  });
  afterAll(async () => {
    await server?.close(1000);
  });

  it("names metrics the registry has, with their labels, and every product metric", async () => {
    expect(readme).toContain("llm_advisor_");
    expect(await metricProblems(readme)).toEqual([]);
  });

  it("names HTTP routes the app serves, console commands the console takes, and buttons the answer has", async () => {
    expect(await routeAndCommandProblems(readme, probe)).toEqual([]);
  });

  it("names paths that exist, in code spans and shell examples (bin/, src/, dist/ from src/ or a script)", () => {
    expect(countPaths(readme)).toBeGreaterThan(10);
    expect(pathProblems(readme)).toEqual([]);
  });

  it("shows example values the config loader accepts (shell lines and the compose file together, spans and .env.example alone)", () => {
    expect(envValueProblems(readme, envExample)).toEqual([]);
  });

  it("gives the defaults the schemas and the code use in the configuration table", () => {
    expect(defaultProblems(readme)).toEqual([]);
  });

  /** A copy of the README with one edit: the checks must find a problem the real README does not have. */
  const broken = (from: string | RegExp, to: string): string => {
    const edited = readme.replace(from, to);
    expect(edited, `the README no longer contains ${from}`).not.toBe(readme);
    return edited;
  };
  const added = (before: string[], after: string[]) => after.filter((p) => !before.includes(p));

  it("catches a renamed metric, path, example value, default, route and console command", async () => {
    const all = async (text: string) => [
      ...(await metricProblems(text)),
      ...(await routeAndCommandProblems(text, probe)),
      ...pathProblems(text),
      ...envValueProblems(text, envExample),
      ...defaultProblems(text),
    ];
    const before = await all(readme);
    const cases: Array<[string | RegExp, string, string]> = [
      ["llm_advisor_questions_total", "llm_advisor_question_count", "metric llm_advisor_question_count"],
      ["node bin/llm-advise.js", "node bin/llm-advisor.js", "path bin/llm-advisor.js"],
      ["LLM_PROVIDER=ollama", "LLM_PROVIDER=olama", "LLM_PROVIDER"],
      [
        /(\| `DIGEST_TICK_MS` +\| )`60000`/,
        "$1`30000`",
        "DIGEST_TICK_MS: the table says `30000`, the default is 60000",
      ],
      ["GET /healthz", "GET /health", "route GET /health"],
      ["`/new`", "`/reset`", "/reset"],
    ];
    for (const [from, to, expected] of cases) {
      const found = added(before, await all(broken(from, to)));
      expect(found.join("\n"), `${String(from)} → ${to}`).toContain(expected);
    }
  });
});

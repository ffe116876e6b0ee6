import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ZodType } from "zod";
import { CONSOLE_COMMANDS } from "../../src/channels/console/console.js";
import { SLACK_EVENTS_PATH } from "../../src/channels/slack/app.js";
import { SLASH_COMMAND } from "../../src/channels/slack/index.js";
import { TEAMS_ROUTE } from "../../src/channels/teams/index.js";
import {
  ENV_SCHEMAS,
  type Env,
  listenHost,
  loadAppConfig,
  loadHttpConfig,
  loadStoreConfig,
  loadTeamsConfig,
} from "../../src/config.js";
import { createMetrics } from "../../src/metrics.js";
import { ANSWER_ACTIONS } from "../../src/render/answer-actions.js";

/**
 * Checks of the README against the product itself, each a function of the README's text that
 * returns its problems (one line each), so a test can also run it on a deliberately broken copy.
 */

export interface ParsedReadme {
  codeSpans: string[];
  codeBlocks: Array<{ lang: string; body: string }>;
  /** Lines of ```sh blocks, comments removed. */
  shellLines: string[];
}

export function parseReadme(text: string): ParsedReadme {
  const codeBlocks = [...text.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({
    lang: m[1] ?? "",
    body: m[2] ?? "",
  }));
  // Spans outside fenced blocks only: a block's ``` would pair with the wrong backticks.
  const prose = text.replace(/```\w*\n[\s\S]*?```/g, "");
  return {
    codeSpans: [...prose.matchAll(/`([^`\n]+)`/g)].map((m) => m[1] ?? ""),
    codeBlocks,
    shellLines: codeBlocks
      .filter((b) => b.lang === "sh")
      .flatMap((b) => b.body.split("\n"))
      .map((l) => l.replace(/\s+#.*$/, "").trim())
      .filter((l) => l && !l.startsWith("#")),
  };
}

// --- metrics -------------------------------------------------------------------------------------

const labelNamesOf = (metric: object): string[] => [
  ...((metric as { labelNames?: string[] }).labelNames ?? []),
];

/** Every `llm_advisor_…` name is a metric of the real registry, with the labels shown; every product metric is named. */
export async function metricProblems(text: string): Promise<string[]> {
  const types = new Map(
    createMetrics(true)
      .registry.getMetricsAsArray()
      .map((m) => [m.name, String(m.type)]),
  );
  const product = Object.values(createMetrics(false))
    .filter((m): m is object & { name: string } => typeof (m as { name?: unknown }).name === "string")
    .map((m) => ({ name: m.name, labels: labelNamesOf(m) }));
  const problems: string[] = [];
  const mentioned = new Set<string>();
  for (const m of text.matchAll(/\b(llm_advisor_[a-z0-9_]+)(\{([^}]*)\})?/g)) {
    const raw = m[1] ?? "";
    // A histogram's series: name_bucket, name_sum, name_count.
    const series = raw.replace(/_(bucket|sum|count)$/, "");
    const base = types.has(raw) ? raw : types.get(series) === "histogram" ? series : null;
    if (!base) {
      problems.push(`metric ${raw}: not in the registry`);
      continue;
    }
    mentioned.add(base);
    const shown = m[3];
    const own = product.find((p) => p.name === base);
    if (shown === undefined || !own) continue;
    const labels = shown.split(",").map((l) => l.replace(/=.*$/, "").trim());
    if ([...labels].sort().join(",") !== [...own.labels].sort().join(","))
      problems.push(`metric ${base}{${shown}}: its labels are {${own.labels.join(",")}}`);
  }
  for (const p of product) if (!mentioned.has(p.name)) problems.push(`metric ${p.name}: not documented`);
  return problems;
}

// --- HTTP routes, console and Slack commands -----------------------------------------------------

/** GET `path` on the real HTTP app answers something other than 404. */
export type RouteProbe = (path: string) => Promise<boolean>;

const POST_ROUTES = new Set([SLACK_EVENTS_PATH, TEAMS_ROUTE]);

/** Absolute paths the Dockerfile declares (VOLUME), which the README may name. */
const dockerPaths = (): Set<string> =>
  new Set(
    [...readFileSync("Dockerfile", "utf8").matchAll(/^VOLUME\s+\[([^\]]*)\]/gm)].flatMap((m) =>
      [...(m[1] ?? "").matchAll(/"([^"]+)"/g)].map((q) => q[1] ?? ""),
    ),
  );

/**
 * `GET /x` is a route of the app; `POST /x` and URLs' paths are Slack's or Teams' routes or the
 * app's; a code span starting with `/word` is a route, a console command, the Slack command or a
 * Docker volume; the console transcript's `> /command` and `> N` are commands and buttons it has.
 */
export async function routeAndCommandProblems(text: string, probe: RouteProbe): Promise<string[]> {
  const { codeSpans, codeBlocks } = parseReadme(text);
  const problems: string[] = [];
  const isGet = async (path: string) => probe(path);
  const isRoute = async (path: string) => POST_ROUTES.has(path) || (await isGet(path));
  for (const m of text.matchAll(/\b(GET|POST) (\/[\w/.-]*)/g)) {
    const [, method = "", path = ""] = m;
    const ok = method === "GET" ? await isGet(path) : POST_ROUTES.has(path);
    if (!ok) problems.push(`route ${method} ${path}: the app has no such route`);
  }
  for (const m of text.matchAll(/https?:\/\/(?:<host>|localhost:\d+|127\.0\.0\.1:\d+)(\/[\w/.-]+)/g)) {
    const path = m[1] ?? "";
    if (!(await isRoute(path))) problems.push(`route ${path}: the app has no such route`);
  }
  const commands = new Set<string>([...CONSOLE_COMMANDS, SLASH_COMMAND]);
  const volumes = dockerPaths();
  for (const span of codeSpans) {
    const word = /^\/[a-z][\w/.-]*/i.exec(span)?.[0];
    if (!word || commands.has(word) || volumes.has(word)) continue;
    if (!(await isRoute(word)))
      problems.push(`${word}: not a route, a console command, ${SLASH_COMMAND} or a volume`);
  }
  for (const block of codeBlocks.filter((b) => b.lang === "text")) {
    for (const m of block.body.matchAll(/^> (\S+)/gm)) {
      const typed = m[1] ?? "";
      if (typed.startsWith("/") && !commands.has(typed.toLowerCase()))
        problems.push(`console input ${typed}: not a console command`);
      if (/^\d+$/.test(typed) && (Number(typed) < 1 || Number(typed) > ANSWER_ACTIONS.length))
        problems.push(`console input ${typed}: the answer has buttons 1-${ANSWER_ACTIONS.length}`);
    }
  }
  return problems;
}

// --- paths ---------------------------------------------------------------------------------------

const REPO_PATH =
  /^(?:\.\/)?((?:src|test|bin|dist|manifests|scripts|bench|\.ci)\/[^\s"'`,;:)]+|\.env\.example|Dockerfile|\.dependency-cruiser\.cjs)/;

/** A README path exists: a file or folder, a glob with matches, or for dist/ its source or the script that writes it. */
function pathExists(p: string): boolean {
  const path = p.replace(/[.]$/, "");
  if (path.startsWith("dist/")) {
    if (path.endsWith(".js")) return existsSync(path.replace(/^dist\//, "src/").replace(/\.js$/, ".ts"));
    // Anything else in dist/ is written by a script, which names the file.
    const file = path.slice(path.lastIndexOf("/") + 1);
    return readdirSync("scripts").some((f) => readFileSync(join("scripts", f), "utf8").includes(`"${file}"`));
  }
  if (!path.includes("*")) return existsSync(path);
  const dir = path.slice(0, path.lastIndexOf("/"));
  const pattern = new RegExp(
    `^${path
      .slice(dir.length + 1)
      .replace(/\./g, "\\.")
      .replace(/\*/g, ".*")}$`,
  );
  return existsSync(dir) && readdirSync(dir).some((f) => pattern.test(f));
}

/** Every repository path in code spans and shell examples (`node bin/llm-advise.js`, `src/…`) exists. */
export function pathProblems(text: string): string[] {
  const { codeSpans, shellLines } = parseReadme(text);
  const words = [...codeSpans, ...shellLines].flatMap((s) => s.split(/\s+/));
  const paths = [...new Set(words.map((w) => REPO_PATH.exec(w)?.[1]).filter((p): p is string => !!p))];
  return paths.filter((p) => !pathExists(p)).map((p) => `path ${p}: does not exist`);
}

export const countPaths = (text: string): number => {
  const { codeSpans, shellLines } = parseReadme(text);
  return new Set(
    [...codeSpans, ...shellLines].flatMap((s) => s.split(/\s+/)).filter((w) => REPO_PATH.test(w)),
  ).size;
};

// --- environment values and defaults -------------------------------------------------------------

/** The schema fields that read `name` (DATA_DIR is read by two concerns). */
const fieldsOf = (name: string): ZodType[] =>
  ENV_SCHEMAS.flatMap((s) => {
    const field = (s.shape as Record<string, ZodType>)[name];
    return field ? [field] : [];
  });

/** `<resource>` in an example stands for the reader's own value. */
const filledIn = (value: string) => value.replace(/<[^>]+>/g, "example");

const valueProblem = (name: string, value: string): string | null => {
  for (const field of fieldsOf(name)) {
    const r = field.safeParse(filledIn(value));
    if (!r.success) return `${name}=${value}: ${r.error.issues[0]?.message ?? "invalid"}`;
  }
  return null;
};

const known = (name: string) => fieldsOf(name).length > 0;

/**
 * Example values pass the config loader: each shell line's assignments together (`LLM_PROVIDER=openai
 * OPENAI_API_KEY=… npm start`), the compose file's environment together, and each `VAR=value` code
 * span and `.env.example` line on its own variable's schema.
 */
export function envValueProblems(text: string, envExample: string): string[] {
  const { codeSpans, codeBlocks, shellLines } = parseReadme(text);
  const problems: string[] = [];
  const together = (label: string, env: Env) => {
    const r = loadAppConfig(env);
    if (!r.ok) problems.push(...r.problems.map((p) => `${label}: ${p}`));
  };
  for (const line of shellLines) {
    const lead = /^((?:[A-Za-z_][A-Za-z0-9_]*=\S+\s+)+)/.exec(line)?.[1];
    if (!lead) continue;
    const env = Object.fromEntries(
      lead
        .trim()
        .split(/\s+/)
        .map((a) => [a.slice(0, a.indexOf("=")), filledIn(a.slice(a.indexOf("=") + 1))])
        .filter(([name]) => known(name ?? "")),
    );
    if (Object.keys(env).length > 0) together(line, env);
  }
  for (const block of codeBlocks.filter((b) => b.lang === "yaml")) {
    const env = Object.fromEntries(
      [...block.body.matchAll(/^\s+([A-Za-z_][A-Za-z0-9_]*): (\S+)/gm)]
        .map((m): [string, string] => [m[1] ?? "", m[2] ?? ""])
        .filter(([name]) => known(name)),
    );
    if (Object.keys(env).length > 0) together("compose environment", env);
  }
  const single = [
    ...codeSpans.map((s) => /^([A-Za-z_][A-Za-z0-9_]*)=(\S+)$/.exec(s)),
    ...envExample.split("\n").map((l) => /^#? ?([A-Za-z_][A-Za-z0-9_]*)=(\S+)$/.exec(l)),
  ];
  for (const m of single) {
    if (!m?.[1] || !m[2] || !known(m[1])) continue;
    const problem = valueProblem(m[1], m[2]);
    if (problem) problems.push(problem);
  }
  return problems;
}

/** Defaults decided in code rather than by a schema's `.default()`. */
function codeDefaults(): Record<string, string> {
  const store = loadStoreConfig({ DATABASE_URL: "postgres://u@h/db" });
  const files = loadAppConfig({});
  const teams = loadTeamsConfig({
    MicrosoftAppId: "00000000-0000-0000-0000-000000000001",
    MicrosoftAppPassword: "secret",
    MicrosoftAppTenantId: "00000000-0000-0000-0000-000000000002",
  });
  const http = loadHttpConfig({});
  const out: Record<string, string> = {};
  if (files.ok) out.DATA_DIR = files.value.files.dataDir;
  if (store.ok && store.value.kind === "postgres") {
    out.DATABASE_POOL_SIZE = String(store.value.poolSize);
    out.DATABASE_SCHEMA = store.value.schema;
  }
  if (teams.ok && teams.value.enabled && teams.value.credentials)
    out.MicrosoftAppType = teams.value.credentials.appType;
  if (http.ok) out.HOST = listenHost(http.value, { enabled: false }).host;
  return out;
}

/** The configuration table's default column (its first `value`) is what the schema or the code defaults to. */
export function defaultProblems(text: string): string[] {
  const start = text.indexOf("## Configuration");
  const table = text.slice(start, text.indexOf("\n## ", start + 1));
  const fromCode = codeDefaults();
  const problems: string[] = [];
  for (const m of table.matchAll(/^\| `([A-Za-z_][A-Za-z0-9_]*)`\s*\|([^|]*)\|/gm)) {
    const name = m[1] ?? "";
    const cell = (m[2] ?? "").trim();
    const shown = /`([^`]+)`/.exec(cell)?.[1] ?? null;
    const schemaDefault = fieldsOf(name)
      .map((f) => f.safeParse(undefined))
      .find((r) => r.success && r.data !== undefined);
    const expected = schemaDefault?.success ? String(schemaDefault.data) : fromCode[name];
    if (expected === undefined) continue;
    if (shown !== expected)
      problems.push(`${name}: the table says ${cell || "nothing"}, the default is ${expected}`);
  }
  return problems;
}

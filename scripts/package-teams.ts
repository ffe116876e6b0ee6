/**
 * `npm run package:teams`: the Teams app package to upload (Teams → Apps → Manage your apps →
 * Upload an app). Fills the `{{placeholders}}` of manifests/teams/manifest.json from the environment
 * (and a .env file beside the process, as `npm start` reads it), checks the result against Microsoft's
 * schema for its manifest version, and zips it with the two icons at the root, as Teams requires.
 * @see https://learn.microsoft.com/microsoftteams/platform/concepts/deploy-and-publish/apps-upload
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { AppManifestUtils } from "@microsoft/app-manifest";
import dotenv from "dotenv";
import { zip } from "./zip.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const MANIFEST_DIR = join(ROOT, "manifests", "teams");
export const DEFAULT_OUT = join(ROOT, "dist", "teams", "llm-advisor-teams.zip");

type Env = Readonly<Record<string, string | undefined>>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HTTPS = /^https:\/\/\S+$/;
const PLACEHOLDER = /\{\{([A-Za-z_][A-Za-z0-9_]*)\}\}/g;

/** What each placeholder takes, its default, and what a wrong value should say. */
const PLACEHOLDERS: Record<
  string,
  { fallback?: (v: Record<string, string>) => string; check: RegExp; hint: string }
> = {
  MicrosoftAppId: { check: GUID, hint: "the Azure Bot's Microsoft App ID, a GUID" },
  TEAMS_APP_ID: {
    fallback: (v) => v.MicrosoftAppId ?? "",
    check: GUID,
    hint: "a GUID identifying the Teams app (defaults to MicrosoftAppId)",
  },
  APP_VERSION: { check: /^\d+\.\d+\.\d+$/, hint: "the app version, x.y.z (defaults to package.json's)" },
  TEAMS_DEVELOPER_NAME: { fallback: () => "llm-advisor", check: /^.{1,32}$/, hint: "at most 32 characters" },
  TEAMS_WEBSITE_URL: {
    fallback: () => "https://example.com/llm-advisor",
    check: HTTPS,
    hint: "an https:// URL where people find out about the app",
  },
  TEAMS_PRIVACY_URL: { fallback: (v) => v.TEAMS_WEBSITE_URL ?? "", check: HTTPS, hint: "an https:// URL" },
  TEAMS_TERMS_URL: { fallback: (v) => v.TEAMS_WEBSITE_URL ?? "", check: HTTPS, hint: "an https:// URL" },
};

/** The variables `npm run package:teams` reads (the README documents each). */
export const TEAMS_PACKAGE_VARIABLES: readonly string[] = Object.keys(PLACEHOLDERS);

export type Filled =
  | { ok: true; manifest: Record<string, unknown>; text: string }
  | { ok: false; problems: string[] };

/**
 * The template with every placeholder replaced (values JSON-escaped), or one line per problem naming
 * the variable. Unknown placeholders are problems too, so a typo cannot reach Teams.
 */
export function fillManifest(template: string, env: Env, appVersion: string): Filled {
  const values: Record<string, string> = {};
  const problems: string[] = [];
  for (const [name, p] of Object.entries(PLACEHOLDERS)) {
    const given = env[name]?.trim() || (name === "APP_VERSION" ? appVersion : "");
    const value = given || p.fallback?.(values) || "";
    // A default taken from a variable that is itself wrong: that variable's line says it.
    if (!value && p.fallback) continue;
    if (!value) problems.push(`${name}: required (${p.hint})`);
    else if (!p.check.test(value)) problems.push(`${name}: must be ${p.hint}`);
    else values[name] = value;
  }
  for (const [, name] of template.matchAll(PLACEHOLDER))
    if (name && !(name in PLACEHOLDERS)) problems.push(`manifest.json: unknown placeholder {{${name}}}`);
  if (problems.length > 0) return { ok: false, problems: [...new Set(problems)] };
  const text = template.replace(PLACEHOLDER, (_, name: string) => JSON.stringify(values[name]).slice(1, -1));
  return { ok: true, manifest: JSON.parse(text) as Record<string, unknown>, text };
}

/** Microsoft's schema for the manifest's version, as @microsoft/app-manifest ships it (no download). */
export function manifestSchemaPath(manifestVersion: string): string {
  const pkg = createRequire(import.meta.url).resolve("@microsoft/app-manifest/package.json");
  return join(
    dirname(pkg),
    "build",
    "json-schemas",
    "teams",
    `v${manifestVersion}`,
    "MicrosoftTeams.schema.json",
  );
}

/** The schema's complaints about a manifest, one line each; empty when it is valid. */
export async function manifestProblems(manifest: Record<string, unknown>): Promise<string[]> {
  const schema = JSON.parse(readFileSync(manifestSchemaPath(String(manifest.manifestVersion)), "utf8"));
  return AppManifestUtils.validateAgainstSchema(manifest as never, schema);
}

export type Built =
  | { ok: true; file: string; manifest: Record<string, unknown> }
  | { ok: false; problems: string[] };

export async function buildTeamsPackage(env: Env, outFile = DEFAULT_OUT): Promise<Built> {
  const version = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string })
    .version;
  const filled = fillManifest(readFileSync(join(MANIFEST_DIR, "manifest.json"), "utf8"), env, version);
  if (!filled.ok) return filled;
  const schemaProblems = await manifestProblems(filled.manifest);
  if (schemaProblems.length > 0)
    return { ok: false, problems: schemaProblems.map((p) => `manifest.json: ${p}`) };
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(
    outFile,
    zip([
      { name: "manifest.json", data: Buffer.from(filled.text, "utf8") },
      { name: "color.png", data: readFileSync(join(MANIFEST_DIR, "color.png")) },
      { name: "outline.png", data: readFileSync(join(MANIFEST_DIR, "outline.png")) },
    ]),
  );
  return { ok: true, file: outFile, manifest: filled.manifest };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (existsSync(".env")) dotenv.config({ path: ".env", quiet: true });
  const built = await buildTeamsPackage(process.env);
  if (!built.ok) {
    for (const p of built.problems) process.stderr.write(`package:teams: ${p}\n`);
    process.exit(1);
  }
  process.stdout.write(
    `wrote ${relative(process.cwd(), built.file)}: upload it in Teams (Apps → Manage your apps → Upload an app)\n`,
  );
}

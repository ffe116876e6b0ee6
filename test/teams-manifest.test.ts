import { readdirSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  buildTeamsPackage,
  fillManifest,
  MANIFEST_DIR,
  manifestProblems,
  manifestSchemaPath,
} from "../scripts/package-teams.js";
import { COLOR_SVG, OUTLINE_SVG, renderIcon } from "../scripts/teams-icons.js";
import { crc32 } from "../scripts/zip.js";
import { type CommandScope, commandList, TEAMS_COMMANDS } from "../src/channels/teams/commands.js";
import { pngHeader, pngPixels } from "./support/png.js";
import { unzip } from "./support/zip.js";

const APP_ID = "11111111-2222-4333-8444-555555555555";
const ENV = { MicrosoftAppId: APP_ID };

const template = await readFile(join(MANIFEST_DIR, "manifest.json"), "utf8");
const color = await readFile(join(MANIFEST_DIR, "color.png"));
const outline = await readFile(join(MANIFEST_DIR, "outline.png"));

function filled(env: Record<string, string> = ENV): Record<string, unknown> {
  const r = fillManifest(template, env, "1.2.3");
  if (!r.ok) throw new Error(r.problems.join("; "));
  return r.manifest;
}

type CommandList = { scopes: string[]; commands: Array<{ title: string; description: string }> };
const bot = (m: Record<string, unknown>) =>
  (m.bots as Array<{ botId: string; scopes: string[]; commandLists: CommandList[] }>)[0];

/** "1.30" from build/json-schemas/teams/v1.30/, the highest v<major>.<minor> folder in the package. */
function newestSchemaVersion(): string {
  const dir = dirname(dirname(manifestSchemaPath("1.0")));
  const versions = readdirSync(dir)
    .map((d) => /^v(\d+)\.(\d+)$/.exec(d))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [Number(m[1]), Number(m[2])] as const)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const newest = versions.at(-1);
  if (!newest) throw new Error(`no manifest schemas in ${dir}`);
  return `${newest[0]}.${newest[1]}`;
}

const tmp = await mkdtemp(join(tmpdir(), "teams-package-"));
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe("Teams app manifest", () => {
  it("is valid against Microsoft's published schema for its manifest version, once filled", async () => {
    const m = filled();
    // The newest numbered schema @microsoft/app-manifest ships, so the manifest cannot silently age.
    expect(m.manifestVersion).toBe(newestSchemaVersion());
    expect(String(m.$schema)).toContain(`/teams/v${m.manifestVersion}/MicrosoftTeams.schema.json`);
    expect(manifestSchemaPath(String(m.manifestVersion))).toContain("@microsoft/app-manifest");
    expect(await manifestProblems(m)).toEqual([]);
    expect(bot(m)?.botId).toBe(APP_ID);
    expect(m.id).toBe(APP_ID);
    expect(m.version).toBe("1.2.3");
  });

  it("fails the schema when a field breaks it (the check is real)", async () => {
    const m = filled();
    const broken = { ...m, name: { short: "x".repeat(31) }, accentColor: "indigo" };
    const problems = await manifestProblems(broken);
    expect(problems.some((p) => p.startsWith("/name/short"))).toBe(true);
    expect(problems.some((p) => p.startsWith("/accentColor"))).toBe(true);
  });

  it("offers the commands the bot handles, worded for each scope (a chat or a channel)", () => {
    const lists = bot(filled())?.commandLists ?? [];
    expect(lists.map((l) => l.scopes)).toEqual([["personal"], ["team"], ["groupChat"]]);
    for (const l of lists) expect(l.commands).toEqual(commandList(l.scopes[0] as CommandScope));
    const titles = (scope: string) => lists.find((l) => l.scopes[0] === scope)?.commands.map((c) => c.title);
    // `new` starts over in a chat; in a channel every new post is a new question already.
    expect(titles("personal")).toEqual(["llm-advise", "new", "digest", "help"]);
    expect(titles("team")).toEqual(["llm-advise", "digest", "help"]);
    const digest = (scope: string) =>
      lists.find((l) => l.scopes[0] === scope)?.commands.find((c) => c.title === "digest")?.description;
    expect(digest("team")).toMatch(/^Cost digests for this channel:/);
    expect(digest("personal")).toMatch(/^Cost digests for this chat:/);
    expect(digest("groupChat")).toMatch(/^Cost digests for this chat:/);
    expect(new Set(lists.flatMap((l) => l.commands.map((c) => c.title)))).toEqual(
      new Set(TEAMS_COMMANDS.map((c) => c.title)),
    );
    expect(bot(filled())?.scopes).toEqual(["personal", "team", "groupChat"]);
  });

  it("fills placeholders from the environment, escaping them, and names what is missing or wrong", () => {
    const m = filled({
      ...ENV,
      TEAMS_DEVELOPER_NAME: 'Acme "AI" team',
      TEAMS_WEBSITE_URL: "https://acme.example/ai",
    });
    expect(m.developer).toEqual({
      name: 'Acme "AI" team',
      websiteUrl: "https://acme.example/ai",
      privacyUrl: "https://acme.example/ai",
      termsOfUseUrl: "https://acme.example/ai",
    });
    const bad = fillManifest(
      template,
      { MicrosoftAppId: "my-bot", TEAMS_WEBSITE_URL: "http://insecure.example" },
      "1.0.0",
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.problems.map((p) => p.split(":")[0])).toEqual(["MicrosoftAppId", "TEAMS_WEBSITE_URL"]);
    const typo = fillManifest(template.replace("{{TEAMS_APP_ID}}", "{{TEAMS_APPID}}"), ENV, "1.0.0");
    expect(typo).toEqual({ ok: false, problems: ["manifest.json: unknown placeholder {{TEAMS_APPID}}"] });
  });
});

describe("Teams app icons", () => {
  it("are what scripts/teams-icons.ts draws from its SVGs (regenerate with that script)", () => {
    expect(renderIcon(COLOR_SVG).equals(color)).toBe(true);
    expect(renderIcon(OUTLINE_SVG).equals(outline)).toBe(true);
  });

  it("are PNGs of 192×192 (colour) and 32×32 (outline), 8-bit RGBA", () => {
    expect(pngHeader(color)).toMatchObject({ width: 192, height: 192, bitDepth: 8, colorType: 6 });
    expect(pngHeader(outline)).toMatchObject({ width: 32, height: 32, bitDepth: 8, colorType: 6 });
  });

  it("outline: every pixel is opaque white or fully transparent, with both present", () => {
    const px = pngPixels(outline);
    const kinds = new Set<string>();
    for (let i = 0; i < px.length; i += 4) {
      const [r, g, b, a] = [px[i], px[i + 1], px[i + 2], px[i + 3]];
      if (a === 0) kinds.add("transparent");
      else if (r === 255 && g === 255 && b === 255 && a === 255) kinds.add("white");
      else kinds.add(`other ${r},${g},${b},${a}`);
    }
    expect([...kinds].sort()).toEqual(["transparent", "white"]);
  });

  it("colour: fully opaque, in the accent colour with a white mark", () => {
    const px = pngPixels(color);
    const colours = new Set<string>();
    const alphas = new Set<number | undefined>();
    for (let i = 0; i < px.length; i += 4) {
      alphas.add(px[i + 3]);
      colours.add(
        `#${[px[i], px[i + 1], px[i + 2]].map((v) => (v ?? 0).toString(16).padStart(2, "0")).join("")}`,
      );
    }
    expect([...alphas]).toEqual([255]);
    expect(colours).toContain(String(filled().accentColor).toLowerCase());
    expect(colours).toContain("#ffffff");
  });
});

describe("npm run package:teams", () => {
  it("computes CRC-32 as ZIP readers do", () => {
    expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926);
  });

  it("writes a zip with the filled manifest and both icons at its root", async () => {
    const file = join(tmp, "app.zip");
    const built = await buildTeamsPackage(ENV, file);
    expect(built).toMatchObject({ ok: true, file });
    const entries = unzip(await readFile(file));
    expect([...entries.keys()]).toEqual(["manifest.json", "color.png", "outline.png"]);
    const manifest = String(entries.get("manifest.json"));
    expect(manifest).not.toContain("{{");
    expect(await manifestProblems(JSON.parse(manifest))).toEqual([]);
    expect(entries.get("color.png")?.equals(color)).toBe(true);
    expect(entries.get("outline.png")?.equals(outline)).toBe(true);
  });

  it("writes nothing and says what to set when MicrosoftAppId is missing", async () => {
    const file = join(tmp, "none.zip");
    const built = await buildTeamsPackage({}, file);
    expect(built).toMatchObject({
      ok: false,
      problems: expect.arrayContaining([expect.stringMatching(/^MicrosoftAppId: required/)]),
    });
    await expect(readFile(file)).rejects.toMatchObject({ code: "ENOENT" });
  });
});

import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CliError, EXIT_BAD_INPUT, EXIT_INTERNAL } from "../src/cli/errors.js";

/** Rules of the house that no import graph can check. */
async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".ts") && !e.name.endsWith(".test.ts"))
    .map((e) => join(e.parentPath, e.name));
}

describe("house rules", () => {
  it("only src/config.ts reads process.env", async () => {
    const offenders: string[] = [];
    for (const f of await sourceFiles("src")) {
      if (f === join("src", "config.ts")) continue;
      if (/process\.env/.test(await readFile(f, "utf8"))) offenders.push(f);
    }
    expect(offenders).toEqual([]);
  });

  it("src/domain reads no clock: time comes in as a parameter", async () => {
    const offenders: string[] = [];
    for (const f of await sourceFiles("src/domain")) {
      const text = await readFile(f, "utf8");
      if (/Date\.now\(|new Date\(\)|performance\.now\(/.test(text)) offenders.push(f);
    }
    expect(offenders).toEqual([]);
  });

  it("no source file logs with console", async () => {
    const offenders: string[] = [];
    for (const f of await sourceFiles("src"))
      if (/console\.(log|error|warn|info)/.test(await readFile(f, "utf8"))) offenders.push(f);
    expect(offenders).toEqual([]);
  });
});

describe("CLI errors", () => {
  it.each([
    ["usage", EXIT_BAD_INPUT],
    ["invalid-input", EXIT_BAD_INPUT],
    ["unknown-model", EXIT_BAD_INPUT],
    ["config", EXIT_BAD_INPUT],
    ["internal", EXIT_INTERNAL],
  ] as const)("%s has its code and exits %i", (code, exit) => {
    const e = new CliError(code, "first line\nsecond line");
    expect(e.code).toBe(code);
    expect(e.exitCode).toBe(exit);
    expect(e.userMessage).toBe("first line second line");
  });
});

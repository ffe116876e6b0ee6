import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../src/catalog-file.js";
import { buildCatalog } from "../src/domain/catalog/catalog.js";
import hostedSource from "../src/domain/catalog/data/hosted-source.json" with { type: "json" };
import { BUILTIN_DATA } from "../src/domain/catalog/project-data.js";
import { ProjectDataSchema, VOICE_UNITS } from "../src/domain/catalog/schema.js";

/** The shipped catalog data checked against the files around it: the installed package, the code's default keys. */
const TODAY = "2026-12-05";
const catalog = buildCatalog({ pricesAt: new Date(TODAY) });

const here = fileURLToPath(new URL(".", import.meta.url));
const repoRoot = join(here, "..");

/** Every project-data entry that carries a date and a source, with the list it came from. */
const sourcedEntries = (): Array<{ list: string; id: string; asOf: string; source: string }> => {
  const d = BUILTIN_DATA;
  const lists: Record<string, ReadonlyArray<{ id: string; asOf: string; source: string }>> = {
    gpuInstances: d.gpuInstances,
    openWeightModels: d.openWeightModels,
    throughput: d.throughput,
    voicePrices: d.voicePrices,
    embeddings: d.embeddings,
    lifecycle: d.lifecycle,
    hostedPrices: d.hostedPrices,
    batchDiscounts: d.batchDiscounts,
    flatEstimates: d.flatEstimates,
    privateCloud: d.privateCloud,
  };
  return Object.entries(lists).flatMap(([list, entries]) =>
    entries.map((e) => ({ list, id: e.id, asOf: e.asOf, source: e.source })),
  );
};

describe("shipped project data", () => {
  it("validates against the project data schema", () => {
    const parsed = ProjectDataSchema.safeParse(BUILTIN_DATA);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it("dates every entry on or before 2026-12-05 (the day the data was last read) and names its source", () => {
    const entries = sourcedEntries();
    expect(entries.length).toBeGreaterThan(50);
    const late = entries.filter((e) => e.asOf > TODAY).map((e) => `${e.list}/${e.id} ${e.asOf}`);
    const unsourced = entries.filter((e) => e.source.trim().length === 0).map((e) => `${e.list}/${e.id}`);
    expect(late).toEqual([]);
    expect(unsourced).toEqual([]);
    expect(hostedSource.asOf <= TODAY).toBe(true);
  });

  it("gives every default a reason and a source", () => {
    const bad = Object.entries(BUILTIN_DATA.defaults)
      .filter(([, d]) => d.reason.trim() === "" || d.source.trim() === "")
      .map(([k]) => k);
    expect(bad).toEqual([]);
  });

  it("has no two entries with the same id in one list (a merge would silently keep only the last)", () => {
    const dupes = Object.entries(
      sourcedEntries().reduce<Record<string, number>>((acc, e) => {
        const k = `${e.list}/${e.id}`;
        acc[k] = (acc[k] ?? 0) + 1;
        return acc;
      }, {}),
    ).filter(([, n]) => n > 1);
    expect(dupes).toEqual([]);
  });

  it("records the installed catalog package's version", () => {
    const pkg = JSON.parse(
      readFileSync(join(repoRoot, "node_modules", "@pydantic", "genai-prices", "package.json"), "utf8"),
    ) as { name: string; version: string };
    expect(hostedSource.package).toBe(pkg.name);
    expect(hostedSource.version).toBe(pkg.version);
    expect(catalog.hostedPricesAsOf).toBe(hostedSource.asOf);
  });

  it("has exactly one default price for each voice unit", () => {
    for (const unit of VOICE_UNITS) {
      const defaults = BUILTIN_DATA.voicePrices.filter((v) => v.unit === unit && v.default);
      expect(
        defaults.map((v) => v.id),
        unit,
      ).toHaveLength(1);
      expect(catalog.voicePrice(unit)?.id).toBe(defaults[0]?.id);
    }
  });
});

describe("defaults", () => {
  /** Source files of the product (not tests), read to find the default keys the code asks for. */
  const sourceFiles = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = join(dir, e.name);
      if (e.isDirectory()) return sourceFiles(p);
      return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [p] : [];
    });

  it("has every default key the code reads", () => {
    const keys = new Set<string>();
    for (const file of sourceFiles(join(repoRoot, "src"))) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/(?:numberDefault|defaultFor)\(\s*"([^"]+)"/g)) keys.add(m[1] as string);
      // options/settings.ts reads its numbers through `const n = (k) => catalog.numberDefault(k)`.
      if (/const n = \(k: string\) => catalog\.numberDefault\(k\)/.test(text))
        for (const m of text.matchAll(/\bn\("([^"]+)"\)/g)) keys.add(m[1] as string);
      // resolve-profile.ts: pick<T>("field", given[, defaultKey]) reads defaultFor(defaultKey ?? field).
      for (const m of text.matchAll(/pick<[^>]+>\(\s*"([^"]+)"/g)) keys.add(m[1] as string);
      for (const m of text.matchAll(/is(?:Voice|Batch) \? "([^"]+)" : "([^"]+)"/g)) {
        keys.add(m[1] as string);
        keys.add(m[2] as string);
      }
    }
    expect(keys.size).toBeGreaterThan(20);
    const missing = [...keys].filter((k) => !(k in BUILTIN_DATA.defaults));
    expect(missing).toEqual([]);
  });
});

describe("CATALOG_FILE references", () => {
  it("rejects a file whose throughput names a model the catalog lacks, naming the path and field", async () => {
    const dir = mkdtempSync(join(tmpdir(), "catalog-"));
    const file = join(dir, "catalog.json");
    const entry = { ...BUILTIN_DATA.throughput[0], id: "mine:1", model: "llama-9-9b" };
    writeFileSync(file, JSON.stringify({ throughput: [entry] }));
    const r = await loadCatalog(file, new Date(TODAY));
    expect(r.ok ? "accepted" : r.message).toBe(
      `${file}: throughput[0].model: "llama-9-9b" is not an open-weight model id in the catalog`,
    );
  });
});

describe("what issue 2 requires of the catalog", () => {
  it("has every GPU instance and open-weight model the issue names, with their required fields", () => {
    for (const id of [
      "aws:g5.xlarge",
      "aws:g6.xlarge",
      "aws:g5.12xlarge",
      "aws:ml.g5.xlarge",
      "aws:p4d.24xlarge",
      "aws:p5.48xlarge",
      "seed:a100-80gb-x1",
      "seed:h100-80gb-x8",
    ]) {
      const g = catalog.gpuInstance(id);
      expect(g, id).toBeDefined();
      expect(g?.gpuType.length, id).toBeGreaterThan(0);
      expect(g?.gpuCount, id).toBeGreaterThan(0);
      expect(g?.gpuMemoryGb, id).toBeGreaterThan(0);
      expect(g?.hourlyUsd ?? g?.monthlyUsd, id).toBeGreaterThan(0);
    }
    for (const id of [
      "llama-3.1-8b",
      "llama-3.1-70b",
      "llama-3.2-3b",
      "mistral-7b",
      "mixtral-8x7b",
      "qwen-2.5-7b",
      "qwen-2.5-72b",
    ]) {
      const m = catalog.openWeightModel(id);
      expect(m, id).toBeDefined();
      expect(["open-source", "open-weights", "proprietary"]).toContain(m?.openness);
      expect(m?.license.length, id).toBeGreaterThan(0);
      expect(m?.parametersB, id).toBeGreaterThan(0);
    }
  });

  it("has a throughput figure for each model the seeds size, or the engine says it cannot size it", () => {
    const sized = new Set(BUILTIN_DATA.throughput.map((t) => t.model));
    for (const id of [
      "llama-3.1-8b",
      "llama-3.1-70b",
      "mistral-7b",
      "mixtral-8x7b",
      "qwen-2.5-7b",
      "qwen-2.5-72b",
    ])
      expect(sized.has(id), id).toBe(true);
  });
});

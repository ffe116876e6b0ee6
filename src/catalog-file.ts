import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { parse as parseYaml } from "yaml";
import { buildCatalog, type Catalog } from "./domain/catalog/catalog.js";
import { BUILTIN_DATA } from "./domain/catalog/project-data.js";
import { catalogReferenceProblem } from "./domain/catalog/references.js";
import { type CatalogOverride, CatalogOverrideSchema } from "./domain/catalog/schema.js";

/** Largest catalog file we read: far above any real one, small enough to refuse a wrong path to a dump. */
export const MAX_CATALOG_FILE_BYTES = 5_000_000;

export type CatalogFileResult = { ok: true; value: CatalogOverride } | { ok: false; message: string };

const fieldPath = (path: readonly PropertyKey[]): string =>
  path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join("");

/**
 * Reads and validates a CATALOG_FILE. The message of a bad file names the path and the first
 * wrong field, e.g. `catalog.yaml: gpuInstances[0].hourlyUsd: Invalid input: expected number`.
 */
export async function readCatalogFile(path: string): Promise<CatalogFileResult> {
  let text: string;
  try {
    const buffer = await readFile(path);
    if (buffer.byteLength > MAX_CATALOG_FILE_BYTES) {
      return {
        ok: false,
        message: `${path}: the file is ${buffer.byteLength} bytes; a catalog file is at most ${MAX_CATALOG_FILE_BYTES}`,
      };
    }
    text = buffer.toString("utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return {
      ok: false,
      message: `${path}: cannot read the catalog file (${code === "ENOENT" ? "no such file" : (code ?? "read error")})`,
    };
  }
  let raw: unknown;
  try {
    raw = extname(path).toLowerCase() === ".json" ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    return {
      ok: false,
      message: `${path}: not valid ${extname(path).toLowerCase() === ".json" ? "JSON" : "YAML"}: ${(e as Error).message.split("\n")[0]}`,
    };
  }
  const parsed = CatalogOverrideSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more)` : "";
    return {
      ok: false,
      message: `${path}: ${first ? `${fieldPath(first.path) || "(top level)"}: ${first.message}` : "invalid"}${more}`,
    };
  }
  for (const [key, d] of Object.entries(parsed.data.defaults ?? {})) {
    const builtin = BUILTIN_DATA.defaults[key];
    if (builtin && typeof builtin.value !== typeof d.value) {
      return {
        ok: false,
        message: `${path}: defaults.${key}.value: expected a ${typeof builtin.value}, got ${JSON.stringify(d.value)}`,
      };
    }
  }
  return { ok: true, value: parsed.data };
}

/** The catalog for a run: shipped data, plus the CATALOG_FILE when one is configured and all it names exists. */
export async function loadCatalog(
  catalogFile: string | null,
  pricesAt: Date,
): Promise<{ ok: true; value: Catalog } | { ok: false; message: string }> {
  if (catalogFile === null) return { ok: true, value: buildCatalog({ pricesAt }) };
  const file = await readCatalogFile(catalogFile);
  if (!file.ok) return file;
  const catalog = buildCatalog({ pricesAt }, file.value);
  // Each entry can be valid alone and still name a model or GPU the catalog does not have.
  const problem = catalogReferenceProblem(file.value, catalog);
  if (problem) return { ok: false, message: `${catalogFile}: ${problem}` };
  return { ok: true, value: catalog };
}

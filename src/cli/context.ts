import { loadCatalog } from "../catalog-file.js";
import { type Env, loadCatalogConfig, loadPhrasingConfig, type PhrasingConfig } from "../config.js";
import type { Catalog } from "../domain/catalog/catalog.js";
import { CliError } from "./errors.js";
import { type Format, parseDay, parseFormat } from "./flags.js";

/** What the CLI needs from the outside world, injected so tests drive it in-process too. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  now(): Date;
}

export interface CommonOptions {
  format?: string;
  today?: string;
}

export interface CliContext {
  io: CliIo;
  format: Format;
  today: string;
  catalog: Catalog;
  /** How the question command phrases its summary (LLM_PROVIDER and friends); the template by default. */
  phrasing: PhrasingConfig;
}

/** Validates the common flags and the configuration, then loads the catalog (with CATALOG_FILE). */
export async function makeContext(io: CliIo, env: Env, opts: CommonOptions): Promise<CliContext> {
  const format = parseFormat(opts.format);
  const today = parseDay(opts.today, io.now());
  const config = loadCatalogConfig(env);
  if (!config.ok) throw new CliError("config", config.problems.join("; "));
  const phrasing = loadPhrasingConfig(env);
  if (!phrasing.ok) throw new CliError("config", phrasing.problems.join("; "));
  const catalog = await loadCatalog(config.value.catalogFile, new Date(`${today}T12:00:00Z`));
  if (!catalog.ok) throw new CliError("config", `CATALOG_FILE ${catalog.message}`);
  return { io, format, today, catalog: catalog.value, phrasing: phrasing.value };
}

/** Writes a result: JSON as one pretty document, text and Markdown as they are. */
export function emit(ctx: CliContext, text: string, markdown: string, json: unknown): void {
  if (ctx.format === "json") ctx.io.out(`${JSON.stringify(json, null, 2)}\n`);
  else ctx.io.out(`${ctx.format === "markdown" ? markdown : text}\n`);
}

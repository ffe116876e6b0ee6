import { z } from "zod";
import { blankAsUnset, type ConfigResult, type Env, problemsOf } from "./env.js";

export const CatalogEnvSchema = z.object({
  CATALOG_FILE: z.string().trim().min(1).optional(),
});

export interface CatalogConfig {
  /** A YAML or JSON file that overrides or adds catalog entries. */
  catalogFile: string | null;
}

export function loadCatalogConfig(env: Env): ConfigResult<CatalogConfig> {
  const parsed = CatalogEnvSchema.safeParse(blankAsUnset(env));
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error) };
  return { ok: true, value: { catalogFile: parsed.data.CATALOG_FILE ?? null } };
}

import { z } from "zod";

/**
 * The only reader of process.env (STYLE 16). Each concern has its own schema; a bad value stops
 * start-up with one line per problem, naming the variable and what to set.
 */

const CatalogEnvSchema = z.object({
  CATALOG_FILE: z
    .string()
    .trim()
    .min(1, {
      error: "CATALOG_FILE is set but empty: give the path of a YAML or JSON catalog file, or unset it",
    })
    .optional(),
});

export interface CatalogConfig {
  /** A YAML or JSON file that overrides or adds catalog entries. */
  catalogFile: string | null;
}

export type Env = Readonly<Record<string, string | undefined>>;

export type ConfigResult<T> = { ok: true; value: T } | { ok: false; problems: string[] };

function problemsOf(error: z.ZodError): string[] {
  return error.issues.map((i) => {
    const variable = i.path.join(".");
    return i.message.startsWith(variable) ? i.message : `${variable}: ${i.message}`;
  });
}

export function loadCatalogConfig(env: Env = process.env): ConfigResult<CatalogConfig> {
  const parsed = CatalogEnvSchema.safeParse(env);
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error) };
  return { ok: true, value: { catalogFile: parsed.data.CATALOG_FILE ?? null } };
}

import { join } from "node:path";
import { z } from "zod";
import { blankAsUnset, type ConfigResult, type Env, problemsOf } from "./env.js";

const EXAMPLE_URL = "postgres://user:password@host:5432/database";

/** Why a DATABASE_URL cannot be used, in words that never repeat the URL (it may hold a password). */
function databaseUrlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `DATABASE_URL: not a URL; expected ${EXAMPLE_URL}`;
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:")
    return `DATABASE_URL: scheme "${url.protocol}" is not PostgreSQL; expected postgres:// or postgresql://, e.g. ${EXAMPLE_URL}`;
  // A Unix socket is given as ?host=/var/run/postgresql, with no host before the path.
  if (!url.hostname && !url.searchParams.get("host")) return `DATABASE_URL: no host; expected ${EXAMPLE_URL}`;
  return null;
}

export const StoreEnvSchema = z.object({
  DATA_DIR: z.string().trim().min(1).optional(),
  DATABASE_URL: z
    .string()
    .trim()
    .superRefine((raw, ctx) => {
      const problem = databaseUrlProblem(raw);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .optional(),
  DATABASE_SCHEMA: z
    .string()
    .trim()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, {
      error: "DATABASE_SCHEMA: must be a lower-case SQL name (letters, digits, _), e.g. llm_advisor",
    })
    .optional(),
  DATABASE_POOL_SIZE: z.coerce
    .number({ error: "DATABASE_POOL_SIZE: must be a whole number from 1 to 100" })
    .int({ error: "DATABASE_POOL_SIZE: must be a whole number from 1 to 100" })
    .min(1, { error: "DATABASE_POOL_SIZE: must be a whole number from 1 to 100" })
    .max(100, { error: "DATABASE_POOL_SIZE: must be a whole number from 1 to 100" })
    .optional(),
});

export const DEFAULT_DATA_DIR = "./data";
export const DEFAULT_POOL_SIZE = 10;

/** Where the store lives: PGlite files in a directory (one process), or a PostgreSQL server (replicas). */
export type StoreConfig =
  | { kind: "pglite"; dataDir: string }
  | { kind: "postgres"; url: string; poolSize: number; schema: string };

/**
 * DATABASE_URL set → PostgreSQL (tables in DATABASE_SCHEMA, default public; DATABASE_POOL_SIZE
 * connections, default 10); otherwise PGlite in DATA_DIR/pglite (DATA_DIR defaults to ./data).
 */
export function loadStoreConfig(env: Env): ConfigResult<StoreConfig> {
  const parsed = StoreEnvSchema.safeParse(blankAsUnset(env));
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error) };
  const { DATA_DIR, DATABASE_URL, DATABASE_POOL_SIZE, DATABASE_SCHEMA } = parsed.data;
  if (DATABASE_URL) {
    const poolSize = DATABASE_POOL_SIZE ?? DEFAULT_POOL_SIZE;
    return {
      ok: true,
      value: { kind: "postgres", url: DATABASE_URL, poolSize, schema: DATABASE_SCHEMA ?? "public" },
    };
  }
  // The database gets its own folder in DATA_DIR; charts and the console's session sit beside it.
  return { ok: true, value: { kind: "pglite", dataDir: join(DATA_DIR ?? DEFAULT_DATA_DIR, "pglite") } };
}

/** The URL with its password replaced, for logs and error messages. */
export function redactDatabaseUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return "(unparsable DATABASE_URL)";
  }
}

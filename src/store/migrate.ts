import type { Logger } from "../logging.js";
import { SchemaTooNewError } from "./errors.js";
import type { SqlExecutor } from "./executor.js";
import { LATEST_VERSION, MIGRATIONS, type Migration } from "./migrations/index.js";

export interface MigrationOutcome {
  from: number;
  to: number;
}

/**
 * Brings the schema to LATEST_VERSION in one transaction, under an advisory lock so replicas starting
 * together migrate one after the other (the second finds nothing to do). Refuses a database whose
 * schema is newer than this build knows. `schema` is the PostgreSQL schema the tables live in.
 */
export async function migrate(
  db: SqlExecutor,
  logger: Logger,
  schema = "public",
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<MigrationOutcome> {
  const known = migrations === MIGRATIONS ? LATEST_VERSION : migrations.length;
  const outcome = await db.transaction(async (tx) => {
    // Taken before anything else, so even CREATE SCHEMA/TABLE IF NOT EXISTS never race.
    await tx.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`llm-advisor:migrate:${schema}`]);
    // Checked first: CREATE SCHEMA IF NOT EXISTS needs CREATE on the database even when the schema exists.
    const existing = await tx.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", [schema]);
    if (existing.length === 0) await tx.exec(`CREATE SCHEMA ${quoteIdent(schema)}`);
    await tx.exec(
      `CREATE TABLE IF NOT EXISTS schema_version (
         version integer PRIMARY KEY,
         name text NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const [row] = await tx.query("SELECT coalesce(max(version), 0)::int AS version FROM schema_version");
    const from = Number(row?.version ?? 0);
    if (from > known) throw new SchemaTooNewError(from, known);
    for (const m of migrations) {
      if (m.version <= from) continue;
      await tx.exec(m.sql);
      await tx.query("INSERT INTO schema_version (version, name) VALUES ($1, $2)", [m.version, m.name]);
    }
    return { from, to: Math.max(from, known) };
  });
  if (outcome.from !== outcome.to) logger.info({ ...outcome, schema }, "store schema migrated");
  return outcome;
}

/** A PostgreSQL identifier, quoted; schema names are checked by the callers' config, this is the backstop. */
export function quoteIdent(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) throw new Error(`not a plain SQL identifier: ${name}`);
  return `"${name}"`;
}

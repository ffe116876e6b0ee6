import { pgliteHarness, type StoreHarness } from "../../src/store/contract/harness.js";
import type { Store } from "../../src/store/index.js";

/**
 * One in-memory PGlite per test file (vitest runs each file in its own module scope), emptied before
 * each test: starting PGlite takes seconds on a loaded machine, emptying its tables milliseconds.
 */
let shared: Promise<StoreHarness> | null = null;

/** A store on this file's database with every table empty (the schema's version kept). */
export async function freshStore(): Promise<Store> {
  shared ??= pgliteHarness();
  const db = await shared;
  const raw = db.raw();
  const rows = await raw.query(
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_version'",
  );
  const tables = rows.map((r) => `"${String(r.tablename)}"`);
  if (tables.length > 0) await raw.exec(`TRUNCATE ${tables.join(", ")} CASCADE`);
  return db.open();
}

/** Starts this file's database and its schema; for `beforeAll`, whose timeout is the longer one. */
export async function warmSharedStore(): Promise<void> {
  await (await freshStore()).close();
}

/**
 * Makes the store fail for real: `table` is renamed away, so every query on it fails as it would
 * with a broken database. Call the returned function to put it back.
 */
export async function breakTable(table: string): Promise<() => Promise<void>> {
  if (!shared) throw new Error("no store to break: start a harness first");
  const raw = (await shared).raw();
  await raw.exec(`ALTER TABLE "${table}" RENAME TO "${table}_broken"`);
  return () => raw.exec(`ALTER TABLE "${table}_broken" RENAME TO "${table}"`);
}

/** Closes this file's database; for `afterAll`. */
export async function closeSharedStore(): Promise<void> {
  const db = shared;
  shared = null;
  if (db) await (await db).dispose();
}

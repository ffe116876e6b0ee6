import { mkdir } from "node:fs/promises";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import { type Logger, silentLogger } from "../logging.js";
import { lockDataDir } from "./data-dir-lock.js";
import { StoreUnavailableError } from "./errors.js";
import type { Row, SqlExecutor } from "./executor.js";
import { createSqlStore } from "./sql-store.js";
import type { Store } from "./types.js";

export interface PgliteStoreOptions {
  /** A directory (created if missing), or "memory://" for a database that lives as long as the process. */
  dataDir: string;
  logger?: Logger;
  clock?: () => Date;
}

/**
 * The default store: PostgreSQL compiled to WebAssembly, in this process, with its files in `dataDir`.
 * One process only: two processes on one directory would corrupt it, so the directory is locked
 * (data-dir-lock.ts) and a second open is refused; use PostgreSQL for replicas.
 * @see https://pglite.dev/docs/
 */
export async function createPgliteStore(options: PgliteStoreOptions): Promise<Store> {
  const logger = options.logger ?? silentLogger();
  const onDisk = !options.dataDir.includes("://");
  if (onDisk) {
    try {
      await mkdir(options.dataDir, { recursive: true });
    } catch (error) {
      throw new StoreUnavailableError(`PGlite data directory ${options.dataDir}`, error);
    }
  }
  const unlock = onDisk ? await lockDataDir(options.dataDir) : async () => {};
  let db: PGlite;
  try {
    db = await PGlite.create(options.dataDir);
  } catch (error) {
    await unlock();
    throw new StoreUnavailableError(`PGlite data directory ${options.dataDir}`, error);
  }
  const executor = pgliteExecutor(db);
  // The lock is released once the database is closed, also when migrating fails and closes it.
  const locked: SqlExecutor = {
    ...executor,
    close: () => executor.close().finally(unlock),
  };
  const store = await createSqlStore(locked, { kind: "pglite", logger, clock: options.clock });
  logger.info({ kind: "pglite", dataDir: options.dataDir }, "store opened");
  return store;
}

const inTransaction = (tx: Transaction): SqlExecutor => {
  const self: SqlExecutor = {
    query: async (sql, params) => (await tx.query<Row>(sql, params ? [...params] : undefined)).rows,
    exec: async (sql) => {
      await tx.exec(sql);
    },
    transaction: (fn) => fn(self),
    close: () => Promise.reject(new Error("close() called inside a transaction")),
  };
  return self;
};

/**
 * The executor over a PGlite instance. PGlite runs one query at a time and holds others back while a
 * transaction is open, so concurrent callers are serialized, never interleaved. With `owned: false`,
 * close() leaves the instance open (tests reopen a store on the same in-memory database).
 */
export function pgliteExecutor(db: PGlite, { owned = true }: { owned?: boolean } = {}): SqlExecutor {
  return {
    query: async (sql, params) => (await db.query<Row>(sql, params ? [...params] : undefined)).rows,
    exec: async (sql) => {
      await db.exec(sql);
    },
    transaction: (fn) => db.transaction((tx) => fn(inTransaction(tx))),
    close: async () => {
      if (owned && !db.closed) await db.close();
    },
  };
}

import pg from "pg";
import { redactDatabaseUrl } from "../config/store.js";
import { type Logger, silentLogger } from "../logging.js";
import { StoreUnavailableError } from "./errors.js";
import type { Row, SqlExecutor } from "./executor.js";
import { createSqlStore } from "./sql-store.js";
import type { Store } from "./types.js";

export interface PostgresStoreOptions {
  /** postgres:// or postgresql:// URL; it may carry a password, so it is only logged redacted. */
  url: string;
  /** Connections this process may hold; replicas × poolSize must stay under the server's max_connections. */
  poolSize?: number;
  /** The schema the tables live in (created if missing), default `public`; tests use one per file. */
  schema?: string;
  logger?: Logger;
  clock?: () => Date;
}

/** Lower-case, so the unquoted search_path setting and the quoted CREATE SCHEMA name the same schema. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * The store on a PostgreSQL server through a `pg` pool, for several replicas: claims and the delivery
 * ledger are single statements the server arbitrates, so replicas never answer or post twice.
 * @see https://node-postgres.com/apis/pool
 */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const logger = options.logger ?? silentLogger();
  const where = redactDatabaseUrl(options.url);
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema))
    throw new Error(`schema must be a lower-case SQL identifier, got ${JSON.stringify(options.schema)}`);
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 10_000,
    application_name: "llm-advisor",
    ...(options.schema && options.schema !== "public" ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle client losing its connection is reported here; unhandled, it would end the process.
  pool.on("error", (error) => logger.error({ where, error: error.message }, "postgres idle connection lost"));
  try {
    await pool.query("SELECT 1");
  } catch (error) {
    await pool.end();
    throw new StoreUnavailableError(where, error);
  }
  const store = await createSqlStore(postgresExecutor(pool), {
    kind: "postgres",
    logger,
    clock: options.clock,
    schema: options.schema,
  });
  logger.info({ kind: "postgres", where, schema: options.schema ?? "public" }, "store opened");
  return store;
}

const onClient = (client: pg.PoolClient): SqlExecutor => {
  const self: SqlExecutor = {
    query: async (sql, params) => (await client.query<Row>(sql, params ? [...params] : undefined)).rows,
    exec: async (sql) => {
      await client.query(sql);
    },
    transaction: (fn) => fn(self),
    close: () => Promise.reject(new Error("close() called inside a transaction")),
  };
  return self;
};

/** The executor over a pool: each query borrows a connection; a transaction keeps one until it ends. */
export function postgresExecutor(pool: pg.Pool, { owned = true }: { owned?: boolean } = {}): SqlExecutor {
  let ended = false;
  return {
    query: async (sql, params) => (await pool.query<Row>(sql, params ? [...params] : undefined)).rows,
    exec: async (sql) => {
      await pool.query(sql);
    },
    async transaction(fn) {
      const client = await pool.connect();
      let result: Awaited<ReturnType<typeof fn>>;
      try {
        await client.query("BEGIN");
        result = await fn(onClient(client));
        await client.query("COMMIT");
      } catch (error) {
        // A connection that cannot even roll back is destroyed rather than returned to the pool.
        await client.query("ROLLBACK").then(
          () => client.release(),
          (rollbackError: Error) => client.release(rollbackError),
        );
        throw error;
      }
      client.release();
      return result;
    },
    close: async () => {
      if (!owned || ended) return;
      ended = true;
      await pool.end();
    },
  };
}

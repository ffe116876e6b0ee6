import type { StoreConfig } from "../config/store.js";
import type { Logger } from "../logging.js";
import { createPgliteStore } from "./pglite.js";
import { createPostgresStore } from "./postgres.js";
import type { Store } from "./types.js";

/** The configured store: PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR. Migrates before returning. */
export function openStore(config: StoreConfig, logger: Logger): Promise<Store> {
  return config.kind === "postgres"
    ? createPostgresStore({ url: config.url, poolSize: config.poolSize, schema: config.schema, logger })
    : createPgliteStore({ dataDir: config.dataDir, logger });
}

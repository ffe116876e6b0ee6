import { randomUUID } from "node:crypto";
import { type Logger, silentLogger } from "../logging.js";
import type { SqlExecutor } from "./executor.js";
import { migrate } from "./migrate.js";
import type { StoreContext } from "./sql/context.js";
import { conversationReferences } from "./sql/conversations.js";
import { deliveryLedger } from "./sql/deliveries.js";
import { eventClaims } from "./sql/events.js";
import { catalogSnapshots } from "./sql/snapshots.js";
import { subscriptionStore } from "./sql/subscriptions.js";
import { threadStore } from "./sql/threads.js";
import type { Store } from "./types.js";

export interface SqlStoreOptions {
  kind: Store["kind"];
  logger?: Logger;
  /**
   * The store's clock for every timestamp, claim and lease; tests pass their own. Without one,
   * delivery leases use the database server's clock (see StoreContext.leaseNow).
   */
  clock?: () => Date;
  /** The PostgreSQL schema the tables live in (the connection's search_path must point there). */
  schema?: string;
}

/**
 * The one SQL implementation of Store, over either database's executor: migrates first, and closes
 * the executor if that fails, so a refused start leaves nothing open.
 */
export async function createSqlStore(db: SqlExecutor, options: SqlStoreOptions): Promise<Store> {
  const logger = options.logger ?? silentLogger();
  try {
    await migrate(db, logger, options.schema);
  } catch (error) {
    await db.close();
    throw error;
  }
  const clock = options.clock;
  const ctx: StoreContext = {
    db,
    logger,
    now: clock ?? (() => new Date()),
    leaseNow: clock ? () => clock() : () => null,
    newId: randomUUID,
  };
  let closing: Promise<void> | null = null;
  return {
    kind: options.kind,
    threads: threadStore(ctx),
    events: eventClaims(ctx),
    subscriptions: subscriptionStore(ctx),
    deliveries: deliveryLedger(ctx),
    snapshots: catalogSnapshots(ctx),
    conversations: conversationReferences(ctx),
    async ping() {
      if (closing) throw new Error("the store is closed");
      await db.query("SELECT 1");
    },
    close() {
      closing ??= db.close();
      return closing;
    },
  };
}

import type { Logger } from "../../logging.js";
import type { SqlExecutor } from "../executor.js";

/** What each part of the SQL store needs: the database, a logger, and the clock (a parameter, for tests). */
export interface StoreContext {
  db: SqlExecutor;
  logger: Logger;
  now: () => Date;
  /**
   * The instant for lease arithmetic, or null to let the database decide with `now()`. Leases are
   * compared across replicas, so without an injected clock they use the one server clock instead of
   * each replica's own (whose skew would shorten or lengthen every lease); tests inject a fixed clock.
   * In SQL: `coalesce($n::timestamptz, now())`.
   */
  leaseNow: () => Date | null;
  newId: () => string;
}

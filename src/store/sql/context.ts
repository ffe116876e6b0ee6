import type { Logger } from "../../logging.js";
import type { SqlExecutor } from "../executor.js";

/** What each part of the SQL store needs: the database, a logger, and the clock (a parameter, for tests). */
export interface StoreContext {
  db: SqlExecutor;
  logger: Logger;
  now: () => Date;
  newId: () => string;
}

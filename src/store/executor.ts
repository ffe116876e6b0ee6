/**
 * The tiny port both databases implement, so the SQL is written once (sql/*.ts). Parameters are
 * positional ($1, $2, ...); JSON goes in as a string cast with ::jsonb and comes back parsed.
 */
export type Row = Record<string, unknown>;

export interface SqlExecutor {
  /** One statement, with parameters; returns the rows. */
  query(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. Nested calls join it. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Releases the connection or pool; a no-op for an executor that does not own its database. */
  close(): Promise<void>;
}

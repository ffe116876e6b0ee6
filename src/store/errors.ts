/** The store's failures: a stable code, a technical message for logs, one line for users (STYLE 17). */
export type StoreErrorCode =
  | "corrupt-row"
  | "invalid-record"
  | "schema-too-new"
  | "store-locked"
  | "store-unavailable";

export abstract class StoreError extends Error {
  abstract readonly code: StoreErrorCode;
  /** What a chat user may read: no table names, ids or connection details. */
  abstract readonly userMessage: string;
}

/** A stored row no longer matches its schema (edited by hand, or written by a build that disagrees). */
export class CorruptRowError extends StoreError {
  readonly code = "corrupt-row";
  readonly userMessage = "Saved data for this conversation could not be read, so I can't use it.";
  /** The table and the row's key, e.g. "answers" and an answer id. */
  readonly table: string;
  readonly key: string;

  constructor(table: string, key: string, problem: string) {
    super(`stored ${table} row ${key} is corrupt: ${problem}`);
    this.name = "CorruptRowError";
    this.table = table;
    this.key = key;
  }
}

/** A value handed to the store does not match its schema: a bug in the caller, caught before writing. */
export class InvalidRecordError extends StoreError {
  readonly code = "invalid-record";
  readonly userMessage = "Something went wrong while saving this answer.";

  constructor(what: string, problem: string) {
    super(`refused to store an invalid ${what}: ${problem}`);
    this.name = "InvalidRecordError";
  }
}

/** The database was migrated by a newer build; this one would misread it, so it does not start. */
export class SchemaTooNewError extends StoreError {
  readonly code = "schema-too-new";
  readonly userMessage = "The bot's database was upgraded by a newer version; this version cannot use it.";
  readonly databaseVersion: number;
  readonly knownVersion: number;

  constructor(databaseVersion: number, knownVersion: number) {
    super(
      `the database schema is at version ${databaseVersion} but this build knows versions up to ${knownVersion}: run a newer llm-advisor, or point DATABASE_URL / DATA_DIR at another database`,
    );
    this.name = "SchemaTooNewError";
    this.databaseVersion = databaseVersion;
    this.knownVersion = knownVersion;
  }
}

/** The database could not be opened or reached; the message names where, never a password. */
export class StoreUnavailableError extends StoreError {
  readonly code = "store-unavailable";
  readonly userMessage = "The bot's database is not reachable right now; try again in a minute.";

  constructor(where: string, cause: unknown) {
    super(`could not open the store at ${where}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = "StoreUnavailableError";
  }
}

/** Another process has the PGlite data directory open; two would corrupt it (PGlite is single-process). */
export class StoreLockedError extends StoreError {
  readonly code = "store-locked";
  readonly userMessage: string;
  readonly pid: number;

  constructor(dataDir: string, pid: number) {
    const line = `DATA_DIR ${dataDir} is in use by process ${pid}; stop it, or use DATABASE_URL (PostgreSQL) to run several processes`;
    super(line);
    this.name = "StoreLockedError";
    this.userMessage = line;
    this.pid = pid;
  }
}

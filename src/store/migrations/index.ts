import { initial } from "./001-initial.js";

/** One migration: applied once, in order, inside the migration transaction. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Every schema change, numbered from 1 and never edited once released: a change is a new entry.
 * PGlite and PostgreSQL run the same SQL.
 */
export const MIGRATIONS: readonly Migration[] = [{ version: 1, name: "initial", sql: initial }];

/** The newest schema this build knows; a database past it is refused. */
export const LATEST_VERSION = MIGRATIONS.length;

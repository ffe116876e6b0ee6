import { initial } from "./001-initial.js";
import { digestUpkeep } from "./002-digest-upkeep.js";

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
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: "initial", sql: initial },
  { version: 2, name: "digest upkeep", sql: digestUpkeep },
];

/** The newest schema this build knows; a database past it is refused. */
export const LATEST_VERSION = MIGRATIONS.length;

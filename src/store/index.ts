/** The store's public face: open one, and the types the surfaces and the digest scheduler use. */

export type { StoreErrorCode } from "./errors.js";
export {
  CorruptRowError,
  InvalidRecordError,
  SchemaTooNewError,
  StoreError,
  StoreLockedError,
  StoreUnavailableError,
} from "./errors.js";
export { openStore } from "./open.js";
export { createPgliteStore } from "./pglite.js";
export { createPostgresStore } from "./postgres.js";
export * from "./schemas.js";
export type * from "./types.js";

/**
 * The only reader of process.env (STYLE 16). Each concern has its own schema in src/config/,
 * taking the environment as a parameter; this module hands them the real one.
 */
export { type AppConfig, ENV_SCHEMAS, ENV_VARIABLES, loadAppConfig, loadSections } from "./config/app.js";
export { type CatalogConfig, loadCatalogConfig } from "./config/catalog.js";
export { type DigestConfig, loadDigestConfig } from "./config/digest.js";
export type { ConfigResult, Env } from "./config/env.js";
export { type FilesConfig, loadFilesConfig, prepareDataDir } from "./config/files.js";
export { type HttpConfig, listenHost, loadHttpConfig } from "./config/http.js";
export { type LoggingConfig, loadLoggingConfig } from "./config/logging.js";
export { loadPhrasingConfig, type PhrasingConfig } from "./config/phrasing.js";
export { loadSlackConfig, type SlackConfig } from "./config/slack.js";
export { loadStoreConfig, redactDatabaseUrl, type StoreConfig } from "./config/store.js";
export { loadTeamsConfig, type TeamsConfig, type TeamsCredentials } from "./config/teams.js";

/** The process environment, read here and nowhere else. */
export const processEnv = (): Readonly<Record<string, string | undefined>> => process.env;

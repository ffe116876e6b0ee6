import { type CatalogConfig, CatalogEnvSchema, loadCatalogConfig } from "./catalog.js";
import { type DigestConfig, DigestEnvSchema, loadDigestConfig } from "./digest.js";
import type { ConfigResult, Env } from "./env.js";
import { type FilesConfig, FilesEnvSchema, loadFilesConfig } from "./files.js";
import { type HttpConfig, HttpEnvSchema, loadHttpConfig } from "./http.js";
import { type LoggingConfig, LoggingEnvSchema, loadLoggingConfig } from "./logging.js";
import { loadPhrasingConfig, type PhrasingConfig, PhrasingEnvSchema } from "./phrasing.js";
import { loadSlackConfig, type SlackConfig, SlackEnvSchema } from "./slack.js";
import { loadStoreConfig, type StoreConfig, StoreEnvSchema } from "./store.js";
import { loadTeamsConfig, type TeamsConfig, TeamsEnvSchema } from "./teams.js";

/** Every concern's configuration, validated together so start-up reports all problems at once. */
export interface AppConfig {
  catalog: CatalogConfig;
  store: StoreConfig;
  phrasing: PhrasingConfig;
  http: HttpConfig;
  logging: LoggingConfig;
  files: FilesConfig;
  /** Null when no Slack variable is set. */
  slack: SlackConfig | null;
  teams: TeamsConfig;
  digest: DigestConfig;
}

type Loaders = { [K in keyof AppConfig]: (env: Env) => ConfigResult<AppConfig[K]> };

const LOADERS: Loaders = {
  catalog: loadCatalogConfig,
  store: loadStoreConfig,
  phrasing: loadPhrasingConfig,
  http: loadHttpConfig,
  logging: loadLoggingConfig,
  files: loadFilesConfig,
  slack: loadSlackConfig,
  teams: loadTeamsConfig,
  digest: loadDigestConfig,
};

/** Runs every loader; the result carries every problem, one line each, or the whole config. */
export function loadSections<T extends object>(
  env: Env,
  loaders: { [K in keyof T]: (env: Env) => ConfigResult<T[K]> },
): ConfigResult<T> {
  const problems: string[] = [];
  const value: Partial<T> = {};
  for (const key of Object.keys(loaders) as Array<keyof T>) {
    const r = loaders[key](env);
    if (r.ok) value[key] = r.value;
    else problems.push(...r.problems);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: value as T };
}

export const loadAppConfig = (env: Env): ConfigResult<AppConfig> => loadSections<AppConfig>(env, LOADERS);

/**
 * Every environment variable the product reads, taken from the schemas that validate them; the
 * README's configuration table and `.env.example` are tested against this list in both directions.
 */
export const ENV_VARIABLES: readonly string[] = [
  ...new Set(
    [
      CatalogEnvSchema,
      StoreEnvSchema,
      PhrasingEnvSchema,
      HttpEnvSchema,
      LoggingEnvSchema,
      FilesEnvSchema,
      SlackEnvSchema,
      TeamsEnvSchema,
      DigestEnvSchema,
    ].flatMap((schema) => Object.keys(schema.shape)),
  ),
].sort();

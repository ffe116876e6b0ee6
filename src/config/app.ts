import { type CatalogConfig, CatalogEnvSchema, loadCatalogConfig } from "./catalog.js";
import { type DigestConfig, DigestEnvSchema, loadDigestConfig } from "./digest.js";
import { blankAsUnset, type ConfigResult, type Env } from "./env.js";
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

/** The whole configuration: every section's problems and those between sections, one line each. */
export function loadAppConfig(env: Env): ConfigResult<AppConfig> {
  const loaded = loadSections<AppConfig>(env, LOADERS);
  // Checked even when another section failed, so every problem is reported in one batch.
  const phrasing = loaded.ok ? { ok: true as const, value: loaded.value.phrasing } : loadPhrasingConfig(env);
  const cross = phrasing.ok ? providerProblems(env, phrasing.value) : [];
  const problems = [...(loaded.ok ? [] : loaded.problems), ...cross];
  return problems.length > 0 ? { ok: false, problems } : loaded;
}

/**
 * LLM_PROVIDER names a provider that cannot run (OpenAI without a key) and no LLM_FALLBACK says what
 * to do instead: a start-up error, since silently answering with the template hides the mistake.
 * With a fallback list the provider is skipped and main.ts reports it.
 */
function providerProblems(env: Env, phrasing: PhrasingConfig): string[] {
  const e = blankAsUnset(env);
  if (e.LLM_FALLBACK !== undefined) return [];
  const primary = e.LLM_PROVIDER?.trim().toLowerCase();
  return phrasing.skipped
    .filter((s) => s.provider === primary)
    .map(
      (s) =>
        `LLM_PROVIDER=${s.provider} needs ${s.reason.replace(/^set /, "")}; to start without it, set LLM_FALLBACK=template`,
    );
}

/** Every concern's environment schema, for ENV_VARIABLES and for checking documented values and defaults. */
export const ENV_SCHEMAS = [
  CatalogEnvSchema,
  StoreEnvSchema,
  PhrasingEnvSchema,
  HttpEnvSchema,
  LoggingEnvSchema,
  FilesEnvSchema,
  SlackEnvSchema,
  TeamsEnvSchema,
  DigestEnvSchema,
] as const;

/**
 * Every environment variable the product reads, taken from the schemas that validate them; the
 * README's configuration table and `.env.example` are tested against this list in both directions.
 */
export const ENV_VARIABLES: readonly string[] = [
  ...new Set(ENV_SCHEMAS.flatMap((schema) => Object.keys(schema.shape))),
].sort();

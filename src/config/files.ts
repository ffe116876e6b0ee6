import { z } from "zod";
import { blankAsUnset, type ConfigResult, type Env, problemsOf } from "./env.js";
import { DEFAULT_DATA_DIR } from "./store.js";

export const FilesEnvSchema = z.object({ DATA_DIR: z.string().trim().min(1).optional() });

export interface FilesConfig {
  /** The data directory: the embedded database (pglite/), saved charts (charts/), the console's session. */
  dataDir: string;
}

export function loadFilesConfig(env: Env): ConfigResult<FilesConfig> {
  const parsed = FilesEnvSchema.safeParse(blankAsUnset(env));
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error) };
  return { ok: true, value: { dataDir: parsed.data.DATA_DIR ?? DEFAULT_DATA_DIR } };
}

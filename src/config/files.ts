import { constants } from "node:fs";
import { access, mkdir } from "node:fs/promises";
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

/**
 * Creates DATA_DIR if needed and checks it is writable, at start-up, so a wrong path is reported
 * as such (`DATA_DIR /dev/null/x: cannot create the directory (ENOTDIR)`) rather than as a store outage.
 */
export async function prepareDataDir(dataDir: string): Promise<string | null> {
  try {
    await mkdir(dataDir, { recursive: true });
  } catch (error) {
    return `DATA_DIR ${dataDir}: cannot create the directory (${codeOf(error)})`;
  }
  try {
    await access(dataDir, constants.W_OK);
  } catch (error) {
    return `DATA_DIR ${dataDir}: cannot write to the directory (${codeOf(error)})`;
  }
  return null;
}

const codeOf = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? "error";

import type { z } from "zod";

/** The environment as the config loaders see it: always passed in, so only src/config.ts reads the real one. */
export type Env = Readonly<Record<string, string | undefined>>;

export type ConfigResult<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/** One line per problem, naming the variable: "OPENAI_BASE_URL: must be a URL ...". */
export function problemsOf(error: z.ZodError): string[] {
  return error.issues.map((i) => {
    const variable = i.path.join(".");
    return i.message.startsWith(variable) ? i.message : `${variable}: ${i.message}`;
  });
}

/** An empty variable counts as unset, as shells and .env files often leave them. */
export const blankAsUnset = (env: Env): Env =>
  Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ""));

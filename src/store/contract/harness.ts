import { randomUUID } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { advise } from "../../domain/advise.js";
import { buildCatalog } from "../../domain/catalog/catalog.js";
import type { Profile } from "../../domain/profile.js";
import { type AdviceJson, adviceJson } from "../../render/json.js";
import type { SqlExecutor } from "../executor.js";
import { pgliteExecutor } from "../pglite.js";
import { createPostgresStore, postgresExecutor } from "../postgres.js";
import type { ThreadKey } from "../schemas.js";
import { createSqlStore } from "../sql-store.js";
import type { Store } from "../types.js";

/**
 * One database for a contract run. `open` starts a store on it as a process would (migrations run);
 * `raw` reaches the same database directly, to corrupt a row or fake a newer schema. No mocks: the
 * harnesses below are a real PGlite and a real PostgreSQL.
 */
export interface StoreHarness {
  open(options?: { clock?: () => Date }): Promise<Store>;
  raw(): SqlExecutor;
  /** The PostgreSQL schema holding the tables ("public" for PGlite). */
  schema: string;
  dispose(): Promise<void>;
}

/** Stores opened through a harness are closed with it, so a failing test leaks no pool. */
function tracking(open: (clock?: () => Date) => Promise<Store>) {
  const stores: Store[] = [];
  return {
    open: async (options: { clock?: () => Date } = {}) => {
      const store = await open(options.clock);
      stores.push(store);
      return store;
    },
    closeAll: () => Promise.all(stores.map((s) => s.close())),
  };
}

/** An in-memory PGlite shared by every store the harness opens (a restart without losing the data). */
export async function pgliteHarness(): Promise<StoreHarness> {
  const db = await PGlite.create("memory://");
  const t = tracking((clock) =>
    createSqlStore(pgliteExecutor(db, { owned: false }), { kind: "pglite", clock }),
  );
  return {
    open: t.open,
    raw: () => pgliteExecutor(db, { owned: false }),
    schema: "public",
    dispose: async () => {
      await t.closeAll();
      await db.close();
    },
  };
}

/**
 * A fresh schema on the PostgreSQL at `url`, dropped by dispose: test files running in parallel,
 * and reruns after a crash, never share tables. Each `open` makes its own pool, like a separate process.
 */
export async function postgresHarness(url: string): Promise<StoreHarness> {
  const schema = `store_test_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const admin = new pg.Pool({ connectionString: url, max: 3, options: `-c search_path=${schema}` });
  const t = tracking((clock) => createPostgresStore({ url, schema, poolSize: 8, clock }));
  return {
    open: t.open,
    raw: () => postgresExecutor(admin, { owned: false }),
    schema,
    dispose: async () => {
      await t.closeAll();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    },
  };
}

/** A clock the test moves by hand. */
export function manualClock(start = "2026-11-23T09:00:00Z") {
  let now = new Date(start);
  return {
    now: () => now,
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  };
}

const catalog = buildCatalog({ pricesAt: new Date("2026-11-21T12:00:00Z") });

/** Real answers from the engine, so stored rows carry the real JSON contract. */
export function answerFor(profile: Profile): AdviceJson {
  const r = advise(profile, catalog, { today: "2026-11-21" });
  if (!r.ok) throw new Error(`fixture profile rejected: ${r.error.map((i) => i.message).join("; ")}`);
  return adviceJson(r.value);
}

export const FIRST_PROFILE: Profile = {
  requestsPerMonth: 500_000,
  inputTokensPerRequest: 800,
  outputTokensPerRequest: 200,
  compliance: ["hipaa"],
};
export const FOLLOW_UP_PROFILE: Profile = { ...FIRST_PROFILE, requestsPerMonth: 1_000_000 };

/** A thread no other test uses: ids are unique per call. */
export function newThread(platform: ThreadKey["platform"] = "slack"): ThreadKey {
  const id = randomUUID().slice(0, 8);
  return { platform, workspaceId: `T${id}`, channelId: `C${id}`, threadId: `1732353600.${id}` };
}

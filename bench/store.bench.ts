import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { answerFor, FIRST_PROFILE, newThread } from "../src/store/contract/harness.js";
import { createPgliteStore } from "../src/store/pglite.js";
import { createPostgresStore } from "../src/store/postgres.js";
import type { Store } from "../src/store/types.js";
import { measure, type Row } from "./report.js";

const SUBSCRIPTIONS = 1_000;
const advice = answerFor(FIRST_PROFILE);

/**
 * The store's hot paths beside `ping()` (SELECT 1) on the same database: an answer saved and its
 * thread loaded (a follow-up), an event claimed (every Slack event), and a digest delivery claimed and
 * recorded, round robin over 1,000 subscriptions (ops/s = digests recorded per second).
 */
async function storeRows(group: string, store: Store): Promise<Row[]> {
  const subscriptionIds: string[] = [];
  for (let i = 0; i < SUBSCRIPTIONS; i++) {
    const { subscription } = await store.subscriptions.create({
      channel: { platform: "slack", workspaceId: "Tbench", channelId: `C${i}` },
      profile: FIRST_PROFILE,
      schedule: { cron: "0 9 * * 1", timezone: "UTC" },
      createdBy: "Ubench",
    });
    subscriptionIds.push(subscription.id);
  }
  const thread = newThread();
  let n = 0;
  return measure(`store: ${group}`, [
    ["baseline: ping() (SELECT 1)", () => store.ping()],
    [
      "saveAnswer() + getThread() (a follow-up)",
      async () => {
        await store.threads.saveAnswer({ thread, userId: "Ubench", profile: FIRST_PROFILE, advice });
        return store.threads.getThread(thread);
      },
    ],
    ["events.claim() (each Slack event)", () => store.events.claim(`bench:${randomUUID()}`, 600_000)],
    [
      `deliveries.claim() + markPosted() over ${SUBSCRIPTIONS.toLocaleString("en-US")} subscriptions`,
      async () => {
        const i = n++;
        const sub = subscriptionIds[i % SUBSCRIPTIONS] as string;
        const claim = await store.deliveries.claim(sub, `period-${Math.floor(i / SUBSCRIPTIONS)}`);
        if (!claim.claimed) throw new Error(`bench claim refused: ${claim.state}`);
        return store.deliveries.markPosted(claim, { platform: "slack", channel: "C", ts: String(i) });
      },
    ],
  ]);
}

export async function bench(): Promise<Row[]> {
  const rows: Row[] = [];
  const dir = await mkdtemp(join(tmpdir(), "llm-advisor-bench-"));
  try {
    const store = await createPgliteStore({ dataDir: join(dir, "data") });
    rows.push(...(await storeRows("PGlite (on disk, in-process)", store)));
    await store.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!url) return rows;
  const schema = `store_bench_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const store = await createPostgresStore({ url, schema, poolSize: 10 });
  try {
    rows.push(...(await storeRows("PostgreSQL (local server, pool of 10)", store)));
  } finally {
    await store.close();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
  return rows;
}

import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { createSlackDigestPoster } from "../src/channels/slack/digest-poster.js";
import { composeDigest } from "../src/digest/compose.js";
import { renderDigest } from "../src/digest/render-digest.js";
import { createDigestScheduler } from "../src/digest/scheduler.js";
import { buildCatalog } from "../src/domain/catalog/catalog.js";
import type { Profile } from "../src/domain/profile.js";
import { silentLogger } from "../src/logging.js";
import { createMetrics } from "../src/metrics.js";
import type { Store } from "../src/store/index.js";
import { createPgliteStore } from "../src/store/pglite.js";
import { createPostgresStore } from "../src/store/postgres.js";
import { startFakeSlack } from "../test/fakes/slack-api.js";
import { measure, type Row } from "./report.js";

const SUBSCRIPTIONS = 1_000;
const RUNS = 3;
const BOT_TOKEN = "xoxb-test-0000000000-abcdefghijkl";
const START = new Date("2026-11-01T12:00:00Z");
/** The k-th Monday 09:00 in Berlin from 2026-11-02 (08:00Z: CET until March): one period a run. */
const monday = (k: number) => new Date(Date.UTC(2026, 10, 2 + 7 * k, 8));
const PROFILES: Profile[] = [
  {
    requestsPerMonth: 2_000_000,
    inputTokensPerRequest: 500,
    outputTokensPerRequest: 200,
    currentModel: "gpt-4o-mini",
  },
  {
    requestsPerMonth: 500_000,
    inputTokensPerRequest: 800,
    outputTokensPerRequest: 200,
    compliance: ["hipaa"],
  },
  { requestsPerMonth: 30_000_000, inputTokensPerRequest: 300, outputTokensPerRequest: 100 },
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/**
 * Digests composed and posted per second: `runDue` over 1,000 subscriptions, each digest claimed,
 * composed from the last one's snapshot, posted to the loopback fake Slack through the real Slack
 * SDK, and recorded. Beside it, in the same run: a bare chat.postMessage through the same poster
 * (the fake's floor) and composing one digest with no I/O. The whole-run rows are per digest
 * (median µs = run time / 1,000; "p99" is the slowest run's), over RUNS runs.
 */
async function digestRows(group: string, store: Store, clock: BenchClock): Promise<Row[]> {
  const slack = await startFakeSlack();
  try {
    const metrics = createMetrics(false);
    const poster = createSlackDigestPoster({ botToken: BOT_TOKEN, apiUrl: slack.apiUrl }, { metrics });
    clock.set(START);
    for (let i = 0; i < SUBSCRIPTIONS; i++) {
      await store.subscriptions.create({
        channel: { platform: "slack", workspaceId: "T0TEAM", channelId: `C${i}` },
        profile: PROFILES[i % PROFILES.length] as Profile,
        schedule: { cron: "0 9 * * 1", timezone: "Europe/Berlin" },
        createdBy: "U0BENCH",
      });
    }
    const catalog = buildCatalog({ pricesAt: START });
    const sample = composeDigest({
      subscriptionId: "bench",
      profile: PROFILES[0] as Profile,
      catalog,
      run: { at: START, periodKey: START.toISOString() },
      timezone: "Europe/Berlin",
      scheduleLabel: "every Monday at 09:00 (Europe/Berlin)",
      previous: null,
      spend: null,
    });
    const message = renderDigest(sample.model);
    let n = 0;
    const rows = await measure(
      `digest: ${group}`,
      [
        [
          "baseline: bare chat.postMessage to the fake Slack (SlackDigestPoster.post)",
          () =>
            poster.post(
              { platform: "slack", workspaceId: "T0TEAM", channelId: "C-bench" },
              message,
              `k${n++}`,
            ),
        ],
        [
          "compose + render one digest (no I/O)",
          () =>
            renderDigest(
              composeDigest({
                subscriptionId: "bench",
                profile: PROFILES[n++ % PROFILES.length] as Profile,
                catalog,
                run: { at: START, periodKey: START.toISOString() },
                timezone: "Europe/Berlin",
                scheduleLabel: "every Monday at 09:00 (Europe/Berlin)",
                previous: { periodKey: START.toISOString(), snapshot: sample.snapshot?.data },
                spend: null,
              }).model,
            ),
        ],
      ],
      1000,
    );
    const baseline = rows[0]?.medianUs ?? 1;
    let week = 0;
    for (const concurrency of [4, 16]) {
      const scheduler = createDigestScheduler({
        store,
        posters: [poster],
        catalogAt: (at) => buildCatalog({ pricesAt: at }),
        costs: null,
        logger: silentLogger(),
        metrics,
        now: clock.now,
        concurrency,
      });
      const perRunMs: number[] = [];
      for (let r = 0; r < RUNS; r++) {
        const at = monday(week++);
        clock.set(at);
        const started = performance.now();
        const lines = await scheduler.runDue(at);
        perRunMs.push(performance.now() - started);
        const posted = lines.filter((l) => l.outcome === "posted").length;
        if (posted !== SUBSCRIPTIONS) throw new Error(`bench run posted ${posted} of ${SUBSCRIPTIONS}`);
      }
      const perDigestUs = (median(perRunMs) * 1000) / SUBSCRIPTIONS;
      rows.push({
        group: `digest: ${group}`,
        name: `runDue: ${SUBSCRIPTIONS.toLocaleString("en-US")} digests claimed, composed, posted, recorded (concurrency ${concurrency}); per digest`,
        medianUs: perDigestUs,
        p99Us: (Math.max(...perRunMs) * 1000) / SUBSCRIPTIONS,
        opsPerSecond: SUBSCRIPTIONS / (median(perRunMs) / 1000),
        samples: RUNS * SUBSCRIPTIONS,
        ratioToBaseline: perDigestUs / baseline,
      });
    }
    return rows;
  } finally {
    await slack.close();
  }
}

interface BenchClock {
  now(): Date;
  set(d: Date): void;
}

/** A clock the bench moves to each run's instant, so leases and created_at match the run. */
function benchClock(): BenchClock {
  let now = START;
  return {
    now: () => now,
    set: (d) => {
      now = d;
    },
  };
}

export async function bench(): Promise<Row[]> {
  const rows: Row[] = [];
  const dir = await mkdtemp(join(tmpdir(), "llm-advisor-digest-bench-"));
  try {
    const clock = benchClock();
    const store = await createPgliteStore({ dataDir: join(dir, "data"), clock: clock.now });
    rows.push(...(await digestRows("PGlite (on disk, in-process)", store, clock)));
    await store.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!url) return rows;
  const schema = `digest_bench_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const clock = benchClock();
  const store = await createPostgresStore({ url, schema, poolSize: 10, clock: clock.now });
  try {
    rows.push(...(await digestRows("PostgreSQL (local server, pool of 10)", store, clock)));
  } finally {
    await store.close();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
  return rows;
}

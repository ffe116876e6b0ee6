import { loadCatalog } from "../../catalog-file.js";
import { createSlackDigestPoster } from "../../channels/slack/index.js";
import type { SurfaceDeps } from "../../channels/surface.js";
import { createTeamsSurface } from "../../channels/teams/index.js";
import {
  type Env,
  loadCatalogConfig,
  loadDigestConfig,
  loadPhrasingConfig,
  loadSlackConfig,
  loadStoreConfig,
  loadTeamsConfig,
} from "../../config.js";
import { Conversation } from "../../conversation/conversation.js";
import { pickProblem, pickSubscription } from "../../digest/commands.js";
import { type Delivered, type DigestPoster, digestText } from "../../digest/index.js";
import { createOpenAiCostsSdk, OpenAiCosts } from "../../digest/openai-costs.js";
import { createDigestScheduler, type DigestScheduler } from "../../digest/scheduler.js";
import { silentLogger } from "../../logging.js";
import { createMetrics } from "../../metrics.js";
import { createPhrasingService } from "../../phrasing/index.js";
import { openStore, type Store } from "../../store/index.js";
import type { CliIo } from "../context.js";
import { badInput, CliError } from "../errors.js";
import { parseFormat } from "../flags.js";

/**
 * `llm-advise digest run --at <ISO time>` and `llm-advise digest preview <id>`: the scheduler's own
 * `runDue` and composer, on the store `npm start` uses (DATABASE_URL or DATA_DIR), for operators
 * and tests. `run` posts through Slack and Teams when they are configured, like the bot would.
 */

export interface DigestFlags {
  at?: string;
  format?: string;
}

/**
 * No retries inside the Slack SDK: chat.postMessage is not idempotent, so a retried post whose first
 * reply was lost would post twice. The scheduler retries instead, looking for the post first.
 */
const SLACK_DIGEST_CLIENT = { retryConfig: { retries: 0 }, timeout: 30_000 };

const problems = (r: { ok: true } | { ok: false; problems: string[] }) => (r.ok ? [] : r.problems);

function parseAt(raw: string | undefined, fallback: Date): Date {
  if (raw === undefined) return fallback;
  // An offset is required: a bare local time would mean different instants on different machines.
  if (
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(raw) ||
    Number.isNaN(Date.parse(raw))
  )
    throw badInput(`--at expects an ISO time with a zone, such as 2026-11-23T08:00:00Z; got "${raw}"`);
  return new Date(raw);
}

/**
 * The posters a configured process would have; Teams posts through the Teams surface's adapter. A
 * platform configured wrongly is an error here, not a silent "no poster".
 */
function postersFor(env: Env, deps: Omit<SurfaceDeps, "conversation" | "logger">): DigestPoster[] {
  const logger = silentLogger();
  const out: DigestPoster[] = [];
  const slack = loadSlackConfig(env);
  const teams = loadTeamsConfig(env);
  const phrasing = loadPhrasingConfig(env);
  const wrong = [
    ...problems(slack),
    ...problems(teams),
    ...(teams.ok && teams.value.enabled ? problems(phrasing) : []),
  ];
  if (wrong.length > 0) throw new CliError("config", wrong.join("; "));
  if (slack.ok && slack.value)
    out.push(createSlackDigestPoster(slack.value, { metrics: deps.metrics }, SLACK_DIGEST_CLIENT));
  if (teams.ok && teams.value.enabled && phrasing.ok) {
    // Built but never started: only its adapter and the stored conversation references are used.
    const conversation = new Conversation({
      ...deps,
      logger,
      phrasing: createPhrasingService(phrasing.value, { logger, metrics: deps.metrics }),
      extraction: false,
      today: () => deps.now().toISOString().slice(0, 10),
    });
    const surface = createTeamsSurface(
      { ...deps, logger, conversation },
      { credentials: teams.value.credentials },
    );
    out.push(surface.digestPoster);
  }
  return out;
}

async function withScheduler<T>(
  io: CliIo,
  env: Env,
  at: Date,
  use: (s: DigestScheduler, store: Store) => Promise<T>,
): Promise<T> {
  const catalogConfig = loadCatalogConfig(env);
  const storeConfig = loadStoreConfig(env);
  const digestConfig = loadDigestConfig(env);
  const wrong = [...problems(catalogConfig), ...problems(storeConfig), ...problems(digestConfig)];
  if (wrong.length > 0 || !catalogConfig.ok || !storeConfig.ok || !digestConfig.ok)
    throw new CliError("config", wrong.join("; "));
  const catalog = await loadCatalog(catalogConfig.value.catalogFile, at);
  if (!catalog.ok) throw new CliError("config", `CATALOG_FILE ${catalog.message}`);
  let store: Store;
  try {
    store = await openStore(storeConfig.value, silentLogger());
  } catch (e) {
    throw new CliError("config", (e as { userMessage?: string }).userMessage ?? "cannot open the store");
  }
  try {
    const metrics = createMetrics(false);
    const costs = digestConfig.value.openAiCosts;
    const posters = postersFor(env, { store, catalog: catalog.value, metrics, now: io.now });
    const scheduler = createDigestScheduler({
      store,
      posters,
      catalogAt: () => catalog.value,
      costs: costs
        ? new OpenAiCosts(createOpenAiCostsSdk({ ...costs, timeoutMs: 30_000 }), costs.projectIds, io.now)
        : null,
      logger: silentLogger(),
      metrics,
      now: io.now,
      leaseMs: digestConfig.value.leaseMs,
      concurrency: digestConfig.value.concurrency,
    });
    return await use(scheduler, store);
  } finally {
    await store.close();
  }
}

function describe(d: Delivered): string {
  switch (d.outcome) {
    case "posted":
      return "posted";
    case "recovered":
      return "already posted (found in the channel after an interrupted attempt; recorded)";
    case "posted-after-takeover":
      return "posted, but another process had taken the period over: the channel may show it twice";
    case "already-posted":
      return "already posted";
    case "in-progress":
      return "being posted by another process";
    case "skipped":
      return d.code === "no-poster" ? `skipped (no poster for ${d.platform})` : `skipped (${d.code})`;
    case "failed":
      return `failed (${d.code ?? "unknown"})`;
    case "not-due":
      return "not due";
  }
}

/**
 * What should not pass silently, as one line for stderr and exit status 1: failures, due digests
 * that no configured poster could post, and posts that may have gone out twice.
 */
function problemLine(lines: readonly Delivered[]): string | null {
  const failed = lines.filter((d) => d.outcome === "failed").length;
  const unposted = lines.filter((d) => d.outcome === "skipped" && d.code === "no-poster");
  const twice = lines.filter((d) => d.outcome === "posted-after-takeover").length;
  const parts: string[] = [];
  if (failed > 0) parts.push(`${failed} digest(s) failed`);
  if (unposted.length > 0) {
    const platforms = [...new Set(unposted.map((d) => d.platform))].sort().join(" and ");
    parts.push(
      `${unposted.length} due digest(s) not posted: ${platforms} is not configured here (Slack: SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET or SLACK_APP_TOKEN; Teams: TEAMS_ENABLED=true)`,
    );
  }
  if (twice > 0)
    parts.push(
      `${twice} digest(s) posted after another process took them over (the channel may show them twice)`,
    );
  return parts.length > 0 ? `${parts.join("; ")}; see the lines above` : null;
}

/** `digest run`: post what is due at --at, once. */
export async function runCommand(io: CliIo, env: Env, flags: DigestFlags): Promise<void> {
  const format = parseFormat(flags.format);
  const at = parseAt(flags.at, io.now());
  const lines = await withScheduler(io, env, at, (s) => s.runDue(at));
  if (format === "json") {
    io.out(
      `${JSON.stringify({ schemaVersion: 1, kind: "digest-run", at: at.toISOString(), deliveries: lines }, null, 2)}\n`,
    );
  } else {
    if (lines.length === 0) io.out(`No active digest subscriptions at ${at.toISOString()}.\n`);
    for (const d of lines)
      io.out(`${d.subscriptionId} ${d.platform} ${d.periodKey ?? "-"}: ${describe(d)}\n`);
  }
  const problem = problemLine(lines);
  if (problem) throw new CliError("internal", problem);
}

/** `digest preview <id>`: compose one digest without posting or recording it. */
export async function previewCommand(io: CliIo, env: Env, id: string, flags: DigestFlags): Promise<void> {
  const format = parseFormat(flags.format);
  const at = parseAt(flags.at, io.now());
  const previewed = await withScheduler(io, env, at, async (s, store) => {
    const picked = pickSubscription(await store.subscriptions.findByIdPrefix(id), id);
    if (!picked.ok)
      throw badInput(
        picked.reason === "not-found"
          ? `no digest subscription "${id}"; a channel's "digest list" shows the ids`
          : pickProblem(id, picked, ""),
      );
    return s.preview(picked.value.id, at);
  });
  if (!previewed) throw badInput(`no digest subscription "${id}"; a channel's "digest list" shows the ids`);
  if (format === "json") {
    const { model, message } = previewed;
    io.out(`${JSON.stringify({ schemaVersion: 1, kind: "digest-preview", model, message }, null, 2)}\n`);
  } else io.out(`${digestText(previewed.model)}\n`);
}

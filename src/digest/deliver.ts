import type { Catalog } from "../domain/catalog/catalog.js";
import type { Logger } from "../logging.js";
import type { Metrics } from "../metrics.js";
import type { DeliveryClaim, MessageRef, Platform, Store, Subscription } from "../store/index.js";
import { type ComposedDigest, composeDigest } from "./compose.js";
import type { ActualSpend, CostsSource } from "./openai-costs.js";
import { type Run, spendWindow } from "./periods.js";
import type { DigestMessage, DigestPoster } from "./poster.js";
import { renderDigest } from "./render-digest.js";
import { describeSchedule } from "./schedule.js";

/**
 * One subscription's digest for one period, following the ledger's protocol (store/types.ts,
 * DeliveryLedger): claim → (recovering: look for the post first) → compose → post with the
 * idempotency key → record. Everything it decides comes back as a `Delivered` line.
 */

export type DeliveryOutcome =
  | "posted"
  /** An earlier attempt had posted but crashed before recording; found by its key and recorded. */
  | "recovered"
  | "already-posted"
  /** Another process holds the claim (its lease has not run out). */
  | "in-progress"
  | "failed"
  /** No poster for the subscription's platform in this process. */
  | "skipped"
  | "not-due";

export interface Delivered {
  subscriptionId: string;
  platform: Platform;
  periodKey: string | null;
  outcome: DeliveryOutcome;
  /** The failure's code, or why it was skipped. */
  code?: string;
  messageRef?: MessageRef;
}

export interface DeliverDeps {
  store: Pick<Store, "deliveries" | "snapshots">;
  costs: CostsSource | null;
  logger: Logger;
  metrics: Pick<Metrics, "digestsPosted" | "digestsFailed">;
  leaseMs: number;
  /** Attempts of one period before a failure counts as final. */
  maxAttempts: number;
}

/** What one run shares between subscriptions: the catalog, and the organization's spend per window. */
export interface RunContext {
  catalog: Catalog;
  spend: Map<string, Promise<ActualSpend>>;
}

export const NOT_CONFIGURED: ActualSpend = {
  ok: false,
  code: "not-configured",
  note: "OPENAI_ADMIN_KEY is not set (an OpenAI organization admin key shows the actual spend here)",
};

function spendFor(deps: DeliverDeps, ctx: RunContext, s: Subscription, run: Run): Promise<ActualSpend> {
  if (!deps.costs) return Promise.resolve(NOT_CONFIGURED);
  const costs = deps.costs;
  const w = spendWindow(s.schedule, run.at);
  const key = `${w.start.toISOString()}/${w.end.toISOString()}`;
  let p = ctx.spend.get(key);
  if (!p) {
    p = costs.spend(w);
    ctx.spend.set(key, p);
  }
  return p;
}

/** Composes the digest a subscription gets for a run, from its last posted digest's snapshot. */
export async function composeFor(
  deps: DeliverDeps,
  ctx: RunContext,
  s: Subscription,
  run: Run,
): Promise<ComposedDigest & { message: DigestMessage }> {
  const previous = await deps.store.deliveries.lastPosted(s.id);
  const snapshot = previous?.snapshotId ? await deps.store.snapshots.get(previous.snapshotId) : null;
  const composed = composeDigest({
    subscriptionId: s.id,
    profile: s.profile,
    catalog: ctx.catalog,
    run,
    timezone: s.schedule.timezone,
    scheduleLabel: describeSchedule(s.schedule),
    previous: previous ? { periodKey: previous.periodKey, snapshot: snapshot?.data ?? null } : null,
    spend: await spendFor(deps, ctx, s, run),
  });
  return { ...composed, message: renderDigest(composed.model) };
}

/** A poster's failure as a short ledger code: Slack's own error string when there is one. */
export function failureCode(e: unknown): string {
  const x = e as { apiError?: unknown; code?: unknown } | null;
  const raw =
    typeof x?.apiError === "string" ? x.apiError : typeof x?.code === "string" ? x.code : "post-failed";
  return raw.replace(/[^A-Za-z0-9_.:-]/g, "_").slice(0, 100) || "post-failed";
}

export async function deliver(
  deps: DeliverDeps,
  ctx: RunContext,
  s: Subscription,
  run: Run,
  poster: DigestPoster,
): Promise<Delivered> {
  const base = { subscriptionId: s.id, platform: s.channel.platform, periodKey: run.periodKey };
  const log = { subscriptionId: s.id, periodKey: run.periodKey, platform: poster.platform };
  const failed = async (claim: DeliveryClaim, code: string, retryable: boolean): Promise<Delivered> => {
    await deps.store.deliveries.markFailed(claim, code, { retryable });
    deps.metrics.digestsFailed.inc({ platform: poster.platform, reason: code });
    deps.logger.warn({ ...log, code, retryable, attempt: claim.attempt }, "digest delivery failed");
    return { ...base, outcome: "failed", code };
  };

  const r = await deps.store.deliveries.claim(s.id, run.periodKey, { leaseMs: deps.leaseMs });
  if (!r.claimed) {
    if (r.state === "subscription-inactive") return { ...base, outcome: "skipped", code: "inactive" };
    if (r.state === "posted")
      return {
        ...base,
        outcome: "already-posted",
        ...(r.delivery.messageRef ? { messageRef: r.delivery.messageRef } : {}),
      };
    if (r.state === "intended") return { ...base, outcome: "in-progress" };
    return { ...base, outcome: "failed", code: r.delivery.errorCode ?? "failed" };
  }
  const claim: DeliveryClaim = r;
  // A takeover of a crashed attempt, or a retry: the message may already be in the channel.
  const mayHavePosted = claim.recovering || claim.attempt > 1;
  if (claim.recovering && !poster.canSearch) return failed(claim, "outcome-unknown", false);

  // Until the post is attempted nothing can have reached the channel, so a failure may be retried.
  let posting = false;
  try {
    const composed = await composeFor(deps, ctx, s, run);
    const snapshotId = composed.snapshot ? (await deps.store.snapshots.save(composed.snapshot)).id : null;
    if (mayHavePosted && poster.canSearch) {
      const row = await deps.store.deliveries.get(s.id, run.periodKey);
      // Widen the window a little for clock skew between replicas and the platform.
      const since = new Date((row?.createdAt ?? run.at).getTime() - 5 * 60_000);
      let found: MessageRef | null;
      try {
        found = await poster.findPosted(s.channel, claim.idempotencyKey, since);
      } catch (e) {
        return failed(claim, `search-${failureCode(e)}`, claim.attempt < deps.maxAttempts);
      }
      if (found) {
        await deps.store.deliveries.markPosted(claim, found, { snapshotId });
        deps.logger.info({ ...log, attempt: claim.attempt }, "digest delivery recovered");
        return { ...base, outcome: "recovered", messageRef: found };
      }
    }
    let ref: MessageRef;
    posting = true;
    try {
      ref = await poster.post(s.channel, composed.message, claim.idempotencyKey);
    } catch (e) {
      // Retrying is safe only where the retry can search for a post this attempt may have made.
      const retryable =
        claim.attempt < deps.maxAttempts &&
        (poster.canSearch || (e as { retryable?: unknown } | null)?.retryable === true);
      return failed(claim, failureCode(e), retryable);
    }
    if (!(await deps.store.deliveries.markPosted(claim, ref, { snapshotId })))
      deps.logger.warn({ ...log, attempt: claim.attempt }, "digest posted after its claim was taken over");
    deps.metrics.digestsPosted.inc({ platform: poster.platform });
    deps.logger.info({ ...log, attempt: claim.attempt }, "digest posted");
    return { ...base, outcome: "posted", messageRef: ref };
  } catch (e) {
    // The store or a bug. If the store still answers, record the failure (final once the post was
    // attempted); otherwise the lease runs out and the next claim recovers, searching first.
    deps.logger.error({ ...log, err: e }, "digest delivery broke");
    return failed(claim, "internal", !posting && claim.attempt < deps.maxAttempts).catch(() => ({
      ...base,
      outcome: "failed" as const,
      code: "internal",
    }));
  }
}

import type { Logger } from "../logging.js";
import type { Metrics } from "../metrics.js";
import type { DeliveryClaim, MessageRef, Platform, Subscription } from "../store/index.js";
import { type ComposeDeps, composeFor, type RunContext, spendFor } from "./compose-for.js";
import type { Run } from "./periods.js";
import type { DigestPoster } from "./poster.js";

export { composeFor, NOT_CONFIGURED, type RunContext } from "./compose-for.js";

/**
 * One subscription's digest for one period, following the ledger's protocol (store/types.ts,
 * DeliveryLedger): read the spend → claim → (recovering: look for the post first) → compose →
 * renew the lease → post with the idempotency key → record. Everything it decides comes back as a
 * `Delivered` line.
 *
 * The guarantee: a period is posted at most once as long as every post finishes (lands, fails or
 * times out) within the lease renewed right before it, which is why DIGEST_LEASE_MS must stay well
 * above the platforms' post timeout (30 s). A post still in flight when its lease runs out (a
 * process paused that long) can land after a successor searched the channel and posted: that
 * second post is not prevented, only reported, as "posted-after-takeover".
 */

export type DeliveryOutcome =
  | "posted"
  /** An earlier attempt had posted but crashed before recording; found by its key and recorded. */
  | "recovered"
  /**
   * This process posted, but its lease had run out and another process had taken the period over
   * meanwhile: the channel may have the digest twice. Counted apart, never as a second "posted".
   */
  | "posted-after-takeover"
  | "already-posted"
  /** Another process holds the claim (its lease has not run out), or took it over from this one. */
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

export interface DeliverDeps extends ComposeDeps {
  logger: Logger;
  metrics: Pick<Metrics, "digestsPosted" | "digestsFailed">;
  leaseMs: number;
  /** Attempts of one period before a failure counts as final. */
  maxAttempts: number;
}

/** A poster's failure as a short ledger code: the poster's own, else Slack's error string when there is one. */
export function failureCode(e: unknown): string {
  const x = e as { ledgerCode?: unknown; apiError?: unknown; code?: unknown } | null;
  const raw =
    typeof x?.ledgerCode === "string"
      ? x.ledgerCode
      : typeof x?.apiError === "string"
        ? x.apiError
        : typeof x?.code === "string"
          ? x.code
          : "post-failed";
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
  const ledger = deps.store.deliveries;
  const failed = async (claim: DeliveryClaim, code: string, retryable: boolean): Promise<Delivered> => {
    await ledger.markFailed(claim, code, { retryable });
    deps.metrics.digestsFailed.inc({ platform: poster.platform, reason: code });
    deps.logger.warn({ ...log, code, retryable, attempt: claim.attempt }, "digest delivery failed");
    return { ...base, outcome: "failed", code };
  };

  // A settled period is answered without asking OpenAI for the spend.
  const known = await ledger.get(s.id, run.periodKey);
  if (known?.state === "posted")
    return {
      ...base,
      outcome: "already-posted",
      ...(known.messageRef ? { messageRef: known.messageRef } : {}),
    };
  if (known?.state === "failed" && !known.retryable)
    return { ...base, outcome: "failed", code: known.errorCode ?? "failed" };
  // Read before claiming: the costs API may take minutes (30 s timeout, a retry, 20 pages), which
  // would otherwise be spent inside the lease.
  const spend = await spendFor(deps, ctx, s, run);

  const r = await ledger.claim(s.id, run.periodKey, { leaseMs: deps.leaseMs });
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
    const composed = await composeFor(deps, ctx, s, run, spend);
    const snapshotId = composed.snapshot ? (await deps.store.snapshots.save(composed.snapshot)).id : null;
    if (mayHavePosted && poster.canSearch) {
      const row = await ledger.get(s.id, run.periodKey);
      // Widen the window a little for clock skew between replicas and the platform.
      const since = new Date((row?.createdAt ?? run.at).getTime() - 5 * 60_000);
      let found: MessageRef | null;
      try {
        found = await poster.findPosted(s.channel, claim.idempotencyKey, since);
      } catch (e) {
        // A search that failed says nothing about the earlier attempt, so it is never read as "not
        // found". Slack's conversations.history is rate-limited hard for commercially distributed
        // non-Marketplace apps since 2025-05-29 (1 request a minute, 15 messages a page; internal apps
        // are exempt): the search is retried on later ticks, and the last attempt ends outcome-unknown.
        // @see https://docs.slack.dev/changelog/2025/05/29/rate-limit-changes-for-non-marketplace-apps
        return claim.attempt < deps.maxAttempts
          ? failed(claim, `search-${failureCode(e)}`, true)
          : failed(claim, "outcome-unknown", false);
      }
      if (found) {
        if (!(await ledger.markPosted(claim, found, { snapshotId })))
          return { ...base, outcome: "in-progress", code: "lease-lost" };
        // The attempt that posted it never got to count it.
        deps.metrics.digestsPosted.inc({ platform: poster.platform });
        deps.logger.info({ ...log, attempt: claim.attempt }, "digest delivery recovered");
        return { ...base, outcome: "recovered", messageRef: found };
      }
    }
    // Searching and composing ran inside the lease: if it ran out and another process took the
    // period over meanwhile, this one must not post.
    if (!(await ledger.renew(claim, deps.leaseMs))) {
      deps.logger.warn({ ...log, attempt: claim.attempt }, "digest claim taken over before posting");
      return { ...base, outcome: "in-progress", code: "lease-lost" };
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
    if (!(await ledger.markPosted(claim, ref, { snapshotId }))) {
      deps.metrics.digestsFailed.inc({ platform: poster.platform, reason: "posted-after-takeover" });
      deps.logger.error(
        { ...log, attempt: claim.attempt, messageRef: ref },
        "digest posted after its claim was taken over; the channel may show it twice",
      );
      return { ...base, outcome: "posted-after-takeover", messageRef: ref };
    }
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

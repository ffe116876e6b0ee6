import type { Catalog } from "../domain/catalog/catalog.js";
import type { Profile } from "../domain/profile.js";
import type { Store, Subscription } from "../store/index.js";
import { type ComposedDigest, composeDigest } from "./compose.js";
import type { ActualSpend, CostsSource } from "./openai-costs.js";
import { type Run, spendWindow } from "./periods.js";
import type { DigestMessage } from "./poster.js";
import { renderDigest } from "./render-digest.js";
import { describeSchedule } from "./schedule.js";

/** The reads a digest needs before it is composed: the followed Profile, the previous digest, the spend. */

export interface ComposeDeps {
  store: Pick<Store, "deliveries" | "snapshots" | "threads">;
  costs: CostsSource | null;
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

/** The organization's spend for the run's window, fetched once per run and window. */
export function spendFor(
  deps: ComposeDeps,
  ctx: RunContext,
  s: Subscription,
  run: Run,
): Promise<ActualSpend> {
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

/**
 * The Profile a digest prices: a subscription made from an answer follows that answer's thread, so a
 * follow-up there ("double the volume") reaches the next digest; one made from a question (or whose
 * thread is gone) keeps the Profile it was made with.
 */
export async function followedProfile(
  store: Pick<Store, "threads">,
  s: Pick<Subscription, "answerId" | "profile">,
): Promise<Profile> {
  if (!s.answerId) return s.profile;
  return (await store.threads.threadOfAnswer(s.answerId))?.profile ?? s.profile;
}

/** Composes the digest a subscription gets for a run, compared with the last digest of an earlier period. */
export async function composeFor(
  deps: ComposeDeps,
  ctx: RunContext,
  s: Subscription,
  run: Run,
  spend?: ActualSpend,
): Promise<ComposedDigest & { message: DigestMessage }> {
  const previous = await deps.store.deliveries.lastPosted(s.id, { before: run.periodKey });
  const snapshot = previous?.snapshotId ? await deps.store.snapshots.get(previous.snapshotId) : null;
  const composed = composeDigest({
    subscriptionId: s.id,
    profile: await followedProfile(deps.store, s),
    catalog: ctx.catalog,
    run,
    timezone: s.schedule.timezone,
    scheduleLabel: describeSchedule(s.schedule),
    previous: previous ? { periodKey: previous.periodKey, snapshot: snapshot?.data ?? null } : null,
    spend: spend ?? (await spendFor(deps, ctx, s, run)),
  });
  return { ...composed, message: renderDigest(composed.model) };
}

import { beforeAll, describe, expect, it } from "vitest";
import type { MessageRef } from "../schemas.js";
import type { DeliveryClaim, DeliveryClaimResult, Store } from "../types.js";
import { manualClock, type StoreHarness } from "./harness.js";
import { newChannel, subscriptionInput } from "./subscriptions.js";

const MINUTE = 60_000;
const POSTED = { platform: "slack", channel: "C1", ts: "1732353600.000100" } satisfies MessageRef;

function mustClaim(r: DeliveryClaimResult): DeliveryClaim {
  if (!r.claimed) throw new Error(`expected a claim, got state ${r.state}`);
  return r;
}

export function deliveriesContract(h: () => StoreHarness) {
  describe("delivery ledger (one digest per subscription and period)", () => {
    let store: Store;
    const clock = manualClock();
    beforeAll(async () => {
      store = await h().open({ clock: clock.now });
    });
    const subscribe = async () =>
      (await store.subscriptions.create(subscriptionInput(newChannel()))).subscription.id;

    it("grants the first claim and reports the state to later ones", async () => {
      const sub = await subscribe();
      const claim = mustClaim(await store.deliveries.claim(sub, "2026-11-23"));
      expect(claim).toMatchObject({ attempt: 1, recovering: false });
      expect(claim.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
      expect(await store.deliveries.claim(sub, "2026-11-23")).toMatchObject({
        claimed: false,
        state: "intended",
      });
      expect(await store.deliveries.markPosted(claim, POSTED)).toBe(true);
      const later = await store.deliveries.claim(sub, "2026-11-23");
      expect(later).toMatchObject({
        claimed: false,
        state: "posted",
        delivery: { messageRef: POSTED, attempt: 1 },
      });
      expect(await store.deliveries.markPosted(claim, POSTED)).toBe(false);
      expect((await store.deliveries.claim(sub, "2026-11-30")).claimed).toBe(true);
    });

    it("grants exactly one of many concurrent claims from two processes", async () => {
      const sub = await subscribe();
      const other = await h().open({ clock: clock.now });
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? store : other).deliveries.claim(sub, "2026-W48")),
      );
      expect(results.filter((r) => r.claimed)).toHaveLength(1);
      expect(results.filter((r) => !r.claimed && r.state === "intended")).toHaveLength(19);
    });

    it("shows a crashed attempt to a restarted process, which takes it over with the same key", async () => {
      const sub = await subscribe();
      const crashed = await h().open({ clock: clock.now });
      const lost = mustClaim(await crashed.deliveries.claim(sub, "2026-11-23", { leaseMs: 5 * MINUTE }));
      await crashed.close(); // posted, perhaps, but never recorded

      const restarted = await h().open({ clock: clock.now });
      expect((await restarted.deliveries.listUnfinished()).map((d) => d.id)).not.toContain(lost.deliveryId);
      expect(await restarted.deliveries.claim(sub, "2026-11-23")).toMatchObject({
        claimed: false,
        state: "intended",
      });

      clock.advance(5 * MINUTE);
      const unfinished = await restarted.deliveries.listUnfinished();
      expect(unfinished.find((d) => d.id === lost.deliveryId)).toMatchObject({
        subscriptionId: sub,
        periodKey: "2026-11-23",
        state: "intended",
        idempotencyKey: lost.idempotencyKey,
      });
      const takeover = mustClaim(await restarted.deliveries.claim(sub, "2026-11-23"));
      // Same key: the new owner looks for a message carrying it before posting again.
      expect(takeover).toMatchObject({
        deliveryId: lost.deliveryId,
        idempotencyKey: lost.idempotencyKey,
        attempt: 2,
        recovering: true,
      });
      expect(await restarted.deliveries.markPosted(takeover, POSTED)).toBe(true);
      // The first attempt, had it survived, learns it no longer owns the delivery.
      expect(await store.deliveries.markPosted(lost, POSTED)).toBe(false);
      expect((await restarted.deliveries.listUnfinished()).map((d) => d.id)).not.toContain(lost.deliveryId);
    });

    it("lets a retryable failure be claimed again, but not a final one", async () => {
      const sub = await subscribe();
      const a = mustClaim(await store.deliveries.claim(sub, "p1"));
      expect(await store.deliveries.markFailed(a, "ratelimited", { retryable: true })).toBe(true);
      expect(await store.deliveries.get(sub, "p1")).toMatchObject({
        state: "failed",
        errorCode: "ratelimited",
      });
      const retry = mustClaim(await store.deliveries.claim(sub, "p1"));
      expect(retry).toMatchObject({ attempt: 2, recovering: false, idempotencyKey: a.idempotencyKey });
      expect(await store.deliveries.markFailed(retry, "channel_not_found")).toBe(true);
      expect(await store.deliveries.claim(sub, "p1")).toMatchObject({
        claimed: false,
        state: "failed",
        delivery: { errorCode: "channel_not_found", retryable: false, attempt: 2 },
      });
    });

    it("claims nothing for a subscription that is switched off or gone", async () => {
      const sub = await subscribe();
      const crashed = mustClaim(await store.deliveries.claim(sub, "p0", { leaseMs: MINUTE }));
      await store.subscriptions.update(sub, { active: false });
      clock.advance(MINUTE);
      expect(await store.deliveries.claim(sub, "p1")).toEqual({
        claimed: false,
        state: "subscription-inactive",
      });
      // A crashed attempt of a switched-off subscription is neither taken over nor listed as work.
      expect(await store.deliveries.claim(sub, "p0")).toMatchObject({ claimed: false, state: "intended" });
      expect((await store.deliveries.listUnfinished()).map((d) => d.id)).not.toContain(crashed.deliveryId);
      expect(await store.deliveries.claim("no-such-subscription", "p1")).toEqual({
        claimed: false,
        state: "subscription-inactive",
      });
    });

    it("finds the last posted digest and the catalog snapshot it used", async () => {
      const sub = await subscribe();
      expect(await store.deliveries.lastPosted(sub)).toBeNull();
      const snap1 = await store.snapshots.save({ asOf: "2026-11-01", data: { "gpt-4o-mini": 0.15 } });
      const snap2 = await store.snapshots.save({ asOf: "2026-11-20", data: { "gpt-4o-mini": 0.12 } });
      const w1 = mustClaim(await store.deliveries.claim(sub, "W47"));
      await store.deliveries.markPosted(w1, POSTED, { snapshotId: snap1.id });
      clock.advance(7 * 24 * 60 * MINUTE);
      const w2 = mustClaim(await store.deliveries.claim(sub, "W48"));
      expect((await store.deliveries.lastPosted(sub))?.snapshotId).toBe(snap1.id);
      await store.deliveries.markPosted(w2, { ...POSTED, ts: "2" }, { snapshotId: snap2.id });
      expect(await store.deliveries.lastPosted(sub)).toMatchObject({
        periodKey: "W48",
        snapshotId: snap2.id,
      });
    });

    it("drops a subscription's ledger with the subscription", async () => {
      const sub = await subscribe();
      mustClaim(await store.deliveries.claim(sub, "p1"));
      await store.subscriptions.delete(sub);
      expect(await store.deliveries.get(sub, "p1")).toBeNull();
    });
  });
}

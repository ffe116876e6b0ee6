import { beforeAll, describe, expect, it } from "vitest";
import type { MessageRef } from "../schemas.js";
import type { DeliveryClaim, DeliveryClaimResult, Store } from "../types.js";
import { manualClock, type StoreHarness } from "./harness.js";
import { newChannel, subscriptionInput } from "./subscriptions.js";

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const POSTED = { platform: "slack", channel: "C1", ts: "1732353600.000100" } satisfies MessageRef;

function mustClaim(r: DeliveryClaimResult): DeliveryClaim {
  if (!r.claimed) throw new Error(`expected a claim, got state ${r.state}`);
  return r;
}

/** Leases across processes: renewing before a post, simultaneous takeovers, and whose clock counts. */
export function leasesContract(h: () => StoreHarness) {
  describe("delivery leases", () => {
    let store: Store;
    let other: Store;
    const clock = manualClock();
    beforeAll(async () => {
      store = await h().open({ clock: clock.now });
      other = await h().open({ clock: clock.now }); // a second process: its own connection or pool
    });
    const subscribe = async () =>
      (await store.subscriptions.create(subscriptionInput(newChannel()))).subscription.id;

    it("renews a lease only while the attempt still holds the delivery", async () => {
      const sub = await subscribe();
      const first = mustClaim(await store.deliveries.claim(sub, "p", { leaseMs: MINUTE }));
      clock.advance(30 * SECOND);
      // Renewed at +30 s for a minute: the lease now ends at +90 s instead of +60 s.
      expect(await store.deliveries.renew(first, MINUTE)).toBe(true);
      clock.advance(31 * SECOND); // +61 s: past the first lease, inside the renewed one
      expect(await other.deliveries.claim(sub, "p")).toMatchObject({ claimed: false, state: "intended" });
      clock.advance(29 * SECOND); // +90 s: the renewed lease has run out
      const takeover = mustClaim(await other.deliveries.claim(sub, "p", { leaseMs: MINUTE }));
      expect(takeover).toMatchObject({ attempt: 2, recovering: true });
      // The first claimer learns before posting that the period is no longer its own.
      expect(await store.deliveries.renew(first, MINUTE)).toBe(false);
      expect(await store.deliveries.markPosted(first, POSTED)).toBe(false);
      expect(await other.deliveries.renew(takeover, MINUTE)).toBe(true);
      expect(await other.deliveries.markPosted(takeover, POSTED)).toBe(true);
      expect(await other.deliveries.renew(takeover, MINUTE)).toBe(false); // posted: nothing to renew
    });

    it("lets exactly one of two processes take over an expired delivery at once", async () => {
      const sub = await subscribe();
      const crashed = mustClaim(await store.deliveries.claim(sub, "p", { leaseMs: MINUTE }));
      clock.advance(MINUTE);
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? store : other).deliveries.claim(sub, "p")),
      );
      const won = results.filter((r) => r.claimed);
      expect(won).toEqual([
        expect.objectContaining({ attempt: 2, recovering: true, idempotencyKey: crashed.idempotencyKey }),
      ]);
      expect(results.filter((r) => !r.claimed && r.state === "intended")).toHaveLength(19);
    });

    it("lets exactly one of two processes retry a retryable failure at once", async () => {
      const sub = await subscribe();
      const failed = mustClaim(await store.deliveries.claim(sub, "p"));
      await store.deliveries.markFailed(failed, "ratelimited", { retryable: true });
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? store : other).deliveries.claim(sub, "p")),
      );
      expect(results.filter((r) => r.claimed)).toEqual([
        expect.objectContaining({ attempt: 2, recovering: false }),
      ]);
      expect(results.filter((r) => !r.claimed && r.state === "intended")).toHaveLength(19);
    });

    it("takes lease times from the database's clock when no clock is injected", async () => {
      const serverClocked = await h().open();
      const sub = (await serverClocked.subscriptions.create(subscriptionInput(newChannel()))).subscription.id;
      mustClaim(await serverClocked.deliveries.claim(sub, "p", { leaseMs: 90 * SECOND }));
      const row = await serverClocked.deliveries.get(sub, "p");
      // Both instants come from one now() in one statement, so they are exactly the lease apart.
      expect((row?.leaseExpiresAt.getTime() ?? 0) - (row?.createdAt.getTime() ?? 0)).toBe(90 * SECOND);
    });

    it("compares a period with the last digest posted before it, not with itself", async () => {
      const sub = await subscribe();
      for (const period of ["2026-11-16T08:00:00.000Z", "2026-11-23T08:00:00.000Z"]) {
        clock.advance(MINUTE);
        await store.deliveries.markPosted(mustClaim(await store.deliveries.claim(sub, period)), POSTED);
      }
      expect((await store.deliveries.lastPosted(sub))?.periodKey).toBe("2026-11-23T08:00:00.000Z");
      expect(
        (await store.deliveries.lastPosted(sub, { before: "2026-11-23T08:00:00.000Z" }))?.periodKey,
      ).toBe("2026-11-16T08:00:00.000Z");
      expect(await store.deliveries.lastPosted(sub, { before: "2026-11-16T08:00:00.000Z" })).toBeNull();
    });
  });
}

import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../types.js";
import { manualClock, type StoreHarness } from "./harness.js";

const MINUTE = 60_000;

export function eventsContract(h: () => StoreHarness) {
  describe("event claims (handle each Slack event once)", () => {
    let store: Store;
    let otherProcess: Store;
    const clock = manualClock();
    beforeAll(async () => {
      store = await h().open({ clock: clock.now });
      otherProcess = await h().open({ clock: clock.now });
    });
    const eventKey = () => `slack:T1:Ev${randomUUID()}`;

    it("grants a claim once; a retried delivery of the same event is refused", async () => {
      const key = eventKey();
      expect(await store.events.claim(key, 10 * MINUTE)).toBe(true);
      expect(await store.events.claim(key, 10 * MINUTE)).toBe(false);
      expect(await otherProcess.events.claim(key, 10 * MINUTE)).toBe(false);
      expect(await store.events.claim(eventKey(), 10 * MINUTE)).toBe(true);
    });

    it("grants exactly one of 20 concurrent claims from two processes", async () => {
      const key = eventKey();
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? store : otherProcess).events.claim(key, 10 * MINUTE)),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it("lets an expired claim be taken again, and prune deletes only expired claims", async () => {
      const old = eventKey();
      const fresh = eventKey();
      expect(await store.events.claim(old, MINUTE)).toBe(true);
      clock.advance(2 * MINUTE);
      expect(await store.events.claim(fresh, MINUTE)).toBe(true);
      expect(await store.events.claim(fresh, MINUTE)).toBe(false);
      expect(await store.events.prune()).toBeGreaterThanOrEqual(1);
      expect(await store.events.claim(fresh, MINUTE)).toBe(false);
      expect(await store.events.claim(old, MINUTE)).toBe(true);
    });

    it("gives a claim back on release, so a retry after a failed handler can answer", async () => {
      const key = eventKey();
      expect(await store.events.claim(key, MINUTE)).toBe(true);
      await store.events.release(key);
      expect(await otherProcess.events.claim(key, MINUTE)).toBe(true);
    });
  });
}

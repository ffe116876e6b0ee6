import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { InvalidRecordError } from "../errors.js";
import type { Store } from "../types.js";
import { manualClock, type StoreHarness } from "./harness.js";

export function referencesContract(h: () => StoreHarness) {
  describe("catalog snapshots", () => {
    let store: Store;
    // latest() spans the database, which other tests share: this clock runs after all of theirs.
    const clock = manualClock("2099-01-01T00:00:00Z");
    beforeAll(async () => {
      store = await h().open({ clock: clock.now });
    });
    // Unique per run: snapshots are deduplicated by content across the whole database.
    const prices = (n: number) => ({
      run: randomUUID(),
      models: { "gpt-4o-mini": { input: n, output: 0.6 } },
    });

    it("keeps one row per distinct content, whatever the key order, with a hash and a date", async () => {
      const data = prices(0.15);
      const a = await store.snapshots.save({ asOf: "2026-11-01", data });
      clock.advance(1_000);
      const reordered = { models: { "gpt-4o-mini": { output: 0.6, input: 0.15 } }, run: data.run };
      const b = await store.snapshots.save({ asOf: "2026-11-02", data: reordered });
      expect(b.id).toBe(a.id);
      expect(b.hash).toBe(a.hash);
      expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(b).toMatchObject({ asOf: "2026-11-02", createdAt: a.createdAt, lastSeenAt: clock.now() });
      expect(await store.snapshots.get(a.id)).toEqual({ ...b, data });
      expect(await store.snapshots.get("no-such-snapshot")).toBeNull();
    });

    it("gives the latest and the previous snapshot, so a digest can tell prices changed", async () => {
      const x = prices(0.15);
      const y = prices(0.12);
      clock.advance(60_000);
      const sx = await store.snapshots.save({ asOf: "2026-11-01", data: x });
      clock.advance(60_000);
      const sy = await store.snapshots.save({ asOf: "2026-11-20", data: y });
      expect((await store.snapshots.latest()).map((s) => s.id)).toEqual([sy.id, sx.id]);
      expect(sy.hash).not.toBe(sx.hash);
      // Prices going back to an earlier set make that set the latest again.
      clock.advance(60_000);
      await store.snapshots.save({ asOf: "2026-11-21", data: x });
      expect((await store.snapshots.latest()).map((s) => s.id)).toEqual([sx.id, sy.id]);
      expect(await store.snapshots.latest(1)).toHaveLength(1);
    });
  });

  describe("Teams conversation references", () => {
    let store: Store;
    beforeAll(async () => {
      store = await h().open();
    });
    const reference = (conversationId: string, serviceUrl = "https://smba.trafficmanager.net/emea/") => ({
      serviceUrl,
      channelId: "msteams",
      conversation: { id: conversationId, conversationType: "channel", tenantId: "tenant-1" },
      bot: { id: "28:bot", name: "llm-advisor" },
    });

    it("keeps a reference as given and replaces it when saved again", async () => {
      const conversationId = `19:${randomUUID()}@thread.tacv2`;
      expect(await store.conversations.get("tenant-1", conversationId)).toBeNull();
      await store.conversations.save({
        tenantId: "tenant-1",
        conversationId,
        reference: reference(conversationId),
      });
      expect((await store.conversations.get("tenant-1", conversationId))?.reference).toEqual(
        reference(conversationId),
      );
      const moved = reference(conversationId, "https://smba.trafficmanager.net/amer/");
      await store.conversations.save({ tenantId: "tenant-1", conversationId, reference: moved });
      expect(await store.conversations.get("tenant-1", conversationId)).toMatchObject({
        tenantId: "tenant-1",
        conversationId,
        reference: moved,
      });
      expect(await store.conversations.get("tenant-2", conversationId)).toBeNull();
    });

    it("refuses a reference a proactive message could not use", async () => {
      await expect(
        store.conversations.save({
          tenantId: "tenant-1",
          conversationId: "19:x",
          reference: { conversation: { id: "19:x" } } as never,
        }),
      ).rejects.toThrow(InvalidRecordError);
    });
  });
}

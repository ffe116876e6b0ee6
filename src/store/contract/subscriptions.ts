import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { InvalidRecordError } from "../errors.js";
import type { ChannelKey } from "../schemas.js";
import type { NewSubscription, Store } from "../types.js";
import {
  answerFor,
  FIRST_PROFILE,
  FOLLOW_UP_PROFILE,
  manualClock,
  newThread,
  type StoreHarness,
} from "./harness.js";

const WEEKLY = { cron: "0 9 * * 1", timezone: "Europe/Berlin" };

export function newChannel(platform: ChannelKey["platform"] = "slack"): ChannelKey {
  const id = randomUUID().slice(0, 8);
  return { platform, workspaceId: `T${id}`, channelId: `C${id}` };
}

export const subscriptionInput = (
  channel: ChannelKey,
  extra: Partial<NewSubscription> = {},
): NewSubscription => ({
  channel,
  profile: FIRST_PROFILE,
  schedule: WEEKLY,
  createdBy: "Uowner",
  ...extra,
});

export function subscriptionsContract(h: () => StoreHarness) {
  describe("digest subscriptions", () => {
    let store: Store;
    const clock = manualClock();
    beforeAll(async () => {
      store = await h().open({ clock: clock.now });
    });

    it("creates, reads, updates and deletes a subscription", async () => {
      const channel = newChannel();
      const { subscription, created } = await store.subscriptions.create(subscriptionInput(channel));
      expect(created).toBe(true);
      expect(subscription).toMatchObject({
        channel,
        profile: FIRST_PROFILE,
        answerId: null,
        schedule: WEEKLY,
        createdBy: "Uowner",
        active: true,
        createdAt: clock.now(),
      });
      expect(await store.subscriptions.get(subscription.id)).toEqual(subscription);

      clock.advance(1_000);
      const daily = { cron: "30 8 * * *", timezone: "America/New_York" };
      const updated = await store.subscriptions.update(subscription.id, {
        schedule: daily,
        profile: FOLLOW_UP_PROFILE,
      });
      expect(updated).toMatchObject({ schedule: daily, profile: FOLLOW_UP_PROFILE, active: true });
      expect(updated?.updatedAt).toEqual(clock.now());
      expect((await store.subscriptions.update(subscription.id, { active: false }))?.active).toBe(false);
      expect((await store.subscriptions.get(subscription.id))?.schedule).toEqual(daily);

      expect(await store.subscriptions.delete(subscription.id)).toBe(true);
      expect(await store.subscriptions.get(subscription.id)).toBeNull();
      expect(await store.subscriptions.delete(subscription.id)).toBe(false);
      expect(await store.subscriptions.update(subscription.id, { active: true })).toBeNull();
    });

    it("lists a workspace's or a channel's subscriptions, optionally only the active ones", async () => {
      const a = newChannel();
      const b = { ...newChannel(), workspaceId: a.workspaceId };
      const s1 = (await store.subscriptions.create(subscriptionInput(a))).subscription;
      clock.advance(1_000);
      const s2 = (await store.subscriptions.create(subscriptionInput(b))).subscription;
      clock.advance(1_000);
      const s3 = (await store.subscriptions.create(subscriptionInput(a))).subscription;
      await store.subscriptions.update(s3.id, { active: false });
      const ids = async (f: Parameters<Store["subscriptions"]["list"]>[0]) =>
        (await store.subscriptions.list(f)).map((s) => s.id);
      expect(await ids({ platform: "slack", workspaceId: a.workspaceId })).toEqual([s1.id, s2.id, s3.id]);
      expect(await ids({ platform: "slack", workspaceId: a.workspaceId, channelId: a.channelId })).toEqual([
        s1.id,
        s3.id,
      ]);
      expect(await ids({ platform: "slack", workspaceId: a.workspaceId, activeOnly: true })).toEqual([
        s1.id,
        s2.id,
      ]);
      expect(await ids({ platform: "teams", workspaceId: a.workspaceId })).toEqual([]);
      const active = (await store.subscriptions.listActive()).map((s) => s.id);
      expect(active).toEqual(expect.arrayContaining([s1.id, s2.id]));
      expect(active).not.toContain(s3.id);
    });

    it("keeps one subscription when Subscribe is pressed twice on one answer, switched back on", async () => {
      const thread = newThread();
      const answer = await store.threads.saveAnswer({
        thread,
        userId: "U1",
        profile: FIRST_PROFILE,
        advice: answerFor(FIRST_PROFILE),
      });
      const channel = {
        platform: thread.platform,
        workspaceId: thread.workspaceId,
        channelId: thread.channelId,
      };
      const first = await store.subscriptions.create(subscriptionInput(channel, { answerId: answer.id }));
      await store.subscriptions.update(first.subscription.id, { active: false });
      const daily = { cron: "0 8 * * *", timezone: "UTC" };
      const again = await store.subscriptions.create(
        subscriptionInput(channel, { answerId: answer.id, schedule: daily }),
      );
      expect(again.created).toBe(false);
      expect(again.subscription).toMatchObject({ id: first.subscription.id, active: true, schedule: daily });
      expect(await store.subscriptions.list({ ...channel, activeOnly: false })).toHaveLength(1);
    });

    it("finds subscriptions by the start of their id, in any workspace, switched off or not", async () => {
      const a = (await store.subscriptions.create(subscriptionInput(newChannel()))).subscription;
      clock.advance(1_000);
      const b = (await store.subscriptions.create(subscriptionInput(newChannel("teams")))).subscription;
      await store.subscriptions.update(b.id, { active: false });
      expect((await store.subscriptions.findByIdPrefix(a.id.slice(0, 8))).map((s) => s.id)).toContain(a.id);
      expect((await store.subscriptions.findByIdPrefix(b.id)).map((s) => s.id)).toEqual([b.id]);
      expect(await store.subscriptions.findByIdPrefix("no-such-id")).toEqual([]);
      // A prefix is a literal, never a pattern.
      expect(await store.subscriptions.findByIdPrefix("%")).toEqual([]);
      await expect(store.subscriptions.findByIdPrefix("")).rejects.toThrow(InvalidRecordError);
    });

    it("refuses a schedule that is not five cron fields", async () => {
      await expect(
        store.subscriptions.create(
          subscriptionInput(newChannel(), { schedule: { cron: "every monday", timezone: "UTC" } }),
        ),
      ).rejects.toThrow(InvalidRecordError);
      await expect(
        store.subscriptions.create(
          subscriptionInput(newChannel(), { schedule: { cron: "0 9 * * 1 *", timezone: "UTC" } }),
        ),
      ).rejects.toThrow(/five cron fields/);
    });
  });
}

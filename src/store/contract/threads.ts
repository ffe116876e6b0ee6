import { beforeAll, describe, expect, it } from "vitest";
import type { AdviceJson } from "../../render/json.js";
import { InvalidRecordError } from "../errors.js";
import type { Store } from "../types.js";
import {
  answerFor,
  FIRST_PROFILE,
  FOLLOW_UP_PROFILE,
  manualClock,
  newThread,
  type StoreHarness,
} from "./harness.js";

export function threadsContract(h: () => StoreHarness) {
  describe("threads and answers", () => {
    let store: Store;
    let first: AdviceJson;
    let followUp: AdviceJson;
    const clock = manualClock();
    beforeAll(async () => {
      store = await h().open({ clock: clock.now });
      first = answerFor(FIRST_PROFILE);
      followUp = answerFor(FOLLOW_UP_PROFILE);
    });

    it("keeps a thread's Profile and its answer, and finds the answer by the id a button carries", async () => {
      const thread = newThread();
      const saved = await store.threads.saveAnswer({
        thread,
        userId: "U1",
        question: "500k requests a month, HIPAA",
        profile: FIRST_PROFILE,
        advice: first,
      });
      expect(await store.threads.getThread(thread)).toMatchObject({
        key: thread,
        profile: FIRST_PROFILE,
        latestAnswerId: saved.id,
        answerCount: 1,
      });
      const loaded = await store.threads.getAnswer(saved.id);
      expect(loaded).toEqual(saved);
      expect(loaded?.advice).toEqual(first);
      expect(loaded?.messageRef).toBeNull();
    });

    it("saves a follow-up's new Profile as the thread's and keeps the history newest first", async () => {
      const thread = newThread("teams");
      const a = await store.threads.saveAnswer({
        thread,
        userId: "U1",
        profile: FIRST_PROFILE,
        advice: first,
      });
      clock.advance(60_000);
      const previous = await store.threads.getThread(thread);
      const next = { ...previous?.profile, requestsPerMonth: 1_000_000 };
      const b = await store.threads.saveAnswer({ thread, userId: "U2", profile: next, advice: followUp });
      const now = await store.threads.getThread(thread);
      expect(now?.profile).toEqual(FOLLOW_UP_PROFILE);
      expect(now?.latestAnswerId).toBe(b.id);
      expect(now?.answerCount).toBe(2);
      expect(now?.createdAt).toEqual(a.createdAt);
      expect(now?.updatedAt).toEqual(b.createdAt);
      expect((await store.threads.listThreadAnswers(thread)).map((x) => x.id)).toEqual([b.id, a.id]);
      expect((await store.threads.listThreadAnswers(thread, 1)).map((x) => x.id)).toEqual([b.id]);
    });

    it("tells threads apart by platform, workspace, channel and thread", async () => {
      const thread = newThread();
      await store.threads.saveAnswer({ thread, userId: "U1", profile: FIRST_PROFILE, advice: first });
      expect(await store.threads.getThread({ ...thread, channelId: "Cother" })).toBeNull();
      expect(await store.threads.getThread({ ...thread, platform: "teams" })).toBeNull();
      expect(await store.threads.getThread({ ...thread, threadId: "other" })).toBeNull();
      expect(await store.threads.listThreadAnswers({ ...thread, workspaceId: "Tother" })).toEqual([]);
    });

    it("returns null for an unknown thread or answer id", async () => {
      expect(await store.threads.getThread(newThread())).toBeNull();
      expect(await store.threads.getAnswer("no-such-answer")).toBeNull();
    });

    it("records where an answer was posted, for updating that message later", async () => {
      const thread = newThread();
      const saved = await store.threads.saveAnswer({
        thread,
        userId: "U1",
        profile: FIRST_PROFILE,
        advice: first,
      });
      const ref = { platform: "slack" as const, channel: thread.channelId, ts: "1732353601.000200" };
      expect(await store.threads.setAnswerMessage(saved.id, ref)).toBe(true);
      expect((await store.threads.getAnswer(saved.id))?.messageRef).toEqual(ref);
      expect(await store.threads.setAnswerMessage("no-such-answer", ref)).toBe(false);
      const teams = await store.threads.saveAnswer({
        thread: newThread("teams"),
        userId: "U1",
        profile: FIRST_PROFILE,
        advice: first,
        messageRef: { platform: "teams", conversationId: "19:abc@thread.tacv2", activityId: "1732353601000" },
      });
      expect((await store.threads.getAnswer(teams.id))?.messageRef).toMatchObject({
        activityId: "1732353601000",
      });
    });

    it("lists a user's recent answers newest first, limited, and only theirs", async () => {
      const t1 = newThread();
      const t2 = { ...newThread(), workspaceId: t1.workspaceId };
      const ids: string[] = [];
      for (const [i, thread] of [t1, t2, t1, t2].entries()) {
        clock.advance(1_000);
        const a = await store.threads.saveAnswer({
          thread,
          userId: "Ume",
          profile: FIRST_PROFILE,
          advice: first,
        });
        ids.push(a.id);
        if (i === 1)
          await store.threads.saveAnswer({ thread, userId: "Uother", profile: FIRST_PROFILE, advice: first });
      }
      // Same user id in another workspace is another person.
      await store.threads.saveAnswer({
        thread: newThread(),
        userId: "Ume",
        profile: FIRST_PROFILE,
        advice: first,
      });
      const me = { platform: "slack" as const, workspaceId: t1.workspaceId, userId: "Ume" };
      expect((await store.threads.listRecentAnswers(me)).map((a) => a.id)).toEqual([...ids].reverse());
      expect((await store.threads.listRecentAnswers(me, 2)).map((a) => a.id)).toEqual([ids[3], ids[2]]);
    });

    it("finds a channel's latest answer whoever asked it and in whichever thread", async () => {
      const t1 = newThread();
      const t2 = { ...t1, threadId: "1732353699.000900" };
      const elsewhere = { ...newThread(), workspaceId: t1.workspaceId };
      const channel = { platform: t1.platform, workspaceId: t1.workspaceId, channelId: t1.channelId };
      expect(await store.threads.latestInChannel(channel)).toBeNull();
      await store.threads.saveAnswer({ thread: t1, userId: "Uada", profile: FIRST_PROFILE, advice: first });
      clock.advance(1_000);
      const latest = await store.threads.saveAnswer({
        thread: t2,
        userId: "Ubob",
        profile: FOLLOW_UP_PROFILE,
        advice: followUp,
      });
      clock.advance(1_000);
      await store.threads.saveAnswer({
        thread: elsewhere,
        userId: "Uada",
        profile: FIRST_PROFILE,
        advice: first,
      });
      expect((await store.threads.latestInChannel(channel))?.id).toBe(latest.id);
      expect(await store.threads.latestInChannel({ ...channel, platform: "teams" })).toBeNull();
      // One person's latest there: Ada asked first in this channel, Bob after her, Ada again elsewhere.
      expect((await store.threads.latestInChannel(channel, "Uada"))?.thread).toEqual(t1);
      expect((await store.threads.latestInChannel(channel, "Ubob"))?.id).toBe(latest.id);
      expect(await store.threads.latestInChannel(channel, "Ucarol")).toBeNull();
    });

    it("finds an answer's thread as it is now, after follow-ups changed its Profile", async () => {
      const thread = newThread();
      const asked = await store.threads.saveAnswer({
        thread,
        userId: "U1",
        profile: FIRST_PROFILE,
        advice: first,
      });
      clock.advance(1_000);
      const followed = await store.threads.saveAnswer({
        thread,
        userId: "U1",
        profile: FOLLOW_UP_PROFILE,
        advice: followUp,
      });
      expect(await store.threads.threadOfAnswer(asked.id)).toMatchObject({
        key: thread,
        profile: FOLLOW_UP_PROFILE,
        latestAnswerId: followed.id,
        answerCount: 2,
      });
      expect(await store.threads.threadOfAnswer("no-such-answer")).toBeNull();
    });

    it("orders answers saved in the same instant by when they were saved", async () => {
      const thread = newThread();
      const a = await store.threads.saveAnswer({
        thread,
        userId: "Utie",
        profile: FIRST_PROFILE,
        advice: first,
      });
      const b = await store.threads.saveAnswer({
        thread,
        userId: "Utie",
        profile: FIRST_PROFILE,
        advice: first,
      });
      expect(a.createdAt).toEqual(b.createdAt);
      expect((await store.threads.listThreadAnswers(thread)).map((x) => x.id)).toEqual([b.id, a.id]);
    });

    it("refuses an invalid Profile before writing anything", async () => {
      const thread = newThread();
      const bad = { requestsPerMonth: -1 } as never;
      await expect(
        store.threads.saveAnswer({ thread, userId: "U1", profile: bad, advice: first }),
      ).rejects.toThrow(InvalidRecordError);
      await expect(
        store.threads.saveAnswer({
          thread,
          userId: "U1",
          profile: FIRST_PROFILE,
          advice: { kind: "advice" } as never,
        }),
      ).rejects.toThrow(/invalid advice: schemaVersion/);
      expect(await store.threads.getThread(thread)).toBeNull();
    });
  });
}

import { describe, expect, it } from "vitest";
import { silentLogger } from "../../logging.js";
import { CorruptRowError, SchemaTooNewError } from "../errors.js";
import { migrate } from "../migrate.js";
import { LATEST_VERSION } from "../migrations/index.js";
import { answerFor, FIRST_PROFILE, newThread, type StoreHarness } from "./harness.js";
import { newChannel, subscriptionInput } from "./subscriptions.js";

export function schemaContract(h: () => StoreHarness) {
  describe("migrations", () => {
    it("migrates once: later starts and repeated runs find nothing to do", async () => {
      await h().open();
      await h().open();
      const raw = h().raw();
      expect(await migrate(raw, silentLogger(), h().schema)).toEqual({
        from: LATEST_VERSION,
        to: LATEST_VERSION,
      });
      expect(await migrate(raw, silentLogger(), h().schema)).toEqual({
        from: LATEST_VERSION,
        to: LATEST_VERSION,
      });
      const rows = await raw.query("SELECT version, name FROM schema_version ORDER BY version");
      expect(rows.map((r) => Number(r.version))).toEqual(
        Array.from({ length: LATEST_VERSION }, (_, i) => i + 1),
      );
    });

    it("refuses to start on a database migrated by a newer build, saying what to do", async () => {
      const raw = h().raw();
      const newer = LATEST_VERSION + 1;
      await raw.query("INSERT INTO schema_version (version, name) VALUES ($1, 'from the future')", [newer]);
      try {
        const refused = h().open();
        await expect(refused).rejects.toThrow(SchemaTooNewError);
        await expect(refused).rejects.toThrow(
          `the database schema is at version ${newer} but this build knows versions up to ${LATEST_VERSION}: run a newer llm-advisor`,
        );
      } finally {
        await raw.query("DELETE FROM schema_version WHERE version = $1", [newer]);
      }
      await expect(h().open()).resolves.toBeDefined();
    });
  });

  describe("corrupt rows", () => {
    it("reports a corrupt answer as a coded error naming the row, and lists leave it out", async () => {
      const store = await h().open();
      const thread = newThread();
      const advice = answerFor(FIRST_PROFILE);
      const good = await store.threads.saveAnswer({ thread, userId: "U1", profile: FIRST_PROFILE, advice });
      const bad = await store.threads.saveAnswer({ thread, userId: "U1", profile: FIRST_PROFILE, advice });
      await h()
        .raw()
        .query(`UPDATE answers SET advice = jsonb_set(advice, '{verdict}', '"nowhere"') WHERE id = $1`, [
          bad.id,
        ]);
      const read = store.threads.getAnswer(bad.id);
      await expect(read).rejects.toThrow(CorruptRowError);
      await expect(read).rejects.toThrow(`stored answers row ${bad.id} is corrupt: advice.verdict:`);
      await expect(read).rejects.toMatchObject({ code: "corrupt-row", table: "answers", key: bad.id });
      expect((await store.threads.listThreadAnswers(thread)).map((a) => a.id)).toEqual([good.id]);
    });

    it("reports a thread whose stored Profile no longer parses", async () => {
      const store = await h().open();
      const thread = newThread();
      await store.threads.saveAnswer({
        thread,
        userId: "U1",
        profile: FIRST_PROFILE,
        advice: answerFor(FIRST_PROFILE),
      });
      await h()
        .raw()
        .query(`UPDATE threads SET profile = '{"requestsPerMonth": "lots"}' WHERE thread_id = $1`, [
          thread.threadId,
        ]);
      await expect(store.threads.getThread(thread)).rejects.toThrow(
        /threads row slack\/.* is corrupt: profile.requestsPerMonth: requests per month must be a number/,
      );
    });

    it("leaves a corrupt subscription out of the scheduler's list instead of stopping every digest", async () => {
      const store = await h().open();
      const ok = (await store.subscriptions.create(subscriptionInput(newChannel()))).subscription;
      const bad = (await store.subscriptions.create(subscriptionInput(newChannel()))).subscription;
      await h().raw().query("UPDATE subscriptions SET profile = '[1, 2]' WHERE id = $1", [bad.id]);
      const active = (await store.subscriptions.listActive()).map((s) => s.id);
      expect(active).toContain(ok.id);
      expect(active).not.toContain(bad.id);
      await expect(store.subscriptions.get(bad.id)).rejects.toThrow(CorruptRowError);
    });
  });

  describe("health", () => {
    it("answers ping while open and refuses after close", async () => {
      const store = await h().open();
      await expect(store.ping()).resolves.toBeUndefined();
      await store.close();
      await store.close();
      await expect(store.ping()).rejects.toThrow();
    });
  });
}

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../logging.js";
import { answerFor, FIRST_PROFILE, newThread, pgliteHarness } from "./contract/harness.js";
import { newChannel, subscriptionInput } from "./contract/subscriptions.js";
import { openStore } from "./open.js";
import { createPgliteStore } from "./pglite.js";
import { storeContract } from "./store.contract.js";

describe("PGlite store", () => {
  storeContract(pgliteHarness);
});

describe("PGlite store on disk", () => {
  const dirs: string[] = [];
  const tempDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), "llm-advisor-store-"));
    dirs.push(dir);
    return dir;
  };
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });

  it("loses nothing on restart: the thread, the answer a button names, subscriptions and open intents", async () => {
    const dataDir = join(await tempDir(), "data");
    const before = await createPgliteStore({ dataDir });
    const thread = newThread();
    const answer = await before.threads.saveAnswer({
      thread,
      userId: "U1",
      profile: FIRST_PROFILE,
      advice: answerFor(FIRST_PROFILE),
    });
    const { subscription } = await before.subscriptions.create(subscriptionInput(newChannel()));
    const claim = await before.deliveries.claim(subscription.id, "2026-11-23", { leaseMs: 1 });
    await before.close();

    const after = await openStore({ kind: "pglite", dataDir }, silentLogger());
    expect(after.kind).toBe("pglite");
    expect(await after.threads.getThread(thread)).toMatchObject({
      profile: FIRST_PROFILE,
      latestAnswerId: answer.id,
    });
    expect(await after.threads.getAnswer(answer.id)).toEqual(answer);
    expect(await after.subscriptions.get(subscription.id)).toEqual(subscription);
    expect((await after.deliveries.listUnfinished()).map((d) => d.id)).toEqual([
      claim.claimed ? claim.deliveryId : "not claimed",
    ]);
    await after.close();
  });

  it("says which directory it could not open", async () => {
    const file = join(await tempDir(), "not-a-directory");
    const { writeFile } = await import("node:fs/promises");
    await writeFile(file, "");
    await expect(createPgliteStore({ dataDir: join(file, "data") })).rejects.toMatchObject({
      code: "store-unavailable",
      message: expect.stringContaining(
        `could not open the store at PGlite data directory ${join(file, "data")}`,
      ),
    });
  });
});

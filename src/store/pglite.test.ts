import { spawn } from "node:child_process";
import { once } from "node:events";
import { access, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../logging.js";
import { answerFor, FIRST_PROFILE, newThread, pgliteHarness } from "./contract/harness.js";
import { newChannel, subscriptionInput } from "./contract/subscriptions.js";
import { LOCK_FILE } from "./data-dir-lock.js";
import { StoreLockedError } from "./errors.js";
import { openStore } from "./open.js";
import { createPgliteStore } from "./pglite.js";
import { storeContract } from "./store.contract.js";

describe("PGlite store", () => {
  storeContract(pgliteHarness);
});

/** Opening PGlite on disk takes seconds, many more on a busy machine; a test opening it twice gets longer. */
const ON_DISK_MS = 90_000;

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

  it(
    "loses nothing on restart: the thread, the answer a button names, subscriptions and open intents",
    async () => {
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
    },
    ON_DISK_MS,
  );

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

  /** A real other process: one that is still running, or the pid of one that has exited. */
  const otherProcess = async (keepRunning: boolean) => {
    const child = spawn(process.execPath, ["-e", keepRunning ? "setInterval(() => {}, 1000)" : ""]);
    if (!keepRunning) await once(child, "exit");
    return child;
  };

  it(
    "refuses a second open of the same directory until the first is closed",
    async () => {
      const root = await tempDir();
      const dataDir = join(root, "pglite");
      const first = await createPgliteStore({ dataDir });
      expect(await readFile(join(dataDir, LOCK_FILE), "utf8")).toBe(`${process.pid}\n`);
      const second = createPgliteStore({ dataDir });
      await expect(second).rejects.toThrow(StoreLockedError);
      // DATA_DIR is the directory the operator named: the store lives in DATA_DIR/pglite.
      await expect(second).rejects.toMatchObject({
        code: "store-locked",
        pid: process.pid,
        userMessage: `DATA_DIR ${root} is in use by process ${process.pid}; stop it, or use DATABASE_URL (PostgreSQL) to run several processes`,
      });
      await first.close();
      await expect(access(join(dataDir, LOCK_FILE))).rejects.toMatchObject({ code: "ENOENT" });
      const again = await createPgliteStore({ dataDir });
      await again.close();
    },
    ON_DISK_MS,
  );

  it("refuses a directory another running process holds, naming that process", async () => {
    const dataDir = join(await tempDir(), "data");
    const holder = await otherProcess(true);
    try {
      await mkdir(dataDir, { recursive: true });
      await writeFile(join(dataDir, LOCK_FILE), `${holder.pid}\n`);
      await expect(createPgliteStore({ dataDir })).rejects.toMatchObject({
        code: "store-locked",
        message: `DATA_DIR ${dataDir} is in use by process ${holder.pid}; stop it, or use DATABASE_URL (PostgreSQL) to run several processes`,
      });
    } finally {
      holder.kill();
    }
  });

  it(
    "takes over a lock left by a process that died without releasing it",
    async () => {
      const dataDir = join(await tempDir(), "data");
      const dead = await otherProcess(false);
      await mkdir(dataDir, { recursive: true });
      await writeFile(join(dataDir, LOCK_FILE), `${dead.pid}\n`);
      const store = await createPgliteStore({ dataDir });
      expect(await readFile(join(dataDir, LOCK_FILE), "utf8")).toBe(`${process.pid}\n`);
      await store.close();
    },
    ON_DISK_MS,
  );
});

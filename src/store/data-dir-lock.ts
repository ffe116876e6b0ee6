import { link, readFile, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { StoreLockedError } from "./errors.js";

/**
 * An exclusive lock on a PGlite data directory: PGlite is one process's database, and a second
 * process on the same files (`llm-advise digest run` beside the bot, two consoles) would corrupt them.
 * Hand-written rather than a library such as proper-lockfile because no package could be added in
 * this round: the lock is a file created atomically (written aside, then hard-linked, which fails if
 * it exists) holding the owner's pid, and taken over when that pid is no longer alive. It guards
 * processes on one machine; a directory shared between machines needs PostgreSQL anyway.
 */

export const LOCK_FILE = "llm-advisor.lock";

/** Locks this process holds: a second open of the same directory here is refused too. */
const heldHere = new Set<string>();

const errno = (e: unknown) => (e as { code?: unknown } | null)?.code;

/** Whether a process with this pid exists (EPERM: it does, under another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errno(e) === "EPERM";
  }
}

async function ownerOf(path: string): Promise<number | null> {
  const text = await readFile(path, "utf8").catch(() => "");
  const pid = Number.parseInt(text.trim(), 10);
  return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
}

/** DATA_DIR as the operator set it: the store lives in DATA_DIR/pglite. */
const shown = (dataDir: string) => (basename(dataDir) === "pglite" ? dirname(dataDir) : dataDir);

/** Takes the lock on `dataDir` (which must exist) or throws StoreLockedError; resolves to its release. */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const path = resolve(join(dataDir, LOCK_FILE));
  if (heldHere.has(path)) throw new StoreLockedError(shown(dataDir), process.pid);
  const mine = `${path}.${process.pid}`;
  await writeFile(mine, `${process.pid}\n`);
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await link(mine, path);
        heldHere.add(path);
        return async () => {
          heldHere.delete(path);
          if ((await ownerOf(path)) === process.pid) await unlink(path).catch(() => {});
        };
      } catch (e) {
        if (errno(e) !== "EEXIST") throw e;
      }
      const owner = await ownerOf(path);
      // Our own pid in a file we do not hold is a previous life of this pid (containers restart as pid 1).
      if (owner !== null && owner !== process.pid && alive(owner))
        throw new StoreLockedError(shown(dataDir), owner);
      // Stale: its owner died without releasing it. Removed only if still the same stale owner's.
      if ((await ownerOf(path)) === owner) await unlink(path).catch(() => {});
    }
    // Another process took the stale lock over at the same moment.
    throw new StoreLockedError(shown(dataDir), (await ownerOf(path)) ?? 0);
  } finally {
    await unlink(mine).catch(() => {});
  }
}

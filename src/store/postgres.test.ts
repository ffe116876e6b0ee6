import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { silentLogger } from "../logging.js";
import { postgresHarness } from "./contract/harness.js";
import { openStore } from "./open.js";
import { createPostgresStore } from "./postgres.js";
import { storeContract } from "./store.contract.js";

/** Set by .ci/run to the local server; without it these tests are skipped, and say so in their name. */
const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)(`PostgreSQL store${url ? "" : " (skipped: set TEST_DATABASE_URL to run)"}`, () => {
  storeContract(() => postgresHarness(url as string));

  it("opens through openStore when DATABASE_URL is configured, in DATABASE_SCHEMA", async () => {
    const schema = `store_test_open_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
    const store = await openStore(
      { kind: "postgres", url: url as string, poolSize: 2, schema },
      silentLogger(),
    );
    try {
      expect(store.kind).toBe("postgres");
      await store.ping();
    } finally {
      await store.close();
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      const [found] = (await admin.query("SELECT to_regclass($1) IS NOT NULL AS ok", [`${schema}.answers`]))
        .rows;
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
      expect(found.ok).toBe(true);
    }
  });
});

describe("PostgreSQL store, unreachable", () => {
  it("fails with a coded error that names the server without its password", async () => {
    const failure = createPostgresStore({ url: "postgres://bot:s3cret@127.0.0.1:1/advisor" });
    await expect(failure).rejects.toMatchObject({ code: "store-unavailable" });
    await expect(failure).rejects.toThrow(
      "could not open the store at postgres://bot:***@127.0.0.1:1/advisor",
    );
    await expect(failure).rejects.not.toThrow(/s3cret/);
  });
});

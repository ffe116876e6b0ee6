import { describe, expect, it } from "vitest";
import { redactDatabaseUrl } from "../src/config/store.js";
import { loadStoreConfig } from "../src/config.js";
import {
  CorruptRowError,
  InvalidRecordError,
  SchemaTooNewError,
  StoreUnavailableError,
} from "../src/store/index.js";

describe("store configuration", () => {
  it("uses PGlite in ./data when nothing is set", () => {
    expect(loadStoreConfig({})).toEqual({ ok: true, value: { kind: "pglite", dataDir: "data/pglite" } });
  });

  it("uses PGlite in DATA_DIR, and treats a blank DATABASE_URL as unset", () => {
    expect(loadStoreConfig({ DATA_DIR: "/var/lib/llm-advisor", DATABASE_URL: " " })).toEqual({
      ok: true,
      value: { kind: "pglite", dataDir: "/var/lib/llm-advisor/pglite" },
    });
  });

  it("uses PostgreSQL when DATABASE_URL is set, with a pool of 10 in the public schema by default", () => {
    for (const url of [
      "postgres://bot:pw@db:5432/advisor",
      "postgresql://db/advisor?sslmode=require",
      "postgres:///advisor?host=/var/run/postgresql",
    ])
      expect(loadStoreConfig({ DATABASE_URL: url, DATA_DIR: "./ignored" })).toEqual({
        ok: true,
        value: { kind: "postgres", url, poolSize: 10, schema: "public" },
      });
    expect(
      loadStoreConfig({
        DATABASE_URL: "postgres://db/x",
        DATABASE_POOL_SIZE: "4",
        DATABASE_SCHEMA: "advisor",
      }),
    ).toMatchObject({ ok: true, value: { poolSize: 4, schema: "advisor" } });
  });

  it.each([
    ["not a url at all", "DATABASE_URL: not a URL; expected postgres://user:password@host:5432/database"],
    [
      "mysql://bot:s3cret@db/advisor",
      'DATABASE_URL: scheme "mysql:" is not PostgreSQL; expected postgres:// or postgresql://, e.g. postgres://user:password@host:5432/database',
    ],
    [
      "postgres://bot:s3cret@/advisor",
      "DATABASE_URL: not a URL; expected postgres://user:password@host:5432/database",
    ],
    ["postgres:///advisor", "DATABASE_URL: no host; expected postgres://user:password@host:5432/database"],
  ])("explains a malformed DATABASE_URL (%s) in one line without its password", (url, problem) => {
    expect(loadStoreConfig({ DATABASE_URL: url })).toEqual({ ok: false, problems: [problem] });
  });

  it("refuses a pool size or schema it cannot use", () => {
    expect(loadStoreConfig({ DATABASE_URL: "postgres://db/x", DATABASE_POOL_SIZE: "0" })).toEqual({
      ok: false,
      problems: ["DATABASE_POOL_SIZE: must be a whole number from 1 to 100"],
    });
    expect(loadStoreConfig({ DATABASE_URL: "postgres://db/x", DATABASE_SCHEMA: "Advisor; DROP" })).toEqual({
      ok: false,
      problems: ["DATABASE_SCHEMA: must be a lower-case SQL name (letters, digits, _), e.g. llm_advisor"],
    });
  });

  it("redacts the password from a URL it logs", () => {
    expect(redactDatabaseUrl("postgres://bot:s3cret@db:5432/advisor")).toBe(
      "postgres://bot:***@db:5432/advisor",
    );
    expect(redactDatabaseUrl("postgres://db/advisor")).toBe("postgres://db/advisor");
    expect(redactDatabaseUrl("::")).toBe("(unparsable DATABASE_URL)");
  });
});

describe("store errors", () => {
  it.each([
    [new CorruptRowError("answers", "a1", "advice.verdict: bad"), "corrupt-row"],
    [new InvalidRecordError("profile", "requestsPerMonth: bad"), "invalid-record"],
    [new SchemaTooNewError(3, 1), "schema-too-new"],
    [new StoreUnavailableError("postgres://db/x", new Error("ECONNREFUSED")), "store-unavailable"],
  ] as const)("%s has its code and a user message without internals", (error, code) => {
    expect(error.code).toBe(code);
    expect(error.userMessage).not.toMatch(
      /\ba1\b|postgres:|ECONNREFUSED|advice\.verdict|requestsPerMonth|\d/,
    );
    expect(error.userMessage.length).toBeGreaterThan(10);
  });
});

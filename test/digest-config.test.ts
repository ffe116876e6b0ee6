import { describe, expect, it } from "vitest";
import { loadDigestConfig } from "../src/config.js";

describe("digest configuration", () => {
  it("runs the scheduler every minute with no spend section by default", () => {
    expect(loadDigestConfig({})).toEqual({
      ok: true,
      value: {
        scheduler: true,
        tickMs: 60_000,
        leaseMs: 300_000,
        concurrency: 4,
        defaultTimezone: "UTC",
        openAiCosts: null,
      },
    });
  });

  it("reads the admin key, a base URL for tests and the projects to count", () => {
    const r = loadDigestConfig({
      OPENAI_ADMIN_KEY: "sk-admin-abc123",
      OPENAI_ADMIN_BASE_URL: "http://127.0.0.1:4010/v1",
      OPENAI_COSTS_PROJECT_IDS: "proj_a, proj_b",
      DIGEST_SCHEDULER: "off",
      DIGEST_TICK_MS: "5000",
      DIGEST_DEFAULT_TIMEZONE: "Europe/Berlin",
      DIGEST_LEASE_MS: "",
    });
    expect(r).toMatchObject({
      ok: true,
      value: {
        scheduler: false,
        tickMs: 5000,
        leaseMs: 300_000,
        defaultTimezone: "Europe/Berlin",
        openAiCosts: {
          adminKey: "sk-admin-abc123",
          baseUrl: "http://127.0.0.1:4010/v1",
          projectIds: ["proj_a", "proj_b"],
        },
      },
    });
  });

  it("refuses a lease too short to outlast a post, saying why", () => {
    expect(loadDigestConfig({ DIGEST_LEASE_MS: "119999" })).toEqual({
      ok: false,
      problems: [
        "DIGEST_LEASE_MS: must be at least 120000 (2 minutes): a lease must outlast a digest post (30 s timeout) by a wide margin, or a slow process and the one taking over from it can both post",
      ],
    });
    expect(loadDigestConfig({ DIGEST_LEASE_MS: "120000" })).toMatchObject({
      ok: true,
      value: { leaseMs: 120_000 },
    });
  });

  it("names each bad variable on its own line, without repeating a secret", () => {
    const r = loadDigestConfig({
      OPENAI_ADMIN_KEY: "sk-admin secret with spaces",
      OPENAI_ADMIN_BASE_URL: "ftp://example.com",
      DIGEST_TICK_MS: "10",
      DIGEST_CONCURRENCY: "many",
      DIGEST_DEFAULT_TIMEZONE: "Mars/Olympus",
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.split(":")[0])).toEqual([
      "DIGEST_TICK_MS",
      "DIGEST_CONCURRENCY",
      "DIGEST_DEFAULT_TIMEZONE",
      "OPENAI_ADMIN_KEY",
      "OPENAI_ADMIN_BASE_URL",
    ]);
    expect(r.problems.join("\n")).not.toContain("secret");
  });
});

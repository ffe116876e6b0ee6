import { describe, expect, it } from "vitest";
import { fakeTiming } from "../../test/fixtures/phrasing.js";
import { ProviderHttpError, ProviderResponseError } from "./errors.js";
import { retryAfterMs, withRetry } from "./retry.js";

const policy = { maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 1000 };

function failing(errors: Error[]): { fn: () => Promise<string>; calls: () => number } {
  let calls = 0;
  return {
    fn: async () => {
      const e = errors[calls++];
      if (e) throw e;
      return "ok";
    },
    calls: () => calls,
  };
}

describe("retryAfterMs", () => {
  const now = Date.parse("2026-11-21T12:00:00Z");
  it.each([
    [{ "retry-after": "2" }, 2000],
    [{ "retry-after": "0.5" }, 500],
    [{ "retry-after-ms": "1500", "retry-after": "9" }, 1500],
    [{ "retry-after": "Sat, 21 Nov 2026 12:00:03 GMT" }, 3000],
    [{ "retry-after": "soon" }, null],
    [{}, null],
  ])("reads %j as %s ms", (headers, ms) => {
    expect(retryAfterMs(new Headers(headers), now)).toBe(ms);
  });
});

describe("withRetry", () => {
  it("retries a 500 with backoff and jitter, then succeeds", async () => {
    const t = fakeTiming();
    const f = failing([new ProviderHttpError(500), new ProviderHttpError(503)]);
    const signal = new AbortController().signal;
    await expect(withRetry(f.fn, { policy, timing: t, deadline: t.now() + 5000, signal })).resolves.toBe(
      "ok",
    );
    // Equal jitter with random() = 0.5: 200 → 100 + 50; 400 → 200 + 100.
    expect(t.sleeps).toEqual([150, 300]);
  });

  it("waits what Retry-After asks", async () => {
    const t = fakeTiming();
    const f = failing([new ProviderHttpError(429, 1200)]);
    const signal = new AbortController().signal;
    await withRetry(f.fn, { policy, timing: t, deadline: t.now() + 5000, signal });
    expect(t.sleeps).toEqual([1200]);
  });

  it("gives up at once when Retry-After reaches past the budget", async () => {
    const t = fakeTiming();
    const f = failing([new ProviderHttpError(429, 10_000)]);
    const signal = new AbortController().signal;
    await expect(
      withRetry(f.fn, { policy, timing: t, deadline: t.now() + 5000, signal }),
    ).rejects.toMatchObject({
      code: "http-429",
    });
    expect(f.calls()).toBe(1);
    expect(t.sleeps).toEqual([]);
  });

  it("does not retry a 401 or a bad answer", async () => {
    const t = fakeTiming();
    const signal = new AbortController().signal;
    for (const e of [new ProviderHttpError(401), new ProviderResponseError("no text")]) {
      const f = failing([e]);
      await expect(withRetry(f.fn, { policy, timing: t, deadline: t.now() + 5000, signal })).rejects.toBe(e);
      expect(f.calls()).toBe(1);
    }
  });

  it("stops after the last attempt", async () => {
    const t = fakeTiming();
    const f = failing([new ProviderHttpError(500), new ProviderHttpError(500), new ProviderHttpError(500)]);
    const signal = new AbortController().signal;
    await expect(
      withRetry(f.fn, { policy, timing: t, deadline: t.now() + 5000, signal }),
    ).rejects.toMatchObject({
      code: "http-5xx",
    });
    expect(f.calls()).toBe(3);
  });
});

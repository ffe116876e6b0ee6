import { describe, expect, it } from "vitest";
import { ProviderHttpError, ProviderResponseError, ProviderUnreachableError } from "./errors.js";

describe("provider errors", () => {
  it.each([
    [401, "http-401", false],
    [403, "http-403", false],
    [404, "http-404", false],
    [400, "http-4xx", false],
    [429, "http-429", true],
    [500, "http-5xx", true],
    [503, "http-5xx", true],
  ] as const)("HTTP %i has code %s, retryable %s", (status, code, retryable) => {
    const e = new ProviderHttpError(status);
    expect(e.code).toBe(code);
    expect(e.retryable).toBe(retryable);
    expect(e.userMessage).not.toMatch(/http|\d{3}/i);
  });

  it("each other class has its code", () => {
    expect(new ProviderUnreachableError().code).toBe("unreachable");
    expect(new ProviderUnreachableError().retryable).toBe(true);
    expect(new ProviderResponseError("no text").code).toBe("bad-response");
    expect(new ProviderResponseError("no text").retryable).toBe(false);
  });
});

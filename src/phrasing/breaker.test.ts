import { describe, expect, it } from "vitest";
import { CircuitBreaker } from "./breaker.js";

describe("the circuit breaker", () => {
  const make = () => {
    let now = 0;
    const b = new CircuitBreaker({ failureThreshold: 3, cooldownMs: 30_000, now: () => now });
    return { b, advance: (ms: number) => (now += ms) };
  };

  it("opens after the threshold of consecutive failures, and skips calls while open", () => {
    const { b } = make();
    b.failure();
    b.failure();
    expect(b.state()).toBe("closed");
    b.failure();
    expect(b.state()).toBe("open");
    expect(b.tryAcquire()).toBe(false);
  });

  it("a success resets the count", () => {
    const { b } = make();
    b.failure();
    b.failure();
    b.success();
    b.failure();
    expect(b.state()).toBe("closed");
  });

  it("lets one trial through after the cool-down; its success closes the circuit", () => {
    const { b, advance } = make();
    for (let i = 0; i < 3; i++) b.failure();
    advance(30_000);
    expect(b.state()).toBe("half-open");
    expect(b.tryAcquire()).toBe(true);
    expect(b.tryAcquire()).toBe(false);
    b.success();
    expect(b.state()).toBe("closed");
  });

  it("a failed trial opens it for another cool-down", () => {
    const { b, advance } = make();
    for (let i = 0; i < 3; i++) b.failure();
    advance(30_000);
    b.tryAcquire();
    b.failure();
    expect(b.state()).toBe("open");
    advance(29_999);
    expect(b.state()).toBe("open");
    advance(1);
    expect(b.state()).toBe("half-open");
  });

  it("a cancelled trial frees the slot without changing the state", () => {
    const { b, advance } = make();
    for (let i = 0; i < 3; i++) b.failure();
    advance(30_000);
    b.tryAcquire();
    b.release();
    expect(b.tryAcquire()).toBe(true);
  });
});

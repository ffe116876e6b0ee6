import { afterEach, describe, expect, it } from "vitest";
import { createHttpApp, listen, type RunningServer } from "../src/http/server.js";
import { silentLogger } from "../src/logging.js";
import { createMetrics } from "../src/metrics.js";

let running: RunningServer | null = null;
afterEach(async () => {
  await running?.close(1000);
  running = null;
});

async function start(ready: boolean) {
  const metrics = createMetrics(false);
  metrics.questions.inc({ surface: "console", verdict: "api" });
  metrics.answerSeconds.observe({ surface: "console" }, 0.2);
  const app = createHttpApp({
    metrics,
    logger: silentLogger(),
    readiness: async () => ({ ready, checks: { store: ready ? "ok" : "unreachable" } }),
  });
  running = await listen(app, 0, "127.0.0.1");
  return `http://127.0.0.1:${running.port}`;
}

describe("health, readiness and metrics", () => {
  it("answers /healthz while the process is up", async () => {
    const base = await start(true);
    const r = await fetch(`${base}/healthz`);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ status: "ok" });
  });

  it("answers /readyz with 200 when ready and 503 with the failing check when not", async () => {
    const ok = await fetch(`${await start(true)}/readyz`);
    expect(ok.status).toBe(200);
    await running?.close(100);
    const notReady = await fetch(`${await start(false)}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toEqual({ ready: false, checks: { store: "unreachable" } });
  });

  it("serves Prometheus text with the product's counters", async () => {
    const r = await fetch(`${await start(true)}/metrics`);
    expect(r.headers.get("content-type")).toContain("text/plain");
    const text = await r.text();
    expect(text).toContain('llm_advisor_questions_total{surface="console",verdict="api"} 1');
    // 0.2 s falls in the 0.25 s bucket and every one above it, not in the 0.1 s one.
    expect(text).toContain('llm_advisor_answer_seconds_bucket{le="0.1",surface="console"} 0');
    expect(text).toContain('llm_advisor_answer_seconds_bucket{le="0.25",surface="console"} 1');
  });
});

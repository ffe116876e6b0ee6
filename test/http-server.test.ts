import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { listenHost, loadHttpConfig, loadTeamsConfig } from "../src/config.js";
import { trackReadiness } from "../src/http/readiness.js";
import { createHttpApp, createMetricsApp, listen, type RunningServer } from "../src/http/server.js";
import { shutdownWithin } from "../src/http/shutdown.js";
import { createLogger, silentLogger } from "../src/logging.js";
import { createMetrics } from "../src/metrics.js";

const running: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.close(1000)));
});

async function start(ready: boolean, options: { metricsRoute?: boolean } = {}) {
  const metrics = createMetrics(false);
  metrics.questions.inc({ surface: "console", verdict: "api" });
  metrics.answerSeconds.observe({ surface: "console" }, 0.2);
  const app = createHttpApp({
    metrics,
    logger: silentLogger(),
    readiness: async () => ({ ready, checks: { store: ready ? "ok" : "unreachable" } }),
    ...options,
  });
  const server = await listen(app, 0, "127.0.0.1");
  running.push(server);
  return { base: `http://127.0.0.1:${server.port}`, metrics };
}

/** A logger whose JSON lines are kept, to read what shutdown said. */
function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger("info", stream) };
}

describe("health, readiness and metrics", () => {
  it("answers /healthz while the process is up", async () => {
    const { base } = await start(true);
    const r = await fetch(`${base}/healthz`);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ status: "ok" });
  });

  it("answers /readyz with 200 when ready and 503 with the failing check when not", async () => {
    const ok = await fetch(`${(await start(true)).base}/readyz`);
    expect(ok.status).toBe(200);
    const notReady = await fetch(`${(await start(false)).base}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toEqual({ ready: false, checks: { store: "unreachable" } });
  });

  it("serves Prometheus text with the product's counters", async () => {
    const r = await fetch(`${(await start(true)).base}/metrics`);
    expect(r.headers.get("content-type")).toContain("text/plain");
    const text = await r.text();
    expect(text).toContain('llm_advisor_questions_total{surface="console",verdict="api"} 1');
    // 0.2 s falls in the 0.25 s bucket and every one above it, not in the 0.1 s one.
    expect(text).toContain('llm_advisor_answer_seconds_bucket{le="0.1",surface="console"} 0');
    expect(text).toContain('llm_advisor_answer_seconds_bucket{le="0.25",surface="console"} 1');
  });

  it("serves /metrics only on the metrics app when METRICS_PORT keeps it off the public port", async () => {
    const { base, metrics } = await start(true, { metricsRoute: false });
    expect((await fetch(`${base}/metrics`)).status).toBe(404);
    const apart = await listen(createMetricsApp(metrics), 0, "127.0.0.1");
    running.push(apart);
    const text = await (await fetch(`http://127.0.0.1:${apart.port}/metrics`)).text();
    expect(text).toContain('llm_advisor_questions_total{surface="console",verdict="api"} 1');
  });
});

describe("readiness", () => {
  const up = async () => {};
  const down = async () => {
    throw new Error("connection refused");
  };

  it("is not ready until every surface has started, and names the one still starting", async () => {
    const r = trackReadiness({ ping: up, surfaces: [{ name: "slack" }, { name: "teams" }] });
    expect(await r.check()).toEqual({
      ready: false,
      checks: { store: "ok", slack: "starting", teams: "starting" },
    });
    r.started("teams");
    expect(await r.check()).toEqual({
      ready: false,
      checks: { store: "ok", slack: "starting", teams: "ok" },
    });
    r.started("slack");
    expect(await r.check()).toEqual({ ready: true, checks: { store: "ok", slack: "ok", teams: "ok" } });
  });

  it("takes a started surface's own report, and the store's", async () => {
    let socket = "ok";
    const r = trackReadiness({ ping: down, surfaces: [{ name: "slack", ready: () => socket }] });
    r.started("slack");
    socket = "socket mode disconnected";
    expect(await r.check()).toEqual({
      ready: false,
      checks: { store: "unreachable", slack: "socket mode disconnected" },
    });
  });

  it("is not ready once shutdown has begun, and says so", async () => {
    const r = trackReadiness({ ping: up, surfaces: [{ name: "slack" }] });
    r.started("slack");
    r.stopping();
    expect(await r.check()).toEqual({
      ready: false,
      checks: { store: "ok", slack: "ok", process: "stopping" },
    });
  });
});

describe("shutdown within one bound", () => {
  const never = () => new Promise<void>(() => {});

  it("stops every step together, closes the store after them, and exits 0", async () => {
    const { lines, logger } = capture();
    const order: string[] = [];
    const exits: number[] = [];
    // The Slack step finishes only once the scheduler's has begun: run one after the other, they would wait forever.
    let schedulerBegan: () => void = () => {};
    const began = new Promise<void>((resolve) => {
      schedulerBegan = resolve;
    });
    await shutdownWithin(
      {
        graceMs: 60_000,
        steps: [
          {
            name: "slack",
            stop: async () => {
              await began;
              order.push("slack");
            },
          },
          {
            name: "scheduler",
            stop: async (remainingMs) => {
              expect(remainingMs).toBeLessThanOrEqual(60_000);
              schedulerBegan();
              order.push("scheduler");
            },
          },
        ],
        close: async () => {
          order.push("store");
        },
      },
      { logger, exit: (code) => exits.push(code) },
    );
    expect(order).toEqual(["scheduler", "slack", "store"]);
    expect(exits).toEqual([0]);
    expect(lines.at(-1)).toMatchObject({ msg: "stopped", overran: [] });
  });

  it("closes the store when a step is still stuck at the deadline, naming the step", async () => {
    const { lines, logger } = capture();
    const exits: number[] = [];
    let closed = false;
    await shutdownWithin(
      {
        graceMs: 50,
        steps: [{ name: "slack", stop: never }],
        close: async () => {
          closed = true;
        },
      },
      { logger, exit: (code) => exits.push(code) },
    );
    expect(closed).toBe(true);
    expect(exits).toEqual([0]);
    expect(lines.find((l) => l.msg === "shutdown deadline passed; closing the store anyway")).toMatchObject({
      overran: ["slack"],
    });
  });

  it("exits 1 with one log line when the store does not close either", async () => {
    const { lines, logger } = capture();
    const exited = new Promise<number>((resolve) => {
      void shutdownWithin(
        { graceMs: 50, steps: [{ name: "scheduler", stop: never }], close: never },
        { logger, exit: resolve, forceAfterMs: 100 },
      );
    });
    expect(await exited).toBe(1);
    const forced = lines.filter((l) => l.level === 50);
    expect(forced).toHaveLength(1);
    expect(forced[0]).toMatchObject({
      msg: "shutdown overran its bound; exiting without finishing",
      graceMs: 50,
    });
  });
});

describe("HTTP settings", () => {
  const teams = (env: Record<string, string>) => {
    const t = loadTeamsConfig(env);
    if (!t.ok) throw new Error(t.problems.join("; "));
    return t.value;
  };
  const http = (env: Record<string, string>) => {
    const h = loadHttpConfig(env);
    if (!h.ok) throw new Error(h.problems.join("; "));
    return h.value;
  };

  it("listens on loopback when Teams runs without credentials and HOST is unset", () => {
    const unauthenticated = teams({ TEAMS_ENABLED: "true" });
    expect(listenHost(http({}), unauthenticated).host).toBe("127.0.0.1");
    expect(listenHost(http({}), unauthenticated).loopbackBecause).toContain("HOST=0.0.0.0");
    // HOST set wins, and everything else keeps every interface (a container needs it).
    expect(listenHost(http({ HOST: "0.0.0.0" }), unauthenticated)).toEqual({
      host: "0.0.0.0",
      loopbackBecause: null,
    });
    expect(listenHost(http({}), teams({})).host).toBe("0.0.0.0");
    const credentials = teams({
      MicrosoftAppId: "00000000-0000-0000-0000-000000000001",
      MicrosoftAppPassword: "secret",
      MicrosoftAppType: "MultiTenant",
    });
    expect(listenHost(http({}), credentials).host).toBe("0.0.0.0");
  });

  it("bounds shutdown at 8 s by default, so with the 2 s forced-exit margin it ends within Docker's 10 s", () => {
    expect(http({}).shutdownGraceMs).toBe(8000);
    expect(http({}).metricsPort).toBeNull();
    expect(http({ METRICS_PORT: "9464" }).metricsPort).toBe(9464);
    expect(loadHttpConfig({ PORT: "9464", METRICS_PORT: "9464" })).toEqual({
      ok: false,
      problems: ["METRICS_PORT: must differ from PORT (unset it to serve /metrics on PORT)"],
    });
  });
});

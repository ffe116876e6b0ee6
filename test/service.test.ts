import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type FakeSlack, startFakeSlack } from "./fakes/slack-api.js";
import { BOT_TOKEN, SIGNING_SECRET } from "./support/slack-app.js";
import { commandBody, sendSigned } from "./support/slack-requests.js";

/** The real entry point (`npm start` runs `node dist/main.js`) as a service: Slack HTTP mode against a loopback fake Slack. */

let child: ChildProcess | null = null;
let fake: FakeSlack | null = null;
let silent: Server | null = null;
afterEach(async () => {
  child?.kill("SIGKILL");
  child = null;
  await fake?.close();
  fake = null;
  silent?.closeAllConnections();
  silent?.close();
  silent = null;
});

/** A server that takes every request and never answers: an LLM stuck mid-answer, a Slack API that hangs. */
async function startSilent(): Promise<{ base: string; asked: Promise<unknown> }> {
  const server = createServer(() => {});
  silent = server;
  const asked = once(server, "request");
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, asked };
}

interface Started {
  port: number;
  logs: () => string[];
  /** The JSON log lines, parsed. */
  logged: () => Array<Record<string, unknown>>;
  /** Resolves when every surface has started (the "started" log line). */
  started: Promise<void>;
  exited: Promise<number | null>;
}

/** Starts the service and resolves once its "listening" log line names the port. */
async function startService(env: Record<string, string>): Promise<Started> {
  const proc = spawn(process.execPath, ["dist/main.js"], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child = proc;
  const lines: string[] = [];
  const logged: Array<Record<string, unknown>> = [];
  let buffered = "";
  let markStarted: () => void = () => {};
  const started = new Promise<void>((resolve) => {
    markStarted = resolve;
  });
  const exited = new Promise<number | null>((resolve) => proc.on("close", (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    proc.stdout?.on("data", (d) => {
      buffered += String(d);
      const parts = buffered.split("\n");
      buffered = parts.pop() ?? "";
      for (const line of parts) {
        lines.push(line);
        const parsed = JSON.parse(line) as { msg?: string; port?: number };
        logged.push(parsed as Record<string, unknown>);
        if (parsed.msg === "started") markStarted();
        if (parsed.msg === "listening" && parsed.port) resolve(parsed.port);
      }
    });
    proc.stderr?.on("data", (d) => lines.push(String(d)));
    void exited.then((code) =>
      reject(new Error(`the service exited (${code}) before listening: ${lines.join("\n")}`)),
    );
  });
  return { port, logs: () => lines, logged: () => logged, started, exited };
}

// Each test starts the real process with PGlite: on a loaded machine that takes a while.
describe("npm start with Slack configured", { timeout: 120_000 }, () => {
  it("serves /healthz, /readyz and /metrics beside Slack, answers a command, and exits cleanly on SIGTERM", async () => {
    fake = await startFakeSlack({ botToken: BOT_TOKEN });
    const dataDir = await mkdtemp(join(tmpdir(), "llm-advisor-service-"));
    const s = await startService({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: "0",
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
    });
    const base = `http://127.0.0.1:${s.port}`;
    await s.started;

    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, checks: { store: "ok", slack: "ok" } });

    // A real slash command through the process, so the metrics have something to count.
    const res = await sendSigned(
      `${base}/slack/events`,
      SIGNING_SECRET,
      commandBody({
        text: "50k requests a month",
        channel: "C0GENERAL",
        user: "U0ALICE",
        responseUrl: fake.responseUrl(),
      }),
      "application/x-www-form-urlencoded",
    );
    expect(res.status).toBe(200);
    await fake.waitFor("chat.update");

    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain('llm_advisor_questions_total{surface="slack",verdict="api"} 1');
    expect(metrics).toContain("llm_advisor_answer_seconds_bucket");
    expect(metrics).toContain("llm_advisor_process_cpu_seconds_total");

    // No secret reaches the logs.
    expect(s.logs().join("\n")).not.toContain(BOT_TOKEN);
    expect(s.logs().join("\n")).not.toContain(SIGNING_SECRET);

    child?.kill("SIGTERM");
    expect(await s.exited).toBe(0);
    expect(s.logs().some((l) => l.includes('"msg":"shutting down"'))).toBe(true);
  });

  it("is not ready while Slack does not answer, naming the check, as /slack/events turns events away", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "llm-advisor-service-"));
    // auth.test waits on an API that never answers, so Slack is still starting when /readyz is asked.
    const slack = await startSilent();
    const s = await startService({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: `${slack.base}/api/`,
      PORT: "0",
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
    });
    const base = `http://127.0.0.1:${s.port}`;
    await slack.asked;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ ready: false, checks: { store: "ok", slack: "starting" } });
    const event = await sendSigned(
      `${base}/slack/events`,
      SIGNING_SECRET,
      commandBody({ text: "50k requests a month", channel: "C0GENERAL", user: "U0ALICE", responseUrl: "" }),
      "application/x-www-form-urlencoded",
    );
    expect(event.status).toBe(503);
  });

  it("exits 1 with the Slack surface's one line when Slack cannot be reached at start-up", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "llm-advisor-service-"));
    // A port nothing listens on: after its bounded retry, Slack's start-up check gives up.
    const closed = createServer().listen(0, "127.0.0.1");
    await once(closed, "listening");
    const port = (closed.address() as AddressInfo).port;
    closed.close();
    await once(closed, "close");
    const proc = spawn(process.execPath, ["dist/main.js"], {
      env: {
        PATH: process.env.PATH ?? "",
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: `http://127.0.0.1:${port}/api/`,
        PORT: "0",
        HOST: "127.0.0.1",
        DATA_DIR: dataDir,
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    child = proc;
    let err = "";
    proc.stderr?.on("data", (d) => {
      err += String(d);
    });
    const [code] = (await once(proc, "close")) as [number | null];
    expect(code).toBe(1);
    // The surface's own words, after its name; no stack trace.
    expect(err).toMatch(/^slack: SLACK_API_URL: .+\n$/);
  });

  it("exits within SHUTDOWN_GRACE_MS on SIGTERM even with an answer stuck waiting on the LLM", async () => {
    fake = await startFakeSlack({ botToken: BOT_TOKEN });
    const llm = await startSilent();
    const dataDir = await mkdtemp(join(tmpdir(), "llm-advisor-service-"));
    const s = await startService({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      LLM_PROVIDER: "openai",
      OPENAI_API_KEY: "sk-test-not-a-key",
      OPENAI_BASE_URL: `${llm.base}/v1`,
      // The phraser would wait a minute for the LLM; shutdown must not.
      PHRASING_BUDGET_MS: "60000",
      SHUTDOWN_GRACE_MS: "1000",
      PORT: "0",
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
    });
    const base = `http://127.0.0.1:${s.port}`;
    await s.started;
    const res = await sendSigned(
      `${base}/slack/events`,
      SIGNING_SECRET,
      commandBody({
        text: "50k requests a month",
        channel: "C0GENERAL",
        user: "U0ALICE",
        responseUrl: fake.responseUrl(),
      }),
      "application/x-www-form-urlencoded",
    );
    expect(res.status).toBe(200);
    await llm.asked;

    child?.kill("SIGTERM");
    expect(await s.exited).toBe(0);
    const logged = s.logged();
    expect(logged.find((l) => l.msg === "shutting down")).toMatchObject({ signal: "SIGTERM", graceMs: 1000 });
    // The answer was still waiting on the LLM when the grace ran out: Slack's surface stopped without it.
    expect(logged.find((l) => l.msg === "slack surface stopped")).toMatchObject({
      settled: false,
      unfinished: 1,
    });
    expect(logged.at(-1)).toMatchObject({ msg: "stopped" });
  });
});

import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type FakeSlack, startFakeSlack } from "./fakes/slack-api.js";
import { BOT_TOKEN, SIGNING_SECRET } from "./support/slack-app.js";
import { commandBody, sendSigned } from "./support/slack-requests.js";

/** The real entry point (`npm start` runs `node dist/main.js`) as a service: Slack HTTP mode against a loopback fake Slack. */

let child: ChildProcess | null = null;
let fake: FakeSlack | null = null;
afterEach(async () => {
  child?.kill("SIGKILL");
  child = null;
  await fake?.close();
  fake = null;
});

interface Started {
  port: number;
  logs: () => string[];
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
  let buffered = "";
  const exited = new Promise<number | null>((resolve) => proc.on("close", (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    proc.stdout?.on("data", (d) => {
      buffered += String(d);
      const parts = buffered.split("\n");
      buffered = parts.pop() ?? "";
      for (const line of parts) {
        lines.push(line);
        const parsed = JSON.parse(line) as { msg?: string; port?: number };
        if (parsed.msg === "listening" && parsed.port) resolve(parsed.port);
      }
    });
    proc.stderr?.on("data", (d) => lines.push(String(d)));
    void exited.then((code) =>
      reject(new Error(`the service exited (${code}) before listening: ${lines.join("\n")}`)),
    );
  });
  return { port, logs: () => lines, exited };
}

describe("npm start with Slack configured", () => {
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

    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, checks: { store: "ok" } });

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
});

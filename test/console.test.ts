import { spawn } from "node:child_process";
import { mkdtemp, readdir, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Runs the real entry point (`npm start` runs `node dist/main.js`) with lines on stdin; resolves with
 * its output when it exits. stdin is a pipe, not a terminal, so the console needs `--console`.
 */
function runConsole(
  lines: string[],
  env: Record<string, string>,
  args: string[] = ["--console"],
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["dist/main.js", ...args], {
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => {
      out += String(d);
    });
    child.stderr.on("data", (d) => {
      err += String(d);
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, out, err }));
    child.stdin.end(`${lines.join("\n")}\n`);
  });
}

// Each test starts the real process, PGlite included, once or twice: on a loaded machine that takes a while.
describe("npm start without Slack or Teams credentials: the local console", { timeout: 120_000 }, () => {
  it("answers a question, a follow-up in the same thread, and the buttons as numbers", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "llm-advisor-console-"));
    const r = await runConsole(
      [
        "500k requests a month, 500 in / 200 out tokens, on gpt-4o-mini",
        "double the volume",
        "1",
        "5",
        "6",
        "/digests",
        "/quit",
      ],
      { DATA_DIR: dataDir },
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain(`opening the database in ${dataDir}…`);
    expect(r.out).toContain("llm-advisor console");
    // Input from a pipe gets no prompt: the output is the answers alone.
    expect(r.out).not.toMatch(/^> /m);
    // gpt-6-luna at 500K: 500K × (500 × $0.10 + 200 × $0.50) / 1M = $75.00; doubled, $150.00.
    expect(r.out).toContain("gpt-6-luna on OpenAI API, $75.00 a month");
    expect(r.out).toContain(
      "What changed: volume 500K a month → 1M a month: gpt-6-luna (OpenAI API) $75.00 → $150.00 a month",
    );
    // Button 1, the cost breakdown of the follow-up's answer: 1M × 500 = 500M input tokens × $0.10 = $50.00.
    expect(r.out).toContain("gpt-6-luna input tokens: 500M tokens at $0.10 per 1M tokens = $50.00");
    // Button 5 saves the chart and prints its path.
    const saved = /Chart saved: (\S+\.png)/.exec(r.out)?.[1];
    expect(saved).toBeDefined();
    expect((await stat(saved as string)).size).toBeGreaterThan(10_000);
    expect(await readdir(join(dataDir, "charts"))).toHaveLength(1);
    // Button 6 subscribes; /digests lists it.
    const id = /Subscribed this channel to this answer .*Stop it with: digest off ([0-9a-f-]{36})/.exec(
      r.out,
    )?.[1];
    expect(id).toBeDefined();
    expect(r.out).toContain(`- ${id}: every Monday at 09:00 (UTC), for 1M requests a month`);
  });

  it("continues the thread and keeps subscriptions across a restart on the same data directory", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "llm-advisor-console-"));
    await runConsole(["200k requests a month", "6"], { DATA_DIR: dataDir });
    const again = await runConsole(["double the volume", "/digests"], { DATA_DIR: dataDir });
    expect(again.out).toContain("Continuing your last thread");
    expect(again.out).toContain("What changed: volume 200K a month → 400K a month");
    // The subscription follows its thread: after the follow-up it is for the thread's latest answer, 200K × 2 = 400K.
    expect(again.out).toMatch(/- [0-9a-f-]{36}: every Monday at 09:00 \(UTC\), for 400K requests a month/);
  });

  it("takes the digest commands of Slack and Teams, in DIGEST_DEFAULT_TIMEZONE when none is named", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "llm-advisor-console-"));
    const first = await runConsole(
      [
        "300k requests a month",
        "digest weekdays 09:00",
        "digest daily 08:30 UTC for 2M requests a month",
        "digest fortnightly",
      ],
      { DATA_DIR: dataDir, DIGEST_DEFAULT_TIMEZONE: "Europe/Paris" },
    );
    expect(first.out).toContain(
      "Subscribed this channel to this thread's latest answer (300K requests a month), every weekday at 09:00 (Europe/Paris)",
    );
    expect(first.out).toContain(
      "Subscribed this channel to the question you gave (2M requests a month), every day at 08:30 (UTC)",
    );
    expect(first.out).toContain('"fortnightly" is not a schedule');
    const id = /every weekday .*Stop it with: digest off ([0-9a-f-]{36})/.exec(first.out)?.[1];
    expect(id).toBeDefined();
    const second = await runConsole([`digest off ${id}`, "/digests"], { DATA_DIR: dataDir });
    expect(second.out).toContain(`Stopped digest ${id} (every weekday at 09:00 (Europe/Paris)`);
    // The stopped one is listed as off; the daily one still runs.
    expect(second.out).toMatch(
      new RegExp(
        `^- ${id}: every weekday at 09:00 \\(Europe/Paris\\), for 300K requests a month \\(off\\)$`,
        "m",
      ),
    );
    expect(second.out).toMatch(
      /^- [0-9a-f-]{36}: every day at 08:30 \(UTC\), for 2M requests a month \(next /m,
    );
  });

  it("says so, briefly, for a number with no answer yet or out of range, and for an unknown command", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "llm-advisor-console-"));
    const r = await runConsole(
      ["1", "/unknown", "/Help", "200k requests a month", "7", "0", "/new", "2", "/quit"],
      { DATA_DIR: dataDir },
    );
    expect(r.code).toBe(0);
    const noAnswer = "There is no answer to act on yet: ask a question first.";
    // "1" before any answer and "2" after /new: the same short line, twice; no answer computed from "1".
    expect(r.out.split(noAnswer)).toHaveLength(3);
    expect(r.out).not.toContain("I could not use");
    expect(r.out).toContain("unknown command /unknown; /help lists them");
    // Commands are not case-sensitive: /Help lists what the console understands, no unknown-command line.
    expect(r.out).not.toContain("unknown command /Help");
    // ANSWER_ACTIONS has six buttons: 7 and 0 are outside 1–6, and neither recomputes the answer.
    expect(r.out.split("Choose 1–6, or ask a question.")).toHaveLength(3);
    expect(r.out.match(/^Summary: /gm)).toHaveLength(1);
  });

  it("stops with one line when there is no chat surface and no terminal, unless --console is given", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "llm-advisor-console-"));
    const r = await runConsole(["200k requests a month"], { DATA_DIR: dataDir }, []);
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toBe(
      "config: no Slack or Teams configured and no terminal for the console: set SLACK_BOT_TOKEN (with SLACK_SIGNING_SECRET or SLACK_APP_TOKEN) or MicrosoftAppId/TEAMS_ENABLED, or run with -it (docker) or --console\n",
    );
  });

  it("stops at start-up with one line per invalid setting", async () => {
    const r = await runConsole([], { PORT: "eighty", LOG_LEVEL: "loud", PHRASING_BUDGET_MS: "-5" });
    expect(r.code).toBe(1);
    const lines = r.err.trim().split("\n");
    expect(lines).toHaveLength(3);
    expect(r.err).toContain("PORT");
    expect(r.err).toContain("LOG_LEVEL");
    expect(r.err).toContain("PHRASING_BUDGET_MS");
  });

  it("reports a bad CATALOG_FILE, DATA_DIR and LLM_PROVIDER in the same batch as the other problems", async () => {
    const missing = join(await mkdtemp(join(tmpdir(), "llm-advisor-console-")), "no-such.yaml");
    const r = await runConsole([], {
      PORT: "eighty",
      CATALOG_FILE: missing,
      DATA_DIR: "/dev/null/x",
      LLM_PROVIDER: "openai",
    });
    expect(r.code).toBe(1);
    expect(r.err.trim().split("\n").sort()).toEqual(
      [
        "config: PORT: must be a port number such as 3978",
        `config: CATALOG_FILE ${missing}: cannot read the catalog file (no such file)`,
        // /dev/null is a file, so no directory can be made under it.
        "config: DATA_DIR /dev/null/x: cannot create the directory (ENOTDIR)",
        "config: LLM_PROVIDER=openai needs OPENAI_API_KEY (from platform.openai.com) or OPENAI_BASE_URL; to start without it, set LLM_FALLBACK=template",
      ].sort(),
    );
  });
});

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../src/cli/main.js";
import { createPgliteStore } from "../src/store/pglite.js";
import { type FakeSlack, startFakeSlack } from "./fakes/slack-api.js";

/**
 * `llm-advise digest run|preview` in-process, on the PGlite store `npm start` would open in DATA_DIR,
 * posting through the real Slack poster to the loopback fake Slack.
 */

let dir: string;
let slack: FakeSlack;
let env: Record<string, string>;
const ids = { slack: "", teams: "" };

async function cli(args: string[], now = "2026-11-23T12:00:00Z", extraEnv: Record<string, string> = {}) {
  let out = "";
  let err = "";
  const code = await run(
    args,
    {
      out: (t) => {
        out += t;
      },
      err: (t) => {
        err += t;
      },
      now: () => new Date(now),
    },
    { ...env, ...extraEnv },
  );
  return { code, out, err };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "llm-advisor-digest-cli-"));
  slack = await startFakeSlack();
  env = {
    DATA_DIR: dir,
    SLACK_BOT_TOKEN: "xoxb-test-0000000000-abcdefghijkl",
    SLACK_SIGNING_SECRET: "0123456789abcdef0123456789abcdef",
    SLACK_API_URL: slack.apiUrl,
  };
  const store = await createPgliteStore({
    dataDir: join(dir, "pglite"),
    clock: () => new Date("2026-11-16T12:00:00Z"),
  });
  const weekly = { cron: "0 9 * * 1", timezone: "Europe/Berlin" };
  const profile = { requestsPerMonth: 2_000_000, inputTokensPerRequest: 500, outputTokensPerRequest: 200 };
  ids.slack = (
    await store.subscriptions.create({
      channel: { platform: "slack", workspaceId: "T0TEAM", channelId: "C0COSTS" },
      profile,
      schedule: weekly,
      createdBy: "U0ADA",
    })
  ).subscription.id;
  ids.teams = (
    await store.subscriptions.create({
      channel: { platform: "teams", workspaceId: "tenant", channelId: "19:costs@thread.tacv2" },
      profile,
      schedule: weekly,
      createdBy: "29:ada",
    })
  ).subscription.id;
  await store.close();
}, 60_000);
afterAll(async () => {
  await slack.close();
  await rm(dir, { recursive: true, force: true });
});

describe("llm-advise digest", () => {
  it("previews a digest without posting or recording it", async () => {
    const r = await cli(["digest", "preview", ids.slack, "--at", "2026-11-23T08:00:00Z"]);
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toContain("LLM cost digest: 2M requests a month, 500 in / 200 out tokens");
    expect(r.out).toContain("Actual spend is not shown: OPENAI_ADMIN_KEY is not set");
    expect(slack.callsOf("chat.postMessage")).toHaveLength(0);
    const json = await cli([
      "digest",
      "preview",
      ids.slack,
      "--at",
      "2026-11-23T08:00:00Z",
      "--format",
      "json",
    ]);
    expect(JSON.parse(json.out)).toMatchObject({
      kind: "digest-preview",
      model: { subscriptionId: ids.slack, periodKey: "2026-11-23T08:00:00.000Z", today: "2026-11-23" },
    });
  });

  it("runs what is due at --at once, one line per subscription, and exits 1 when a due digest had no poster", async () => {
    const first = await cli(["digest", "run", "--at", "2026-11-23T08:00:00Z"]);
    // Teams is not configured in this process, so its due digest went nowhere: a warning, not success.
    expect(first.code).toBe(1);
    expect(first.err).toBe(
      "1 due digest(s) not posted: teams is not configured here (Slack: SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET or SLACK_APP_TOKEN; Teams: TEAMS_ENABLED=true); see the lines above\n",
    );
    expect(first.out.split("\n").filter(Boolean).sort()).toEqual(
      [
        `${ids.slack} slack 2026-11-23T08:00:00.000Z: posted`,
        `${ids.teams} teams 2026-11-23T08:00:00.000Z: skipped (no poster for teams)`,
      ].sort(),
    );
    expect(slack.callsOf("chat.postMessage")).toHaveLength(1);
    const again = await cli(["digest", "run", "--at", "2026-11-23T09:30:00Z"]);
    expect(again.out).toContain(`${ids.slack} slack 2026-11-23T08:00:00.000Z: already posted`);
    expect(slack.callsOf("chat.postMessage")).toHaveLength(1);
    const json = JSON.parse(
      (await cli(["digest", "run", "--at", "2026-11-23T07:00:00+00:00", "-f", "json"])).out,
    );
    expect(json).toMatchObject({ kind: "digest-run", at: "2026-11-23T07:00:00.000Z" });
  });

  it("exits 1 when a digest failed, saying so", async () => {
    slack.failNext("chat.postMessage", { error: "not_in_channel" }, 5);
    const r = await cli(["digest", "run", "--at", "2026-11-30T08:00:00Z"]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${ids.slack} slack 2026-11-30T08:00:00.000Z: failed (not_in_channel)`);
    expect(r.err).toBe(
      "1 digest(s) failed; 1 due digest(s) not posted: teams is not configured here (Slack: SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET or SLACK_APP_TOKEN; Teams: TEAMS_ENABLED=true); see the lines above\n",
    );
  });

  it("posts to Teams through the Teams surface's poster when Teams is configured", async () => {
    const r = await cli(["digest", "run", "--at", "2026-12-07T08:00:00Z"], "2026-12-07T08:00:00Z", {
      TEAMS_ENABLED: "true",
    });
    // The bot was never addressed in that channel, so it has no conversation reference to post with.
    expect(r.out).toContain(
      `${ids.teams} teams 2026-12-07T08:00:00.000Z: failed (no-conversation-reference)`,
    );
    expect(r.code).toBe(1);
  });

  it("previews by the first characters of an id, as digest off takes them", async () => {
    const r = await cli(["digest", "preview", ids.slack.slice(0, 8), "--at", "2026-11-23T08:00:00Z"]);
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toContain(`Subscription ${ids.slack},`);
    expect(await cli(["digest", "preview", ids.slack.slice(0, 3)])).toMatchObject({
      code: 2,
      err: `"${ids.slack.slice(0, 3)}" is too short to name one digest; give at least 6 characters of the id\n`,
    });
  });

  it("refuses to open a DATA_DIR another process has open, in one line", async () => {
    const running = await createPgliteStore({ dataDir: join(dir, "pglite") });
    try {
      expect(await cli(["digest", "run", "--at", "2026-11-23T08:00:00Z"])).toMatchObject({
        code: 2,
        out: "",
        err: `DATA_DIR ${dir} is in use by process ${process.pid}; stop it, or use DATABASE_URL (PostgreSQL) to run several processes\n`,
      });
    } finally {
      await running.close();
    }
  });

  it("refuses a time without a zone, and an unknown subscription, with one line and status 2", async () => {
    expect(await cli(["digest", "run", "--at", "2026-11-23 08:00"])).toMatchObject({
      code: 2,
      err: '--at expects an ISO time with a zone, such as 2026-11-23T08:00:00Z; got "2026-11-23 08:00"\n',
    });
    expect(await cli(["digest", "preview", "nope"])).toMatchObject({
      code: 2,
      err: 'no digest subscription "nope"; a channel\'s "digest list" shows the ids\n',
    });
  });
});

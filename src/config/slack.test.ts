import { describe, expect, it } from "vitest";
import { loadSlackConfig, type SlackConfig } from "./slack.js";

const BOT = "xoxb-1234567890-0987654321-AbCdEfGhIjKl";
const APP = "xapp-1-A0APP-1234567890-abcdef0123456789";
const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

const ok = (env: Record<string, string>): SlackConfig | null => {
  const r = loadSlackConfig(env);
  if (!r.ok) throw new Error(r.problems.join("; "));
  return r.value;
};
const problems = (env: Record<string, string>): string[] => {
  const r = loadSlackConfig(env);
  return r.ok ? [] : r.problems;
};

describe("Slack configuration", () => {
  it("is off when no Slack variable is set (SLACK_API_URL alone does not turn it on)", () => {
    expect(ok({})).toBeNull();
    expect(ok({ SLACK_API_URL: "http://127.0.0.1:9/api/", SLACK_BOT_TOKEN: " " })).toBeNull();
  });

  it("uses Socket Mode when SLACK_APP_TOKEN is set, with no signing secret needed", () => {
    expect(ok({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP })).toEqual({
      mode: "socket",
      botToken: BOT,
      appToken: APP,
      signingSecret: null,
      apiUrl: null,
    });
  });

  it("uses HTTP mode otherwise, with the signing secret and an optional Web API URL", () => {
    expect(
      ok({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: "http://127.0.0.1:4000/api/" }),
    ).toEqual({
      mode: "http",
      botToken: BOT,
      appToken: null,
      signingSecret: SECRET,
      apiUrl: "http://127.0.0.1:4000/api/",
    });
  });

  it("names each missing variable and where to get its value, one line each", () => {
    const p = problems({ SLACK_SIGNING_SECRET: SECRET });
    expect(p).toEqual([
      expect.stringMatching(/^SLACK_BOT_TOKEN: missing; .*OAuth & Permissions.*api\.slack\.com\/apps/),
    ]);
    const q = problems({ SLACK_BOT_TOKEN: BOT });
    expect(q).toEqual([
      expect.stringMatching(/^SLACK_SIGNING_SECRET: missing; .*Basic Information.*SLACK_APP_TOKEN/),
    ]);
  });

  it("refuses malformed values without repeating them", () => {
    const p = problems({
      SLACK_BOT_TOKEN: APP,
      SLACK_APP_TOKEN: BOT,
      SLACK_SIGNING_SECRET: `${SECRET}!`,
      SLACK_API_URL: "slack.com/api",
    });
    expect(p.map((l) => l.split(":")[0])).toEqual([
      "SLACK_BOT_TOKEN",
      "SLACK_APP_TOKEN",
      "SLACK_SIGNING_SECRET",
      "SLACK_API_URL",
    ]);
    expect(p[0]).toContain("must start with xoxb-");
    expect(p[1]).toContain("must start with xapp-");
    const all = p.join("\n");
    for (const secret of [BOT, APP, SECRET]) expect(all).not.toContain(secret);
  });

  it("refuses a token with a stray newline or space", () => {
    expect(
      problems({ SLACK_BOT_TOKEN: `${BOT.slice(0, 10)} ${BOT.slice(10)}`, SLACK_SIGNING_SECRET: SECRET }),
    ).toEqual([expect.stringMatching(/^SLACK_BOT_TOKEN: must be one token without spaces/)]);
  });
});

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
  it("is off when no Slack variable is set (blank counts as unset)", () => {
    expect(ok({})).toBeNull();
    expect(ok({ SLACK_BOT_TOKEN: " ", SLACK_APP_TOKEN: "" })).toBeNull();
  });

  it("names what is missing when SLACK_API_URL is set alone, rather than ignoring it", () => {
    expect(problems({ SLACK_API_URL: "http://127.0.0.1:9/api/", SLACK_BOT_TOKEN: " " })).toEqual([
      expect.stringMatching(/^SLACK_BOT_TOKEN: missing; .*\(SLACK_API_URL alone does nothing\)$/),
      expect.stringMatching(/^SLACK_SIGNING_SECRET: missing; /),
    ]);
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
    // Each pasted into the other's variable: said so, by kind, not by value.
    expect(p[0]).toContain("is an app-level token (it goes in SLACK_APP_TOKEN), not one starting with xoxb-");
    expect(p[1]).toContain("is a bot token (it goes in SLACK_BOT_TOKEN), not one starting with xapp-");
    const all = p.join("\n");
    for (const secret of [BOT, APP, SECRET]) expect(all).not.toContain(secret);
  });

  it("refuses a token with a stray newline or space", () => {
    expect(
      problems({ SLACK_BOT_TOKEN: `${BOT.slice(0, 10)} ${BOT.slice(10)}`, SLACK_SIGNING_SECRET: SECRET }),
    ).toEqual([expect.stringMatching(/^SLACK_BOT_TOKEN: must be one token without spaces/)]);
  });

  it("says a token is too short or misshapen rather than that its prefix is wrong", () => {
    // "xapp-123" has the right prefix; it is 8 characters, where a real app-level token has about 100.
    expect(problems({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: "xapp-123" })).toEqual([
      expect.stringMatching(
        /^SLACK_APP_TOKEN: is too short \(8 characters\) to be a whole token; .*xapp-1-A/,
      ),
    ]);
    expect(
      problems({ SLACK_BOT_TOKEN: "xoxb-1234567890.0987654321.AbCdEfGh", SLACK_SIGNING_SECRET: SECRET }),
    ).toEqual([
      expect.stringMatching(/^SLACK_BOT_TOKEN: does not have a token's shape \(xoxb-<digits>-<digits>-/),
    ]);
    expect(
      problems({ SLACK_BOT_TOKEN: "xoxp-1234567890-0987654321-AbCdEfGhIjKl", SLACK_SIGNING_SECRET: SECRET }),
    ).toEqual([expect.stringMatching(/^SLACK_BOT_TOKEN: is a user token \(the app needs its bot token\)/)]);
  });

  it("reports malformed and missing variables together, not only the first problem", () => {
    const p = problems({ SLACK_APP_TOKEN: "xapp-123", SLACK_API_URL: "slack.com/api" });
    expect(p.map((l) => l.split(":")[0]).sort()).toEqual([
      "SLACK_API_URL",
      "SLACK_APP_TOKEN",
      "SLACK_BOT_TOKEN",
    ]);
    expect(p.find((l) => l.startsWith("SLACK_BOT_TOKEN"))).toMatch(/^SLACK_BOT_TOKEN: missing; /);
  });
});

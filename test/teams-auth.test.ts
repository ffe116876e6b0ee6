import { createHmac } from "node:crypto";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createLogger } from "../src/logging.js";
import { newPersonalChat, personalMessage, startTeams, type TeamsHarness } from "./support/teams.js";

/** Starting PGlite and the bot takes seconds, more on a busy machine. */
const STARTUP_MS = 60_000;

const APP_ID = "11111111-2222-4333-8444-555555555555";
const TENANT_ID = "66666666-7777-4888-8999-000000000000";

const SECRET = "client-secret-value";

/** A real logger writing into an array, to read what the surface logs. */
function captureLogs() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger("info", stream) };
}

const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");

/** A well-formed JWT for this bot, signed by someone who is not the Bot Framework. */
function forgedToken(): string {
  const now = Math.floor(Date.now() / 1000);
  const head = b64url({ alg: "HS256", typ: "JWT" });
  const body = b64url({
    iss: "https://sts.attacker.example/",
    aud: APP_ID,
    serviceurl: "x",
    nbf: now - 60,
    exp: now + 3600,
  });
  const sig = createHmac("sha256", "not-the-bot-framework").update(`${head}.${body}`).digest("base64url");
  return `${head}.${body}.${sig}`;
}

describe("Teams with credentials configured", () => {
  let t: TeamsHarness;
  const logs = captureLogs();
  beforeAll(async () => {
    // botbuilder reports refused requests with console.error; keep the test output readable.
    vi.spyOn(console, "error").mockImplementation(() => {});
    t = await startTeams(
      { appId: APP_ID, appPassword: SECRET, appType: "SingleTenant", tenantId: TENANT_ID },
      { logger: logs.logger },
    );
  }, STARTUP_MS);
  afterAll(async () => {
    await t.close();
    vi.restoreAllMocks();
  });

  it.each([
    ["no Authorization header", {}],
    ["a Bearer value that is not a token", { authorization: "Bearer not-a-token" }],
    ["a token not issued by the Bot Framework", { authorization: `Bearer ${forgedToken()}` }],
  ])("refuses a request with %s: 401 and no reply", async (_name, headers) => {
    const res = await t.post(personalMessage("500k requests a month", newPersonalChat()), headers);
    expect(res.status).toBe(401);
    expect(t.connector.received).toEqual([]);
  });

  it("logs that it is ready with its app id and type, never the client secret", () => {
    const ready = logs.lines.map((l) => JSON.parse(l)).find((l) => l.msg === "teams bot ready");
    expect(ready).toMatchObject({ appId: APP_ID, appType: "SingleTenant", route: "/api/messages" });
    expect(logs.lines.join("\n")).not.toContain(SECRET);
  });
});

describe("Teams without credentials (TEAMS_ENABLED=true, local testing)", () => {
  let t: TeamsHarness;
  const logs = captureLogs();
  beforeAll(async () => {
    t = await startTeams(null, { logger: logs.logger });
  }, STARTUP_MS);

  it("says at start-up that it runs unauthenticated", () => {
    const warning = logs.lines.map((l) => JSON.parse(l)).find((l) => l.level === 40);
    expect(warning?.msg).toMatch(/^teams bot runs unauthenticated \(no MicrosoftAppId\)/);
  });
  afterAll(async () => {
    await t.close();
  });

  it("accepts an activity without a token and replies to its serviceUrl without asking for one", async () => {
    const chat = newPersonalChat();
    const res = await t.post(personalMessage("500k requests a month", chat));
    expect(res.status).toBe(200);
    const reply = await t.connector.waitFor((calls) => calls.find((c) => c.activity.type === "message"));
    expect(reply.conversationId).toBe(chat);
    // No token was fetched from Microsoft Entra for the reply: it carries no Authorization header.
    expect(reply.authorization).toBeUndefined();
  });
});

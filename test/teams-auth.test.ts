import { createHmac } from "node:crypto";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createLogger } from "../src/logging.js";
import {
  CHANNEL_ISSUER,
  type FakeBotFrameworkAuth,
  rsaKeyPair,
  startBotFrameworkAuth,
} from "./fakes/bot-framework-auth.js";
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

/** What the bot says when it refuses: nothing about why or how it checked. */
const INTERNALS = /openid|well-known|ECONNREFUSED|fetch|jwt|signature|Unauthorized\.|127\.0\.0\.1|stack|at /i;

describe("Teams with credentials configured", () => {
  let t: TeamsHarness;
  let auth: FakeBotFrameworkAuth;
  const logs = captureLogs();
  beforeAll(async () => {
    // botbuilder reports refused tokens with console.error; keep the test output readable.
    vi.spyOn(console, "error").mockImplementation(() => {});
    auth = await startBotFrameworkAuth({ appId: APP_ID, appPassword: SECRET });
    t = await startTeams(
      {
        appId: APP_ID,
        appPassword: SECRET,
        appType: "SingleTenant",
        tenantId: TENANT_ID,
        endpoints: {
          ToBotFromChannelOpenIdMetadataUrl: auth.openIdMetadataUrl,
          ToBotFromEmulatorOpenIdMetadataUrl: auth.openIdMetadataUrl,
          ToChannelFromBotLoginUrl: auth.loginUrl(TENANT_ID),
        },
      },
      { logger: logs.logger },
    );
  }, STARTUP_MS);
  afterAll(async () => {
    await t.close();
    await auth.close();
    vi.restoreAllMocks();
  });

  /** The claims the Bot Connector service puts into a token for this bot, valid for an hour. */
  const claims = (extra: Record<string, unknown> = {}) => {
    const now = Math.floor(Date.now() / 1000);
    return {
      iss: CHANNEL_ISSUER,
      aud: APP_ID,
      serviceurl: t.connector.serviceUrl,
      nbf: now - 60,
      iat: now - 60,
      exp: now + 3600,
      ...extra,
    };
  };
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it("accepts a token signed with the Bot Framework's key, and replies with a token from Microsoft Entra", async () => {
    const chat = newPersonalChat();
    const res = await t.post(
      personalMessage("500k requests a month", chat),
      bearer(auth.channelToken(claims())),
    );
    expect(res.status).toBe(200);
    const reply = await t.connector.waitFor((calls) =>
      calls.find((c) => c.conversationId === chat && c.activity.type === "message"),
    );
    // The reply carries the token the fake Entra issued for the bot's own credentials and tenant.
    expect(auth.issued.length).toBeGreaterThan(0);
    expect(reply.authorization).toBe(`Bearer ${auth.issued[0]}`);
    expect(auth.tokenRequests[0]).toEqual({
      tenant: TENANT_ID,
      form: {
        grant_type: "client_credentials",
        client_id: APP_ID,
        client_secret: SECRET,
        scope: "https://api.botframework.com/.default",
      },
    });
  });

  it.each([
    ["no Authorization header", () => ({})],
    ["a Bearer value that is not a token", () => ({ authorization: "Bearer not-a-token" })],
    ["a token not issued by the Bot Framework", () => bearer(forgedToken())],
    // The real issuer and key id, but signed with another key: only the signature is wrong.
    [
      "a token signed with another key",
      () => bearer(auth.channelToken(claims(), { key: rsaKeyPair().privateKey })),
    ],
    [
      "a token whose key id is unknown",
      () => bearer(auth.channelToken(claims(), { kid: "someone-elses-key" })),
    ],
    [
      "a token for another bot",
      () => bearer(auth.channelToken(claims({ aud: "99999999-2222-4333-8444-555555555555" }))),
    ],
    // Ten minutes past expiry: beyond the SDK's five minutes of clock tolerance.
    [
      "an expired token",
      () => {
        const now = Math.floor(Date.now() / 1000);
        return bearer(auth.channelToken(claims({ nbf: now - 7200, iat: now - 7200, exp: now - 600 })));
      },
    ],
    [
      "a token for another serviceUrl than the activity's",
      () => bearer(auth.channelToken(claims({ serviceurl: "https://smba.trafficmanager.net/emea/" }))),
    ],
  ])("refuses a request with %s: 401, no reply, nothing about why", async (_name, headers) => {
    const before = t.connector.calls().length;
    const res = await t.post(personalMessage("500k requests a month", newPersonalChat()), headers());
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: "unauthorized" });
    expect(t.connector.calls().length).toBe(before);
  });

  it("logs that it is ready with its app id and type, never the client secret", () => {
    const ready = logs.lines.map((l) => JSON.parse(l)).find((l) => l.msg === "teams bot ready");
    expect(ready).toMatchObject({ appId: APP_ID, appType: "SingleTenant", route: "/api/messages" });
    expect(logs.lines.join("\n")).not.toContain(SECRET);
  });
});

describe("Teams whose authentication metadata cannot be fetched", () => {
  let t: TeamsHarness;
  let auth: FakeBotFrameworkAuth;
  beforeAll(async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    auth = await startBotFrameworkAuth({ appId: APP_ID, appPassword: SECRET });
    // A port nothing listens on any more: the metadata is unreachable.
    const gone = await startBotFrameworkAuth({ appId: APP_ID, appPassword: SECRET });
    await gone.close();
    t = await startTeams({
      appId: APP_ID,
      appPassword: SECRET,
      appType: "SingleTenant",
      tenantId: TENANT_ID,
      endpoints: {
        ToBotFromChannelOpenIdMetadataUrl: gone.openIdMetadataUrl,
        ToBotFromEmulatorOpenIdMetadataUrl: gone.openIdMetadataUrl,
        ToChannelFromBotLoginUrl: gone.loginUrl(TENANT_ID),
      },
    });
  }, STARTUP_MS);
  afterAll(async () => {
    await t.close();
    await auth.close();
    vi.restoreAllMocks();
  });

  it("answers 503 (retry later) with no internal detail, and does not run the turn", async () => {
    const now = Math.floor(Date.now() / 1000);
    // A token that would be valid, from a key the bot cannot fetch.
    const token = auth.channelToken({
      iss: CHANNEL_ISSUER,
      aud: APP_ID,
      serviceurl: t.connector.serviceUrl,
      nbf: now - 60,
      exp: now + 3600,
    });
    const res = await t.post(personalMessage("500k requests a month", newPersonalChat()), {
      authorization: `Bearer ${token}`,
    });
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ error: "authentication unavailable" });
    expect(JSON.stringify(res.body)).not.toMatch(INTERNALS);
    expect(t.connector.calls()).toEqual([]);
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

import { describe, expect, it } from "vitest";
import { loadTeamsConfig, type TeamsConfig } from "./teams.js";

const APP_ID = "11111111-2222-4333-8444-555555555555";
const TENANT = "66666666-7777-4888-8999-000000000000";
const SECRET = "abc~Secret.Value_123";

const ok = (env: Record<string, string>): TeamsConfig => {
  const r = loadTeamsConfig(env);
  if (!r.ok) throw new Error(r.problems.join("; "));
  return r.value;
};
const problems = (env: Record<string, string>): string[] => {
  const r = loadTeamsConfig(env);
  return r.ok ? [] : r.problems;
};

describe("Teams configuration", () => {
  it("is off when neither MicrosoftAppId nor TEAMS_ENABLED is set", () => {
    expect(ok({})).toEqual({ enabled: false });
    expect(ok({ TEAMS_ENABLED: "false", MicrosoftAppId: APP_ID })).toEqual({ enabled: false });
  });

  it("runs unauthenticated with TEAMS_ENABLED=true and no credentials, for local testing", () => {
    expect(ok({ TEAMS_ENABLED: "true" })).toEqual({ enabled: true, credentials: null });
    expect(ok({ TEAMS_ENABLED: "1", NODE_ENV: "development" })).toEqual({ enabled: true, credentials: null });
  });

  it("refuses to run without credentials when NODE_ENV=production", () => {
    expect(problems({ TEAMS_ENABLED: "true", NODE_ENV: "production" })).toEqual([
      expect.stringMatching(/^MicrosoftAppId: required with NODE_ENV=production/),
    ]);
  });

  it("is a single-tenant bot by default once MicrosoftAppId is set", () => {
    expect(
      ok({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: SECRET, MicrosoftAppTenantId: TENANT }),
    ).toEqual({
      enabled: true,
      credentials: { appId: APP_ID, appPassword: SECRET, appType: "SingleTenant", tenantId: TENANT },
    });
  });

  it("accepts MultiTenant without a tenant and UserAssignedMSI without a password, in any case", () => {
    const multi = ok({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: SECRET,
      MicrosoftAppType: "multitenant",
    });
    expect(multi.enabled && multi.credentials?.appType).toBe("MultiTenant");
    const msi = ok({
      MicrosoftAppId: APP_ID,
      MicrosoftAppType: "UserAssignedMsi",
      MicrosoftAppTenantId: TENANT,
    });
    expect(msi.enabled && msi.credentials).toMatchObject({ appType: "UserAssignedMSI", appPassword: null });
  });

  it("says which variable is missing for each app type", () => {
    expect(problems({ MicrosoftAppId: APP_ID })).toEqual([
      expect.stringMatching(/^MicrosoftAppTenantId: required for MicrosoftAppType=SingleTenant/),
      expect.stringMatching(/^MicrosoftAppPassword: required for MicrosoftAppType=SingleTenant/),
    ]);
    expect(
      problems({ MicrosoftAppId: APP_ID, MicrosoftAppType: "UserAssignedMSI", MicrosoftAppPassword: SECRET }),
    ).toEqual([
      expect.stringMatching(/^MicrosoftAppTenantId: /),
      expect.stringMatching(/^MicrosoftAppPassword: must not be set/),
    ]);
    expect(problems({ MicrosoftAppPassword: SECRET, TEAMS_ENABLED: "true" })).toEqual([
      expect.stringMatching(/^MicrosoftAppPassword: set without MicrosoftAppId/),
    ]);
  });

  it("gives one line per problem, naming the variable and never repeating a secret", () => {
    const p = problems({
      MicrosoftAppId: SECRET,
      MicrosoftAppPassword: `${SECRET} \n`,
      MicrosoftAppType: "Personal",
      MicrosoftAppTenantId: "not a tenant",
      TEAMS_ENABLED: "yes please",
    });
    expect(p.map((l) => l.split(":")[0])).toEqual([
      "MicrosoftAppId",
      "MicrosoftAppPassword",
      "MicrosoftAppType",
      "MicrosoftAppTenantId",
      "TEAMS_ENABLED",
    ]);
    expect(p.join("\n")).not.toContain(SECRET);
  });

  it("takes Bot Framework endpoint overrides (sovereign clouds, loopback tests) under the SDK's setting names", () => {
    const c = ok({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: SECRET,
      MicrosoftAppTenantId: TENANT,
      ToBotFromChannelOpenIdMetadataUrl: "http://127.0.0.1:4000/v1/.well-known/openidconfiguration",
      ToChannelFromBotLoginUrl: `https://login.microsoftonline.us/${TENANT}`,
    });
    expect(c.enabled && c.credentials?.endpoints).toEqual({
      ToBotFromChannelOpenIdMetadataUrl: "http://127.0.0.1:4000/v1/.well-known/openidconfiguration",
      ToChannelFromBotLoginUrl: `https://login.microsoftonline.us/${TENANT}`,
    });
    // Without overrides the credentials carry none: the SDK's public-cloud defaults apply.
    const plain = ok({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: SECRET, MicrosoftAppTenantId: TENANT });
    expect(plain.enabled && plain.credentials).not.toHaveProperty("endpoints");
  });

  it("refuses an endpoint override in plain http anywhere but this machine", () => {
    expect(
      problems({
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: SECRET,
        MicrosoftAppTenantId: TENANT,
        ToChannelFromBotLoginUrl: "http://login.example.com/tenant",
        ToBotFromChannelTokenIssuer: "two words",
      }),
    ).toEqual([
      expect.stringMatching(/^ToBotFromChannelTokenIssuer: must be one value/),
      expect.stringMatching(/^ToChannelFromBotLoginUrl: must be an https:\/\/ URL/),
    ]);
  });
});

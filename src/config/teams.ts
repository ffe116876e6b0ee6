import { z } from "zod";
import { blankAsUnset, type ConfigResult, type Env, problemsOf } from "./env.js";

/**
 * Microsoft Teams: the Azure Bot's credentials, in the variable names the Bot Framework samples use.
 * Teams is served when MicrosoftAppId is set, or with TEAMS_ENABLED=true for local testing without
 * credentials (refused when NODE_ENV=production). Problems name the variable, never its value.
 * @see https://learn.microsoft.com/azure/bot-service/bot-builder-authentication
 */

export const TEAMS_APP_TYPES = ["SingleTenant", "MultiTenant", "UserAssignedMSI"] as const;
export type TeamsAppType = (typeof TEAMS_APP_TYPES)[number];

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const WHERE = "Azure portal → your Azure Bot → Configuration";

export const TeamsEnvSchema = z.object({
  MicrosoftAppId: z
    .string()
    .trim()
    .regex(GUID, { error: `MicrosoftAppId: must be the bot's Microsoft App ID, a GUID (${WHERE})` })
    .optional(),
  MicrosoftAppPassword: z
    .string()
    .refine((v) => v.trim() === v && !/\s/.test(v), {
      error: "MicrosoftAppPassword: must be one client secret without spaces (a stray newline or quote?)",
    })
    .optional(),
  MicrosoftAppType: z
    .string()
    .trim()
    .transform((v) => TEAMS_APP_TYPES.find((t) => t.toLowerCase() === v.toLowerCase()))
    .refine((v) => v !== undefined, {
      error: `MicrosoftAppType: must be one of ${TEAMS_APP_TYPES.join(", ")}`,
    })
    .optional(),
  MicrosoftAppTenantId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9.-]{1,128}$/, {
      error: `MicrosoftAppTenantId: must be a Microsoft Entra tenant ID, a GUID (${WHERE})`,
    })
    .optional(),
  TEAMS_ENABLED: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(["true", "false", "1", "0"], { error: "TEAMS_ENABLED: must be true or false" }))
    .optional(),
  NODE_ENV: z.string().trim().optional(),
});

/** An endpoint override: https, or plain http on this machine only (a loopback test service). */
const endpoint = (variable: string) =>
  z
    .string()
    .trim()
    .refine(
      (v) => {
        try {
          const u = new URL(v);
          return (
            u.protocol === "https:" ||
            (u.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(u.hostname))
          );
        } catch {
          return false;
        }
      },
      { error: `${variable}: must be an https:// URL (http:// only on 127.0.0.1 or localhost)` },
    )
    .optional();

const claimValue = (variable: string) =>
  z
    .string()
    .trim()
    .regex(/^\S{1,512}$/, { error: `${variable}: must be one value without spaces` })
    .optional();

/**
 * The Bot Framework's authentication endpoints, under the setting names its SDK reads. They exist
 * for sovereign clouds and for tests against loopback fakes, so they are not user settings: the
 * README does not list them and a bot in the public cloud leaves them unset.
 * @see https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication
 */
export const TeamsAuthEndpointsEnvSchema = z.object({
  ToBotFromChannelOpenIdMetadataUrl: endpoint("ToBotFromChannelOpenIdMetadataUrl"),
  ToBotFromEmulatorOpenIdMetadataUrl: endpoint("ToBotFromEmulatorOpenIdMetadataUrl"),
  ToBotFromChannelTokenIssuer: claimValue("ToBotFromChannelTokenIssuer"),
  ToChannelFromBotLoginUrl: endpoint("ToChannelFromBotLoginUrl"),
  ToChannelFromBotOAuthScope: claimValue("ToChannelFromBotOAuthScope"),
  OAuthUrl: endpoint("OAuthUrl"),
});
export type TeamsAuthEndpoints = z.infer<typeof TeamsAuthEndpointsEnvSchema>;

/** The credentials the Bot Framework checks incoming requests with and signs replies with. */
export interface TeamsCredentials {
  appId: string;
  /** The client secret; absent for UserAssignedMSI. Never logged (the logger redacts `appPassword`). */
  appPassword: string | null;
  appType: TeamsAppType;
  tenantId: string | null;
  /** Overridden authentication endpoints (sovereign clouds, loopback tests); unset in the public cloud. */
  endpoints?: TeamsAuthEndpoints;
}

export type TeamsConfig =
  | { enabled: false }
  /** `credentials: null` runs unauthenticated: any request is accepted (local testing only). */
  | { enabled: true; credentials: TeamsCredentials | null };

function credentialProblems(c: TeamsCredentials): string[] {
  const out: string[] = [];
  if (c.appType !== "MultiTenant" && !c.tenantId)
    out.push(`MicrosoftAppTenantId: required for MicrosoftAppType=${c.appType} (${WHERE})`);
  if (c.appType === "UserAssignedMSI" && c.appPassword)
    out.push("MicrosoftAppPassword: must not be set for MicrosoftAppType=UserAssignedMSI");
  if (c.appType !== "UserAssignedMSI" && !c.appPassword)
    out.push(
      `MicrosoftAppPassword: required for MicrosoftAppType=${c.appType} (the client secret: ${WHERE} → Manage Password)`,
    );
  return out;
}

export function loadTeamsConfig(env: Env): ConfigResult<TeamsConfig> {
  const parsed = TeamsEnvSchema.safeParse(blankAsUnset(env));
  const overrides = TeamsAuthEndpointsEnvSchema.safeParse(blankAsUnset(env));
  const parseProblems = [
    ...(parsed.success ? [] : problemsOf(parsed.error)),
    ...(overrides.success ? [] : problemsOf(overrides.error)),
  ];
  if (!parsed.success || !overrides.success) return { ok: false, problems: parseProblems };
  const e = parsed.data;
  const flag = e.TEAMS_ENABLED === undefined ? null : e.TEAMS_ENABLED === "true" || e.TEAMS_ENABLED === "1";
  if (flag === false) return { ok: true, value: { enabled: false } };
  if (!e.MicrosoftAppId) {
    if (e.MicrosoftAppPassword)
      return {
        ok: false,
        problems: ["MicrosoftAppPassword: set without MicrosoftAppId; set both or neither"],
      };
    if (flag !== true) return { ok: true, value: { enabled: false } };
    if (e.NODE_ENV === "production")
      return {
        ok: false,
        problems: [
          `MicrosoftAppId: required with NODE_ENV=production; TEAMS_ENABLED=true without credentials is for local testing only (${WHERE})`,
        ],
      };
    return { ok: true, value: { enabled: true, credentials: null } };
  }
  const credentials: TeamsCredentials = {
    appId: e.MicrosoftAppId,
    appPassword: e.MicrosoftAppPassword ?? null,
    appType: e.MicrosoftAppType ?? "SingleTenant",
    tenantId: e.MicrosoftAppTenantId ?? null,
  };
  const endpoints = Object.fromEntries(
    Object.entries(overrides.data).filter(([, v]) => v !== undefined),
  ) as TeamsAuthEndpoints;
  if (Object.keys(endpoints).length > 0) credentials.endpoints = endpoints;
  const problems = credentialProblems(credentials);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: { enabled: true, credentials } };
}

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

/** The credentials the Bot Framework checks incoming requests with and signs replies with. */
export interface TeamsCredentials {
  appId: string;
  /** The client secret; absent for UserAssignedMSI. Never logged (the logger redacts `appPassword`). */
  appPassword: string | null;
  appType: TeamsAppType;
  tenantId: string | null;
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
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error) };
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
  const problems = credentialProblems(credentials);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: { enabled: true, credentials } };
}

import {
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from "botbuilder";
import { z } from "zod";
import type { TeamsAuthEndpoints, TeamsCredentials } from "../../config/teams.js";

/**
 * How the bot proves who it is and checks who calls it: the Bot Framework's authentication, given its
 * settings from src/config/teams.ts. Incoming requests carry a JWT signed with a key from the OpenID
 * metadata; replies carry a token the bot gets from Microsoft Entra with its client secret.
 * @see https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication
 */

/**
 * The public cloud's endpoints, as botframework-connector's AuthenticationConstants has them. Once
 * one is overridden the SDK takes every endpoint from the settings, so the rest come from here.
 */
const PUBLIC_CLOUD: Required<TeamsAuthEndpoints> & { CallerId: string } = {
  ToBotFromChannelOpenIdMetadataUrl: "https://login.botframework.com/v1/.well-known/openidconfiguration",
  ToBotFromEmulatorOpenIdMetadataUrl:
    "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration",
  ToBotFromChannelTokenIssuer: "https://api.botframework.com",
  ToChannelFromBotLoginUrl: "https://login.microsoftonline.com/botframework.com",
  ToChannelFromBotOAuthScope: "https://api.botframework.com",
  OAuthUrl: "https://api.botframework.com",
  CallerId: "urn:botframework:azure",
};

type CredentialsFactory = NonNullable<
  ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[1]
>;
type Credentials = Awaited<ReturnType<CredentialsFactory["createCredentials"]>>;

const TokenResponseSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().positive(),
});

/**
 * Tokens from a plain-http token endpoint on this machine (config allows http nowhere else). MSAL,
 * which the SDK uses otherwise, takes https authorities only and asks login.microsoftonline.com about
 * any host it does not know, so a loopback test service is called directly with the same request.
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow
 */
function loopbackTokenFactory(credentials: TeamsCredentials, loginUrl: string): CredentialsFactory {
  const cache = new Map<string, { token: string; until: number }>();
  async function token(scope: string): Promise<string> {
    const hit = cache.get(scope);
    if (hit && hit.until > Date.now()) return hit.token;
    const res = await fetch(`${loginUrl.replace(/\/$/, "")}/oauth2/v2.0/token`, {
      method: "POST",
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: credentials.appId,
        client_secret: credentials.appPassword ?? "",
        scope: `${scope}/.default`,
      }),
    });
    if (!res.ok) throw new Error(`the token endpoint answered HTTP ${res.status}`);
    const body = TokenResponseSchema.parse(await res.json());
    // Renewed five minutes early, as the SDK does, so a token never expires in flight.
    cache.set(scope, { token: body.access_token, until: Date.now() + (body.expires_in - 300) * 1000 });
    return body.access_token;
  }
  return {
    isValidAppId: async (appId) => appId === credentials.appId,
    isAuthenticationDisabled: async () => false,
    async createCredentials(appId, audience): Promise<Credentials> {
      if (appId !== credentials.appId) throw new Error("Invalid appId.");
      const scope = audience || PUBLIC_CLOUD.ToChannelFromBotOAuthScope;
      return {
        async signRequest(request) {
          request.headers.set("authorization", `Bearer ${await token(scope)}`);
          return request;
        },
      };
    },
  };
}

/** The authentication for the adapter: none without credentials (local testing), else the app's. */
export function teamsAuthentication(
  credentials: TeamsCredentials | null,
): ConfigurationBotFrameworkAuthentication {
  if (!credentials) return new ConfigurationBotFrameworkAuthentication({});
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: credentials.appId,
    MicrosoftAppType: credentials.appType,
    ...(credentials.appPassword ? { MicrosoftAppPassword: credentials.appPassword } : {}),
    ...(credentials.tenantId ? { MicrosoftAppTenantId: credentials.tenantId } : {}),
  };
  const endpoints = credentials.endpoints;
  if (!endpoints || Object.keys(endpoints).length === 0)
    return new ConfigurationBotFrameworkAuthentication(options);
  const settings = { ...PUBLIC_CLOUD, ...endpoints };
  const loopback = settings.ToChannelFromBotLoginUrl.startsWith("http:")
    ? loopbackTokenFactory(credentials, settings.ToChannelFromBotLoginUrl)
    : undefined;
  return new ConfigurationBotFrameworkAuthentication({ ...options, ...settings }, loopback);
}

/** Token problems the SDK reports as plain errors (jsonwebtoken's), rather than as 401s. */
const TOKEN_ERRORS = new Set(["JsonWebTokenError", "TokenExpiredError", "NotBeforeError"]);

/**
 * What a failed authentication means for the caller: 401 when the token is wrong, 503 when the
 * metadata to check it with could not be fetched (the caller may retry; the token may be fine).
 */
export function authFailureStatus(error: unknown): 401 | 503 {
  if (typeof error !== "object" || error === null) return 503;
  const { statusCode, name } = error as { statusCode?: unknown; name?: unknown };
  if (statusCode === 401 || (typeof name === "string" && TOKEN_ERRORS.has(name))) return 401;
  return 503;
}

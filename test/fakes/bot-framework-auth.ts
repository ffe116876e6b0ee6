import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/**
 * The Bot Framework's token services on loopback, in their wire format:
 * - `GET /v1/.well-known/openidconfiguration`: the OpenID metadata naming the keys' URL;
 * - `GET /v1/.well-known/keys`: the JWKS with one RSA key (generated here) that signs channel tokens;
 * - `POST /{tenant}/oauth2/v2.0/token`: Microsoft Entra's client-credentials grant, for the bot's replies.
 * Tests sign channel tokens with `channelToken` (RS256 by hand with node:crypto) as the Bot Connector
 * service would, and find the tokens the bot was given in `issued`.
 * @see https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication
 */

export const CHANNEL_ISSUER = "https://api.botframework.com";
const KID = "fake-bot-framework-key-1";

export interface TokenRequest {
  tenant: string;
  form: Record<string, string>;
}

export interface FakeBotFrameworkAuth {
  readonly url: string;
  /** ToBotFromChannelOpenIdMetadataUrl for the bot under test. */
  readonly openIdMetadataUrl: string;
  /** ToChannelFromBotLoginUrl for a single-tenant bot in `tenant`. */
  loginUrl(tenant: string): string;
  /** Every token request the bot made, decoded. */
  readonly tokenRequests: TokenRequest[];
  /** The access tokens handed out, in order. */
  readonly issued: string[];
  /** A channel token for `appId` signed with the fake's key, or with `opts.key` under the fake's key id. */
  channelToken(claims: Record<string, unknown>, opts?: { key?: KeyObject; kid?: string }): string;
  close(): Promise<void>;
}

const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");

/** A compact JWS signed with RS256 (RSASSA-PKCS1-v1_5 with SHA-256), as jsonwebtoken verifies it. */
export function signRs256(payload: Record<string, unknown>, key: KeyObject, kid: string): string {
  const signingInput = `${b64url({ alg: "RS256", typ: "JWT", kid })}.${b64url(payload)}`;
  return `${signingInput}.${sign("sha256", Buffer.from(signingInput), key).toString("base64url")}`;
}

/** A fresh RSA key pair, e.g. to sign a token the bot must not trust. */
export const rsaKeyPair = () => generateKeyPairSync("rsa", { modulusLength: 2048 });

export async function startBotFrameworkAuth(
  credentials: { appId: string; appPassword: string },
  opts: { endorsements?: string[] } = {},
): Promise<FakeBotFrameworkAuth> {
  const { privateKey, publicKey } = rsaKeyPair();
  const jwk = publicKey.export({ format: "jwk" });
  const tokenRequests: TokenRequest[] = [];
  const issued: string[] = [];
  const sockets = new Set<Socket>();
  let url = "";

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
    res.end(JSON.stringify(body));
  };

  function handle(req: IncomingMessage, raw: string, res: ServerResponse): void {
    const path = (req.url ?? "").split("?")[0] ?? "";
    if (req.method === "GET" && path === "/v1/.well-known/openidconfiguration") {
      json(res, 200, {
        issuer: CHANNEL_ISSUER,
        authorization_endpoint: "https://invalid.botframework.com",
        jwks_uri: `${url}/v1/.well-known/keys`,
        id_token_signing_alg_values_supported: ["RS256"],
        token_endpoint_auth_methods_supported: ["private_key_jwt"],
      });
      return;
    }
    if (req.method === "GET" && path === "/v1/.well-known/keys") {
      json(res, 200, {
        keys: [
          {
            kty: "RSA",
            use: "sig",
            kid: KID,
            n: jwk.n,
            e: jwk.e,
            endorsements: opts.endorsements ?? ["msteams"],
          },
        ],
      });
      return;
    }
    const token = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(path);
    if (req.method === "POST" && token) {
      const form = Object.fromEntries(new URLSearchParams(raw));
      tokenRequests.push({ tenant: decodeURIComponent(token[1] ?? ""), form });
      if (
        form.grant_type !== "client_credentials" ||
        form.client_id !== credentials.appId ||
        form.client_secret !== credentials.appPassword
      ) {
        json(res, 401, {
          error: "invalid_client",
          error_description: "AADSTS7000215: Invalid client secret.",
        });
        return;
      }
      const accessToken = `fake-entra-token-${issued.length + 1}`;
      issued.push(accessToken);
      json(res, 200, {
        token_type: "Bearer",
        expires_in: 3599,
        ext_expires_in: 3599,
        access_token: accessToken,
      });
      return;
    }
    json(res, 404, { error: "not_found" });
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => handle(req, Buffer.concat(chunks).toString("utf8"), res));
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    openIdMetadataUrl: `${url}/v1/.well-known/openidconfiguration`,
    loginUrl: (tenant) => `${url}/${tenant}`,
    tokenRequests,
    issued,
    channelToken: (claims, o = {}) => signRs256(claims, o.key ?? privateKey, o.kid ?? KID),
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

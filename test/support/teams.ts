import type { AddressInfo } from "node:net";
import { createTeamsSurface, type TeamsSurface } from "../../src/channels/teams/index.js";
import type { TeamsCredentials } from "../../src/config/teams.js";
import { buildCatalog } from "../../src/domain/catalog/catalog.js";
import { createHttpApp, listen, type RunningServer } from "../../src/http/server.js";
import { type Logger, silentLogger } from "../../src/logging.js";
import type { Metrics } from "../../src/metrics.js";
import type { AdaptiveCard } from "../../src/render/teams/answer-card.js";
import type { Store } from "../../src/store/index.js";
import { type ConnectorCall, type FakeBotConnector, startBotConnector } from "../fakes/bot-connector.js";
import { TODAY, testConversation } from "./conversation.js";

/**
 * The Teams bot end to end on loopback: the real HTTP app with the Teams surface mounted, a real
 * conversation on in-memory PGlite, and the fake Bot Connector as every activity's serviceUrl.
 */
export const TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
export const BOT = { id: "28:bot-app-id", name: "llm-advisor" };
export const ADA = {
  id: "29:ada-teams-id",
  name: "Ada",
  aadObjectId: "00000000-0000-4000-8000-00000000ada0",
};
/** A second person, for group chats and for presses by someone else. */
export const GRACE = {
  id: "29:grace-teams-id",
  name: "Grace",
  aadObjectId: "00000000-0000-4000-8000-000000006ace",
};
export const PERSONAL_CHAT = "a:1personal-chat-with-ada";
export const CHANNEL = "19:general-channel@thread.tacv2";
/** The team the channel belongs to: Teams looks members up by team. */
export const TEAM = "19:team-general@thread.tacv2";

export interface TeamsHarness {
  url: string;
  connector: FakeBotConnector;
  store: Store;
  metrics: Metrics;
  surface: TeamsSurface;
  /** POSTs an activity to /api/messages; the answer's status and parsed body. */
  post(
    activity: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

export async function startTeams(
  credentials: TeamsCredentials | null = null,
  opts: { logger?: Logger; digestTimezone?: string } = {},
): Promise<TeamsHarness> {
  const connector = await startBotConnector();
  const { conversation, store, metrics } = await testConversation();
  const logger = opts.logger ?? silentLogger();
  const catalog = buildCatalog({ pricesAt: new Date(`${TODAY}T12:00:00Z`) });
  const now = () => new Date(`${TODAY}T12:00:00Z`);
  const surface = createTeamsSurface(
    { conversation, store, catalog, logger, metrics, now, digestTimezone: opts.digestTimezone },
    { credentials },
  );
  const app = createHttpApp({ metrics, logger, readiness: async () => ({ ready: true, checks: {} }) });
  surface.mount?.(app);
  await surface.start();
  const server: RunningServer = await listen(app, 0, "127.0.0.1");
  const url = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return {
    url,
    connector,
    store,
    metrics,
    surface,
    async post(activity, headers = {}) {
      const res = await fetch(`${url}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ serviceUrl: connector.serviceUrl, ...activity }),
      });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        // A plain-text answer (the SDK's 401 message) stays text.
      }
      return { status: res.status, body };
    },
    async close() {
      await surface.stop(1000);
      await server.close(1000);
      await connector.close();
      await store.close();
    },
  };
}

let seq = 0;
/** Teams activity ids are numeric strings (milliseconds); unique per test run. */
export const nextId = (): string => String(1_700_000_100_000 + ++seq);

const teamsChannelData = (scope: "personal" | "channel") =>
  scope === "channel"
    ? {
        teamsChannelId: CHANNEL,
        teamsTeamId: TEAM,
        channel: { id: CHANNEL },
        team: { id: TEAM },
        tenant: { id: TENANT },
      }
    : { tenant: { id: TENANT } };

/** A 1:1 chat of its own, so tests sharing one bot do not follow up on each other. */
export const newPersonalChat = (): string => `a:1personal-chat-${nextId()}`;

/** A message Ada types in her 1:1 chat with the bot. */
export function personalMessage(text: string, chat = PERSONAL_CHAT): Record<string, unknown> {
  return {
    type: "message",
    id: nextId(),
    channelId: "msteams",
    from: ADA,
    recipient: BOT,
    conversation: { conversationType: "personal", tenantId: TENANT, id: chat },
    channelData: teamsChannelData("personal"),
    text,
    textFormat: "plain",
    locale: "en-US",
  };
}

/** A group chat of its own. */
export const newGroupChat = (): string => `19:group-chat-${nextId()}@thread.v2`;

/** A message @mentioning the bot in a group chat, from Ada unless someone else is named. */
export function groupMention(text: string, chat: string, from = ADA): Record<string, unknown> {
  const mention = `<at>${BOT.name}</at>`;
  return {
    type: "message",
    id: nextId(),
    channelId: "msteams",
    from,
    recipient: BOT,
    conversation: { isGroup: true, conversationType: "groupChat", tenantId: TENANT, id: chat },
    channelData: teamsChannelData("personal"),
    entities: [{ type: "mention", text: mention, mentioned: BOT }],
    text: `${mention} ${text}`,
    textFormat: "plain",
  };
}

/**
 * A channel message @mentioning the bot: a new post (its own id becomes the thread's root), or a reply
 * in the thread whose root is `root`.
 */
export function channelMention(text: string, root?: string): Record<string, unknown> {
  const id = nextId();
  const mention = `<at>${BOT.name}</at>`;
  return {
    type: "message",
    id,
    channelId: "msteams",
    from: ADA,
    recipient: BOT,
    conversation: {
      isGroup: true,
      conversationType: "channel",
      tenantId: TENANT,
      id: `${CHANNEL};messageid=${root ?? id}`,
    },
    channelData: teamsChannelData("channel"),
    entities: [{ type: "mention", text: mention, mentioned: BOT }],
    text: `${mention} ${text}`,
    textFormat: "plain",
  };
}

/** A channel's activities name its team (TeamsInfo needs it); a chat's only the tenant. */
const channelDataFor = (conversation: Record<string, unknown>) =>
  teamsChannelData(conversation.conversationType === "channel" ? "channel" : "personal");

/** The `adaptiveCard/action` invoke Teams sends when Action.Execute is pressed on the card `cardId`. */
export function executeInvoke(
  conversation: Record<string, unknown>,
  cardId: string,
  data: Record<string, unknown>,
  verb = String(data.action),
  from: Record<string, unknown> = ADA,
): Record<string, unknown> {
  return {
    type: "invoke",
    name: "adaptiveCard/action",
    id: `f:${nextId()}`,
    channelId: "msteams",
    from,
    recipient: BOT,
    conversation,
    channelData: channelDataFor(conversation),
    replyToId: cardId,
    value: { action: { type: "Action.Execute", verb, data }, trigger: "manual" },
  };
}

/** The message older clients send for the Action.Submit fallback: the button's data as `value`. */
export function submitMessage(
  conversation: Record<string, unknown>,
  cardId: string,
  data: Record<string, unknown>,
  from: Record<string, unknown> = ADA,
): Record<string, unknown> {
  return {
    type: "message",
    id: nextId(),
    channelId: "msteams",
    from,
    recipient: BOT,
    conversation,
    channelData: channelDataFor(conversation),
    replyToId: cardId,
    value: data,
  };
}

/** The Adaptive Card a connector call carried, if any. */
export function cardOf(call: ConnectorCall | undefined): AdaptiveCard | null {
  const attachments = (call?.activity.attachments ?? []) as Array<{ contentType: string; content: unknown }>;
  const a = attachments.find((x) => x.contentType === "application/vnd.microsoft.card.adaptive");
  return a ? (a.content as AdaptiveCard) : null;
}

/** The answer id an answer card's buttons carry. */
export function answerIdOf(card: AdaptiveCard | null): string {
  const data = card?.actions?.[0]?.data as { answerId?: string } | undefined;
  if (!data?.answerId) throw new Error("not an answer card");
  return data.answerId;
}

/** Every text on a card, joined: for asserting what it says. */
export const cardText = (card: AdaptiveCard | null): string =>
  JSON.stringify(card?.body ?? [])
    .match(/"text":"((?:[^"\\]|\\.)*)"/g)
    ?.map((t) => JSON.parse(`{${t}}`).text as string)
    .join("\n") ?? "";

import type { ServerResponse } from "node:http";
import { type LoopbackFake, type Received, type Reply, startLoopback } from "./loopback.js";

/**
 * The Bot Connector service on loopback, in its wire format: the `serviceUrl` of every activity the
 * tests post to the bot, so replies made through the real botbuilder SDK land here.
 * - `POST /v3/conversations/{conversationId}/activities`: send to a conversation (a new message);
 * - `POST /v3/conversations/{conversationId}/activities/{activityId}`: reply to an activity;
 * - `PUT /v3/conversations/{conversationId}/activities/{activityId}`: update a posted activity;
 * - `GET /v3/conversations/{conversationId}/members/{userId}`: one member (TeamsInfo.getMember; in a
 *   channel the conversation is the team), 404 for someone not in it (see `setMembers`).
 * Each answers `200 {"id": ...}` (a ResourceResponse) or, queued, an error in the connector's
 * `{ "error": { "code", "message" } }` shape.
 * @see https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference
 */

export type ConnectorCallKind = "send" | "reply" | "update";

/** A call the bot made, decoded: which conversation, which activity, what it sent. */
export interface ConnectorCall {
  kind: ConnectorCallKind;
  conversationId: string;
  /** The activity replied to or updated; null for a send. */
  activityId: string | null;
  /** The id this fake answered with (the posted activity's id). */
  postedId: string;
  activity: Record<string, unknown>;
  authorization: string | undefined;
}

export interface FakeBotConnector {
  /** The serviceUrl to put into activities, e.g. http://127.0.0.1:49152/. */
  readonly serviceUrl: string;
  readonly received: Received[];
  /** Every successful call, decoded, in order. */
  calls(): ConnectorCall[];
  /** Messages (not typing indicators) the bot sent or replied with. */
  messages(): ConnectorCall[];
  /** Polls the recorded calls until `pick` finds what it wants, or fails after `timeoutMs`. */
  waitFor<T>(pick: (calls: ConnectorCall[]) => T | null | undefined | false, timeoutMs?: number): Promise<T>;
  /** Makes the next calls fail with these HTTP statuses, in order. */
  failNext(...statuses: number[]): void;
  /** Who belongs to a team or chat (user ids as in `from.id`); everyone, where none were set. */
  setMembers(conversationId: string, userIds: string[]): void;
  /** The member lookups the bot made, as conversation and user id. */
  memberLookups(): Array<{ conversationId: string; userId: string }>;
  close(): Promise<void>;
}

const ROUTE = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?\/?(?:\?.*)?$/;
const MEMBER = /^\/v3\/conversations\/([^/]+)\/members\/([^/?]+)\/?(?:\?.*)?$/;

function callOf(r: Received, postedId: string): ConnectorCall | null {
  const m = ROUTE.exec(r.path);
  if (!m) return null;
  const [, conversation, activity] = m;
  const kind: ConnectorCallKind | null =
    r.method === "PUT" && activity ? "update" : r.method === "POST" ? (activity ? "reply" : "send") : null;
  if (!kind || !conversation) return null;
  const auth = r.headers.authorization;
  return {
    kind,
    conversationId: decodeURIComponent(conversation),
    activityId: activity ? decodeURIComponent(activity) : null,
    postedId,
    activity: r.body,
    authorization: typeof auth === "string" ? auth : undefined,
  };
}

export async function startBotConnector(): Promise<FakeBotConnector> {
  const calls: ConnectorCall[] = [];
  const members = new Map<string, Set<string>>();
  const lookups: Array<{ conversationId: string; userId: string }> = [];
  let next = 1;
  const handle = (r: Received, reply: Reply, res: ServerResponse) => {
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
      res.end(JSON.stringify(body));
    };
    if (reply.kind === "error") {
      json(reply.status, {
        error: { code: "ServiceError", message: reply.message ?? "fake connector error" },
      });
      return;
    }
    const member = r.method === "GET" ? MEMBER.exec(r.path) : null;
    if (member) {
      const conversationId = decodeURIComponent(member[1] ?? "");
      const userId = decodeURIComponent(member[2] ?? "");
      lookups.push({ conversationId, userId });
      const known = members.get(conversationId);
      if (known && !known.has(userId)) {
        json(404, { error: { code: "MemberNotFoundInConversation", message: "The member was not found." } });
        return;
      }
      json(200, { id: userId, name: userId, objectId: `aad-${userId}`, userRole: "user", tenantId: "fake" });
      return;
    }
    const postedId = r.method === "PUT" ? "" : `1700000${String(next++).padStart(6, "0")}`;
    const call = callOf(r, postedId);
    if (!call) {
      json(404, { error: { code: "NotFound", message: `no route for ${r.method} ${r.path}` } });
      return;
    }
    const id = call.kind === "update" ? (call.activityId ?? "") : postedId;
    calls.push({ ...call, postedId: id });
    json(200, { id });
  };
  const fake: LoopbackFake = await startLoopback(handle, { kind: "text", text: "" });
  const all = () => [...calls];
  const messages = () => calls.filter((c) => c.activity.type === "message");
  return {
    serviceUrl: `${fake.url}/`,
    received: fake.received,
    calls: all,
    messages,
    async waitFor(pick, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = pick(all());
        if (found) return found;
        if (Date.now() > deadline)
          throw new Error(
            `the fake connector did not receive what was expected; calls: ${JSON.stringify(all())}`,
          );
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    failNext: (...statuses) => fake.queue(...statuses.map((status) => ({ kind: "error" as const, status }))),
    setMembers: (conversationId, userIds) => {
      members.set(conversationId, new Set(userIds));
    },
    memberLookups: () => [...lookups],
    close: () => fake.close(),
  };
}

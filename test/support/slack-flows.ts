import type { KnownBlock } from "@slack/types";
import { expect } from "vitest";
import type { SlackCall } from "../fakes/slack-api.js";
import { blockKitProblems } from "./block-kit.js";
import type { SlackHarness } from "./slack-app.js";
import { SIGNING_SECRET } from "./slack-app.js";
import {
  blockActionPayload,
  commandBody,
  eventBody,
  interactionBody,
  type SendOptions,
  sendSigned,
} from "./slack-requests.js";

/** Steps of a conversation with the Slack app, as a user would take them, and what the fake saw. */

export const FORM = "application/x-www-form-urlencoded" as const;
export const JSON_TYPE = "application/json" as const;

/** Every text of a call's blocks, joined: what a person would read. */
export function readable(args: Record<string, unknown>): string {
  const parts: string[] = [String(args.text ?? "")];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        if (k === "text" && typeof x === "string") parts.push(x);
        else walk(x);
      }
    }
  };
  walk(args.blocks);
  return parts.join("\n");
}

/** The call's blocks, checked against Block Kit's limits by the independent validator. */
export function validBlocks(call: SlackCall, where: "message" | "view" = "message"): KnownBlock[] {
  const blocks = (call.args.blocks ?? (call.args.view as { blocks?: unknown })?.blocks) as KnownBlock[];
  expect(Array.isArray(blocks)).toBe(true);
  expect(blockKitProblems(blocks, where, String(call.args.text ?? ""))).toEqual([]);
  return blocks;
}

/** The answer id the buttons of a message carry. */
export function answerIdOf(blocks: readonly KnownBlock[]): string {
  const actions = blocks.find((b) => b.type === "actions");
  if (actions?.type !== "actions") throw new Error("no buttons on this message");
  const first = actions.elements[0];
  if (first?.type !== "button" || !first.value) throw new Error("no button value");
  return (JSON.parse(first.value) as { answerId: string }).answerId;
}

export async function slash(
  h: SlackHarness,
  text: string,
  at: { channel?: string; user?: string; responseUrl?: string } = {},
  opts: SendOptions = {},
): Promise<Response> {
  return sendSigned(
    h.eventsUrl,
    SIGNING_SECRET,
    commandBody({
      text,
      channel: at.channel ?? "C0GENERAL",
      user: at.user ?? "U0ALICE",
      responseUrl: at.responseUrl ?? h.fake.responseUrl(),
    }),
    FORM,
    opts,
  );
}

/** `/llm-advise <question>` in a channel; resolves with the answer that replaced the placeholder. */
export async function askInChannel(h: SlackHarness, text: string, channel = "C0GENERAL") {
  const before = h.fake.callsOf("chat.update").length;
  const res = await slash(h, text, { channel });
  expect(res.status).toBe(200);
  const update = await h.fake.waitFor(
    "chat.update",
    (c) => c.reply?.ok === true && h.fake.callsOf("chat.update").indexOf(c) >= before,
  );
  const blocks = validBlocks(update);
  return {
    channel: String(update.args.channel),
    ts: String(update.args.ts),
    blocks,
    answerId: answerIdOf(blocks),
  };
}

let eventSeq = 0;
export async function sendEvent(
  h: SlackHarness,
  event: Record<string, unknown>,
  opts: SendOptions & { eventId?: string } = {},
): Promise<Response> {
  const id = opts.eventId ?? `Ev${String(++eventSeq).padStart(6, "0")}`;
  return sendSigned(h.eventsUrl, SIGNING_SECRET, eventBody(event, id), JSON_TYPE, opts);
}

let tsSeq = 0;
/** A fresh message ts, later than anything the fake posted before. */
export const userTs = (): string => `1700009${String(++tsSeq).padStart(3, "0")}.000100`;

export async function clickButton(
  h: SlackHarness,
  at: { channel: string; messageTs: string; threadTs?: string },
  answerId: string,
  action: string,
  user = "U0BOB",
): Promise<Response> {
  return sendSigned(
    h.eventsUrl,
    SIGNING_SECRET,
    interactionBody(
      blockActionPayload({
        user,
        channel: at.channel,
        messageTs: at.messageTs,
        ...(at.threadTs ? { threadTs: at.threadTs } : {}),
        actionId: `answer:${action}`,
        value: JSON.stringify({ answerId, action }),
        responseUrl: h.fake.responseUrl(),
      }),
    ),
    FORM,
  );
}

/** The chat.postMessage calls made after `since` calls had been recorded. */
export const postsAfter = (h: SlackHarness, since: number) =>
  h.fake.calls.slice(since).filter((c) => c.method === "chat.postMessage");

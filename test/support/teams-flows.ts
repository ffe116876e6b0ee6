import { afterAll, beforeAll, expect } from "vitest";
import { ANSWER_ACTIONS } from "../../src/render/answer-actions.js";
import { type AdaptiveCard, cardBytes, TEAMS_CARD_MAX_BYTES } from "../../src/render/teams/answer-card.js";
import type { ConnectorCall } from "../fakes/bot-connector.js";
import { adaptiveCardProblems } from "./adaptive-card.js";
import { cardOf, startTeams, type TeamsHarness } from "./teams.js";

/** Starting PGlite and the bot takes seconds, more on a busy machine. */
export const STARTUP_MS = 60_000;

export const QUESTION = "500k requests a month, 500 in / 200 out tokens, on gpt-4o-mini";

/** One bot per describe block (PGlite takes a while to start); each test talks in its own chat or thread. */
export function sharedBot(opts: Parameters<typeof startTeams>[1] = {}): () => TeamsHarness {
  let teams: TeamsHarness | null = null;
  beforeAll(async () => {
    teams = await startTeams(null, opts);
  }, STARTUP_MS);
  afterAll(async () => {
    await teams?.close();
  });
  return () => {
    if (!teams) throw new Error("the bot did not start");
    return teams;
  };
}

/** What the bot sent into one conversation (a chat, or a channel thread's reply chain). */
export const callsIn = (calls: ConnectorCall[], conversationId: string) =>
  calls.filter((c) => c.conversationId === conversationId);

/** The n-th answer card (1-based) the bot posted into a conversation, once it is there. */
export const nthCard = (t: TeamsHarness, conversationId: string, n: number) =>
  t.connector.waitFor((calls) => {
    const cards = callsIn(calls, conversationId).filter((c) => c.kind !== "update" && cardOf(c) !== null);
    return cards.length >= n ? (cards[n - 1] as ConnectorCall) : null;
  });

/** The n-th text message (1-based) the bot posted into a conversation. */
export const nthText = (t: TeamsHarness, conversationId: string, n: number) =>
  t.connector.waitFor((calls) => {
    const texts = callsIn(calls, conversationId).filter(
      (c) => c.activity.type === "message" && c.activity.text,
    );
    return texts.length >= n ? (texts[n - 1] as ConnectorCall) : null;
  });

export const threadOfPost = (post: Record<string, unknown>) =>
  String((post.conversation as { id: string }).id);

/** A valid answer card with the six buttons; in a chat, Subscribe says "this chat". */
export function expectValidAnswerCard(
  card: AdaptiveCard | null,
  place: "channel" | "chat" = "channel",
): void {
  expect(card).not.toBeNull();
  expect(adaptiveCardProblems(card)).toEqual([]);
  expect(card?.version).toBe("1.5");
  expect(cardBytes(card)).toBeLessThan(TEAMS_CARD_MAX_BYTES);
  const labels = ANSWER_ACTIONS.map((a) =>
    a.id === "subscribe" && place === "chat" ? "Subscribe this chat to a digest" : a.label,
  );
  expect(card?.actions?.map((a) => a.title)).toEqual(labels);
  for (const a of card?.actions ?? []) {
    expect(a).toMatchObject({ type: "Action.Execute", verb: (a.data as { action: string }).action });
    expect(a.fallback).toMatchObject({ type: "Action.Submit", data: a.data });
  }
}

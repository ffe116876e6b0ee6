import { afterEach, describe, expect, it } from "vitest";
import type { Conversation } from "../src/conversation/conversation.js";
import type { Store, ThreadKey } from "../src/store/index.js";
import { testConversation } from "./support/conversation.js";

let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

async function setup(): Promise<Conversation> {
  const t = await testConversation();
  store = t.store;
  return t.conversation;
}

const thread: ThreadKey = {
  platform: "slack",
  workspaceId: "T1",
  channelId: "C1",
  threadId: "1700000000.000100",
};

describe("a conversation turn", () => {
  it("answers a new question, stores it, and phrases a summary with the template", async () => {
    const c = await setup();
    const turn = await c.turn(
      { thread, userId: "U1", text: "500k requests a month, 500 in / 200 out tokens, on gpt-4o-mini" },
      "slack",
    );
    expect(turn.kind).toBe("answer");
    if (turn.kind !== "answer") return;
    expect(turn.summary.provider).toBe("template");
    expect(turn.change).toBeNull();
    expect(await store?.threads.getAnswer(turn.answer.id)).toMatchObject({ id: turn.answer.id });
    // The question's words are kept only when the surface asks.
    expect(turn.answer.question).toBeNull();
  });

  it("recomputes a follow-up in the thread and says what changed", async () => {
    const c = await setup();
    await c.turn(
      { thread, userId: "U1", text: "500k requests a month, 500 in / 200 out tokens, on gpt-4o-mini" },
      "slack",
    );
    const turn = await c.turn({ thread, userId: "U1", text: "double the volume" }, "slack");
    expect(turn.kind).toBe("answer");
    if (turn.kind !== "answer") return;
    expect(turn.answer.profile.requestsPerMonth).toBe(1_000_000);
    // gpt-6-luna: 500K × (500 × $0.10 + 200 × $0.50)/1M = $75.00; at 1M, $150.00.
    expect(turn.change).toContain("volume 500K a month → 1M a month");
    expect(turn.change).toContain("$75.00 → $150.00");
    expect(turn.change).toContain("verdict unchanged");
  });

  it("keeps threads apart", async () => {
    const c = await setup();
    await c.turn({ thread, userId: "U1", text: "500k requests a month" }, "slack");
    const other = { ...thread, threadId: "1700000000.000200" };
    const turn = await c.turn({ thread: other, userId: "U1", text: "double the volume" }, "slack");
    // "double the volume" alone, in a new thread, is a question without a volume: defaults apply.
    expect(turn.kind).toBe("answer");
    if (turn.kind === "answer") expect(turn.change).toBeNull();
  });

  it("answers a concept question without storing anything", async () => {
    const c = await setup();
    const turn = await c.turn({ thread, userId: "U1", text: "what does shadow mode mean?" }, "slack");
    expect(turn).toMatchObject({ kind: "concept", concept: { id: "shadow-mode-and-migration-phases" } });
    expect(await store?.threads.getThread(thread)).toBeNull();
  });

  it("turns help, empty text and absurd numbers into help or a clear message", async () => {
    const c = await setup();
    expect((await c.turn({ thread, userId: "U1", text: "help" }, "slack")).kind).toBe("help");
    expect((await c.turn({ thread, userId: "U1", text: "   " }, "slack")).kind).toBe("help");
    const bad = await c.turn({ thread, userId: "U1", text: "1e15 requests a month" }, "slack");
    expect(bad).toMatchObject({ kind: "rejected" });
    if (bad.kind === "rejected") expect(bad.message).toContain("beyond what this tool models");
  });

  it("counts answered questions by surface and verdict", async () => {
    const t = await testConversation();
    store = t.store;
    await t.conversation.turn({ thread, userId: "U1", text: "50k requests a month" }, "teams");
    const text = await t.metrics.registry.metrics();
    expect(text).toContain('llm_advisor_questions_total{surface="teams",verdict="api"} 1');
  });
});

describe("buttons on a stored answer", () => {
  it("scales the answer's own volume by 10 and by 0.1", async () => {
    const c = await setup();
    const first = await c.turn({ thread, userId: "U1", text: "200k requests a month" }, "slack");
    if (first.kind !== "answer") throw new Error("no answer");
    const up = await c.action(first.answer.id, "what-if-10x", { userId: "U2" }, "slack");
    expect(
      up.kind === "what-if" && up.turn.kind === "answer" && up.turn.answer.profile.requestsPerMonth,
    ).toBe(2_000_000);
    const down = await c.action(first.answer.id, "what-if-0.1x", { userId: "U2" }, "slack");
    expect(
      down.kind === "what-if" && down.turn.kind === "answer" && down.turn.answer.profile.requestsPerMonth,
    ).toBe(20_000);
  });

  it("draws the break-even chart as a PNG", async () => {
    const c = await setup();
    const first = await c.turn(
      { thread, userId: "U1", text: "2M requests a month on gpt-4o, small DevOps team" },
      "slack",
    );
    if (first.kind !== "answer") throw new Error("no answer");
    const r = await c.action(first.answer.id, "chart", { userId: "U1" }, "slack");
    expect(r.kind).toBe("chart");
    if (r.kind === "chart") expect([...r.png.slice(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
  });

  it("says so when the answer a button names is gone", async () => {
    const c = await setup();
    expect(
      await c.action("00000000-0000-0000-0000-000000000000", "breakdown", { userId: "U1" }, "slack"),
    ).toMatchObject({ kind: "rejected" });
  });
});

import type { KnownBlock } from "@slack/types";
import { afterEach, describe, expect, it } from "vitest";
import { homeView } from "../src/channels/slack/blocks/home-view.js";
import { questionModal } from "../src/channels/slack/blocks/question-modal.js";
import {
  breakdownMessages,
  conceptMessages,
  helpMessages,
  noticeMessages,
  planMessages,
  rejectedMessages,
  turnMessages,
} from "../src/channels/slack/blocks/replies.js";
import type { Answered } from "../src/conversation/conversation.js";
import { advise } from "../src/domain/advise.js";
import { buildCatalog } from "../src/domain/catalog/catalog.js";
import { CONCEPTS } from "../src/domain/concepts.js";
import { type AdviceJson, adviceJson } from "../src/render/json.js";
import type { SlackMessage } from "../src/render/slack/limits.js";
import type { Store, StoredAnswer, Subscription } from "../src/store/index.js";
import { blockKitProblems, viewProblems } from "./support/block-kit.js";
import { TODAY, testConversation } from "./support/conversation.js";

/** Every Slack message and view the app builds, against Block Kit's limits, checked by an independent validator. */

const catalog = buildCatalog({ pricesAt: new Date(`${TODAY}T12:00:00Z`) });
const long = (n: number) => "word ".repeat(Math.ceil(n / 5)).slice(0, n);

function contract(): AdviceJson {
  const r = advise({ requestsPerMonth: 2_000_000, currentModel: "gpt-4o", team: "small-devops" }, catalog, {
    today: TODAY,
  });
  if (!r.ok) throw new Error("bad profile");
  return adviceJson(r.value);
}

/** An answer whose every text is as long as a real one could get, and then some. */
function veryLong(a: AdviceJson): AdviceJson {
  const first = a.options[0] as AdviceJson["options"][number];
  return {
    ...a,
    options: Array.from({ length: 14 }, (_, i) => ({
      ...first,
      id: `o${i}`,
      model: long(300),
      deployment: long(900),
      lineItems: Array.from({ length: 30 }, () => ({
        ...(first.lineItems[0] as AdviceJson["options"][number]["lineItems"][number]),
        label: long(400),
      })),
    })),
    reasons: Array.from({ length: 45 }, (_, i) => ({
      rule: `rule.${i}`,
      factor: "x",
      effect: "+1 api",
      rationale: long(1500),
      source: long(600),
      evidence: {},
    })),
    conflicts: Array.from({ length: 12 }, () => ({
      rules: ["a"],
      summary: long(800),
      resolution: long(400),
      winner: "api" as const,
    })),
    discrepancies: Array.from({ length: 8 }, () => ({
      id: "d",
      claim: long(700),
      computed: long(1500),
      source: "s",
    })),
    assumptions: Array.from({ length: 30 }, () => ({
      field: "f",
      value: long(100),
      reason: long(200),
      source: "s",
    })),
    issues: Array.from({ length: 15 }, () => ({ code: "unknown-model" as const, message: long(300) })),
    migrationPlan: {
      id: "p",
      title: long(400),
      source: long(300),
      phases: Array.from({ length: 12 }, () => ({
        name: long(200),
        steps: Array.from({ length: 20 }, () => long(500)),
      })),
    },
  };
}

function expectWithinLimits(messages: readonly SlackMessage[]) {
  expect(messages.length).toBeGreaterThan(0);
  for (const m of messages) {
    expect(blockKitProblems(m.blocks, "message", m.text)).toEqual([]);
    expect(m.blocks.length).toBeGreaterThan(0);
  }
}

const answered = (advice: AdviceJson, over: Partial<Answered> = {}): Answered => ({
  kind: "answer",
  answer: {
    id: "2b8f8f1e-0000-4000-8000-000000000001",
    thread: { platform: "slack", workspaceId: "T", channelId: "C", threadId: "1.1" },
    userId: "U",
    question: null,
    profile: {},
    advice,
    messageRef: null,
    createdAt: new Date(`${TODAY}T12:00:00Z`),
  },
  summary: {
    text: long(9000),
    provider: "template",
    model: "template",
    outcome: "template",
    attempts: [],
  } as never,
  replaceStreamed: false,
  understood: [],
  unused: [long(5000)],
  change: long(5000),
  ...over,
});

let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

describe("Slack messages stay within Block Kit's limits", () => {
  it("a real answer, with the question, what changed and the buttons on the first message", () => {
    const summary = {
      text: "Stay on the API: gpt-6-luna is cheapest at your volume.",
      provider: "template",
    } as never;
    const messages = turnMessages(answered(contract(), { unused: [], change: "volume 1M → 2M", summary }), {
      command: "/llm-advise",
      askedBy: { userId: "U1", question: "2M requests a month on gpt-4o, small DevOps team" },
    });
    expectWithinLimits(messages);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.blocks.at(-1)?.type).toBe("actions");
  });

  it("a very long answer: split into thread messages, the buttons staying on the first", () => {
    const messages = turnMessages(answered(veryLong(contract())), {
      command: "/llm-advise",
      askedBy: { userId: "U1", question: long(10_000) },
    });
    expect(messages.length).toBeGreaterThan(1);
    expectWithinLimits(messages);
    expect(messages[0]?.blocks.at(-1)?.type).toBe("actions");
    expect(messages.slice(1).every((m) => m.blocks.every((b) => b.type !== "actions"))).toBe(true);
  });

  it("a question whose answer is very long, through a real conversation turn", async () => {
    const t = await testConversation();
    store = t.store;
    // Ten models compared, every need stated, and a long tail of words the parser cannot use.
    const question = [
      "2M requests a month, 3000 input tokens and 800 output tokens, HIPAA, GDPR, SOX, data sovereignty,",
      "small DevOps team, fine-tuning, real-time latency, 99% accuracy, on gpt-4o today, compare claude,",
      "gemini, llama 3 70b, mistral 7b, qwen, gpt-4o-mini, llama 3.1 8b, mixtral, deepseek,",
      long(8000),
    ].join(" ");
    const thread = { platform: "slack" as const, workspaceId: "T", channelId: "C", threadId: "1.2" };
    const turn = await t.conversation.turn(
      { thread, userId: "U", text: question, keepQuestion: true },
      "slack",
    );
    expect(turn.kind).toBe("answer");
    expectWithinLimits(turnMessages(turn, { command: "/llm-advise", askedBy: { userId: "U", question } }));
  });

  it("the buttons' replies, even for a very long answer", () => {
    for (const a of [contract(), veryLong(contract())]) {
      expectWithinLimits(breakdownMessages(a));
      expectWithinLimits(planMessages(a));
    }
  });

  it("concepts, help, refusals and notices", () => {
    for (const c of CONCEPTS) expectWithinLimits(conceptMessages(c));
    expectWithinLimits(helpMessages("/llm-advise"));
    expectWithinLimits(rejectedMessages(long(20_000)));
    expectWithinLimits(noticeMessages(long(20_000)));
  });

  it("escapes Slack's control characters in what users typed", () => {
    const [first] = turnMessages(answered(contract(), { unused: ["<!channel> & <@U0X>"], change: null }), {
      command: "/llm-advise",
      askedBy: { userId: "U1", question: "<!here> please" },
    });
    const text = JSON.stringify(first);
    expect(text).not.toContain("<!channel>");
    expect(text).not.toContain("<!here>");
    expect(text).toContain("&lt;!here&gt; please");
    // Our own mention of the asker stays a mention.
    expect(text).toContain("<@U1> asked");
  });
});

describe("views stay within Block Kit's limits", () => {
  it("the Home tab with many long answers and subscriptions", () => {
    const advice = veryLong(contract());
    const recent: StoredAnswer[] = Array.from({ length: 40 }, (_, i) => ({
      ...answered(advice).answer,
      id: `a${i}`,
      question: long(10_000),
    }));
    const subscriptions: Subscription[] = Array.from({ length: 60 }, (_, i) => ({
      id: `s${i}`,
      channel: { platform: "slack", workspaceId: "T", channelId: `C${i}` },
      profile: { requestsPerMonth: 500_000 },
      answerId: null,
      schedule: { cron: "0 9 * * 1", timezone: "Europe/Berlin" },
      createdBy: "U",
      active: i % 2 === 0,
      createdAt: new Date(),
      updatedAt: new Date(),
    }));
    const view = homeView({ command: "/llm-advise", recent, subscriptions });
    expect(viewProblems({ ...view })).toEqual([]);
  });

  it("the question form: blocks, title, buttons and metadata", () => {
    const view = questionModal({ channelId: "C0GENERAL" });
    // Inputs (labels, hints, placeholders, options), the 24-character title and buttons, the metadata.
    expect(viewProblems({ ...view })).toEqual([]);
    expect(view.blocks.filter((b) => b.type === "input").length).toBeGreaterThan(5);
  });
});

describe("the validator catches what Slack refuses", () => {
  const input = (element: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    ({
      type: "input",
      block_id: "i",
      label: { type: "plain_text", text: "Label" },
      element,
      ...extra,
    }) as unknown as KnownBlock;
  const options = (n: number, label = "x") =>
    Array.from({ length: n }, (_, i) => ({ text: { type: "plain_text", text: label }, value: `v${i}` }));
  const one = (b: KnownBlock) => blockKitProblems([b], "view");

  it("input blocks: label, hint, placeholder, options and element type", () => {
    expect(one(input({ type: "static_select", action_id: "a", options: options(100) }))).toEqual([]);
    expect(one(input({ type: "static_select", action_id: "a", options: options(101) }))).toEqual([
      "block 0 (input): 101 options not in 1..100",
    ]);
    expect(one(input({ type: "checkboxes", action_id: "a", options: options(11) }))).toEqual([
      "block 0 (input): 11 options not in 1..10",
    ]);
    expect(
      one(input({ type: "static_select", action_id: "a", options: options(1, "o".repeat(76)) })),
    ).toEqual(["block 0 (input): option text 76 not in 1..75"]);
    const placeholder = { type: "plain_text", text: "p".repeat(151) };
    expect(one(input({ type: "plain_text_input", action_id: "a", placeholder }))).toEqual([
      "block 0 (input): placeholder 151 not in 1..150",
    ]);
    const long = { type: "plain_text", text: "l".repeat(2001) };
    expect(one(input({ type: "plain_text_input", action_id: "a" }, { label: long, hint: long }))).toEqual([
      "block 0 (input): label 2001 not in 1..2000",
      "block 0 (input): hint 2001 not in 1..2000",
    ]);
    expect(one(input({ type: "button", action_id: "a", text: { type: "plain_text", text: "b" } }))).toEqual([
      "block 0 (input): button cannot be an input's element",
    ]);
  });

  it("buttons need plain_text; headers need text", () => {
    const button = { type: "button", action_id: "a", text: { type: "mrkdwn", text: "*b*" } };
    expect(one({ type: "actions", elements: [button] } as KnownBlock)).toEqual([
      "block 0 (actions): button text must be plain_text",
    ]);
    expect(one({ type: "header", text: { type: "plain_text", text: "" } })).toEqual([
      "block 0 (header): header 0 not in 1..150",
    ]);
  });

  it("modals: title, submit and close of at most 24 characters, and a submit when there are inputs", () => {
    const modal = questionModal({ channelId: null });
    const long = { type: "plain_text", text: "t".repeat(25) };
    expect(viewProblems({ ...modal, title: long, close: long })).toEqual([
      "modal title 25 not in 1..24",
      "modal close 25 not in 1..24",
    ]);
    expect(viewProblems({ ...modal, submit: undefined })).toEqual(["modal with inputs has no submit"]);
  });
});

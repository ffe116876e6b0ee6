import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OllamaPhraser } from "../src/phrasing/ollama-phraser.js";
import { createOpenAiClient, OpenAiPhraser } from "../src/phrasing/openai-phraser.js";
import { releasable, streamPhrasing } from "../src/phrasing/stream.js";
import { templateSummary } from "../src/phrasing/template.js";
import type { PhraseOptions, StreamEvent } from "../src/phrasing/types.js";
import { startOllamaFake } from "./fakes/ollama-server.js";
import { type LlmFake, startOpenAiFake } from "./fakes/openai-server.js";
import { adviceFor, HIPAA_QUESTION } from "./fixtures/advice.js";
import { type FakeTiming, goodText, type TestService, testService } from "./fixtures/phrasing.js";

/** Streaming through the real SDKs: SSE from /v1/chat/completions, NDJSON from /api/chat. */
const hipaa = adviceFor(HIPAA_QUESTION);
const template = templateSummary(hipaa);
const good = goodText(hipaa);

let openaiFake: LlmFake;
let ollamaFake: LlmFake;
beforeEach(async () => {
  openaiFake = await startOpenAiFake({ kind: "text", text: good });
  ollamaFake = await startOllamaFake({ kind: "text", text: good });
});
afterEach(async () => {
  await openaiFake.close();
  await ollamaFake.close();
});

const openai = (t: FakeTiming) =>
  new OpenAiPhraser(
    createOpenAiClient({ apiKey: "sk-x", baseUrl: `${openaiFake.url}/v1`, model: "gpt-4o-mini" }),
    "gpt-4o-mini",
    t.now,
  );
const ollama = (t: FakeTiming) => new OllamaPhraser({ host: ollamaFake.url, model: "llama3.2:3b" }, t.now);

async function collect(t: TestService, opts: PhraseOptions = {}) {
  const events: StreamEvent[] = [];
  for await (const e of streamPhrasing(t.service, hipaa, opts)) events.push(e);
  const deltas = events.flatMap((e) => (e.kind === "delta" ? [e.text] : []));
  const done = events.at(-1);
  if (done?.kind !== "done") throw new Error("the stream did not end with done");
  return { deltas, shown: deltas.join(""), done };
}

describe("releasable", () => {
  it("cuts after a sentence only once the space after its full stop has arrived", () => {
    expect(releasable("It costs $2,858.")).toBe(0);
    expect(releasable("It costs $2,858.53 a month. Next")).toBe("It costs $2,858.53 a month. ".length);
    expect(releasable("One.\nTwo")).toBe("One.\n".length);
  });
});

describe("streaming a phrasing", () => {
  it("streams OpenAI's SSE text sentence by sentence; the deltas are the answer", async () => {
    const t = testService((tm) => [openai(tm)]);
    openaiFake.queue({ kind: "text", text: good, pieces: 12, usage: { input: 400, output: 90 } });
    const { deltas, shown, done } = await collect(t, { question: "q" });
    expect(deltas.length).toBeGreaterThan(1);
    expect(shown).toBe(good);
    expect(done).toMatchObject({
      replace: false,
      result: { text: good, provider: "openai", outcome: "llm" },
    });
    expect(done.result.usage).toEqual({ inputTokens: 400, outputTokens: 90 });
    expect(openaiFake.received[0]?.body).toMatchObject({
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it("streams Ollama's NDJSON text", async () => {
    const t = testService((tm) => [ollama(tm)]);
    ollamaFake.queue({ kind: "text", text: good, pieces: 10, usage: { input: 500, output: 80 } });
    const { shown, done } = await collect(t);
    expect(shown).toBe(good);
    expect(done).toMatchObject({
      replace: false,
      result: { provider: "ollama", outcome: "llm", usage: { inputTokens: 500, outputTokens: 80 } },
    });
    expect(ollamaFake.received[0]?.body).toMatchObject({ stream: true });
  });

  it("never shows a sentence with an invented number, and replaces what was shown with the template", async () => {
    const t = testService((tm) => [openai(tm)]);
    const bad = `${good} And it costs $7,777.00 a month in total. That is all.`;
    openaiFake.queue({ kind: "text", text: bad, pieces: 20 });
    const { shown, done } = await collect(t);
    expect(shown.length).toBeGreaterThan(0);
    expect(good.startsWith(shown.trim())).toBe(true);
    expect(shown).not.toContain("7,777");
    expect(done).toMatchObject({
      replace: true,
      result: { text: template, provider: "template", outcome: "guard-number" },
    });
  });

  it("tries the next provider when the first sentence already fails, since nothing was shown", async () => {
    const t = testService((tm) => [openai(tm), ollama(tm)]);
    openaiFake.queue({ kind: "text", text: "Amazon Bedrock for $3.00 a month. More text follows here." });
    const { shown, done } = await collect(t);
    expect(shown).toBe(good);
    expect(done).toMatchObject({ replace: false, result: { provider: "ollama", outcome: "llm" } });
    expect(done.result.attempts.map((a) => a.outcome)).toEqual(["guard-number", "llm"]);
  });

  it("replaces the text with the template when the verdict is contradicted in the last sentence", async () => {
    const t = testService((tm) => [openai(tm)]);
    openaiFake.queue({ kind: "text", text: `${good} Still, we recommend self-hosting it on your own GPUs.` });
    const { done } = await collect(t);
    expect(done).toMatchObject({ replace: true, result: { text: template, outcome: "guard-verdict" } });
  });

  it("replaces the text with the template when the connection drops mid-stream", async () => {
    const t = testService((tm) => [openai(tm)]);
    openaiFake.queue({ kind: "break", text: good, pieces: 12 });
    openaiFake.fallback = { kind: "error", status: 500 };
    const { shown, done } = await collect(t);
    expect(shown.length).toBeGreaterThan(0);
    expect(good.startsWith(shown)).toBe(true);
    expect(done).toMatchObject({
      replace: true,
      result: { text: template, provider: "template", outcome: "unreachable" },
    });
    // Text was shown, so no retry: it would repeat it.
    expect(openaiFake.received).toHaveLength(1);
  });

  it("replaces the text with the template when Ollama's NDJSON stream breaks off", async () => {
    const t = testService((tm) => [ollama(tm)]);
    ollamaFake.queue({ kind: "break", text: good, pieces: 12 });
    const { shown, done } = await collect(t);
    expect(shown.length).toBeGreaterThan(0);
    expect(done).toMatchObject({ replace: true, result: { text: template, provider: "template" } });
    expect(["unreachable", "bad-response"]).toContain(done.result.outcome);
  });

  it.each([
    ["OpenAI's SSE", "openai"],
    ["Ollama's NDJSON", "ollama"],
  ] as const)(
    "replaces a stream that stalls mid-way past the budget (%s): timeout, breaker told, nothing cached",
    async (_, name) => {
      const make = name === "openai" ? openai : ollama;
      const fake = name === "openai" ? openaiFake : ollamaFake;
      const t = testService((tm) => [make(tm)], {
        budgetMs: 300,
        breaker: { failureThreshold: 1, cooldownMs: 30_000 },
      });
      fake.queue({ kind: "stall", text: good, pieces: 12 });
      const { shown, done } = await collect(t, { question: "q" });
      expect(shown.length).toBeGreaterThan(0);
      expect(good.startsWith(shown)).toBe(true);
      expect(done).toMatchObject({
        replace: true,
        result: { text: template, provider: "template", outcome: "timeout" },
      });
      // One failure opens a breaker whose threshold is 1: the stall was counted against the provider.
      expect(t.service.breakerState(name)).toBe("open");
      // After the cool-down the same question reaches the provider again: the half text was not cached.
      t.timing.advance(30_000);
      const again = await collect(t, { question: "q" });
      expect(again.done.result).toMatchObject({ provider: name, outcome: "llm", text: good });
      expect(fake.received).toHaveLength(2);
    },
  );

  it.each([
    ["OpenAI", "openai"],
    ["Ollama", "ollama"],
  ] as const)("replaces a stream %s cut off at the token limit with the template", async (_, name) => {
    const t = testService((tm) => [name === "openai" ? openai(tm) : ollama(tm)]);
    (name === "openai" ? openaiFake : ollamaFake).queue({ kind: "cut", text: good, pieces: 12 });
    const { shown, done } = await collect(t);
    expect(shown.length).toBeGreaterThan(0);
    expect(done).toMatchObject({
      replace: true,
      result: { text: template, provider: "template", outcome: "bad-response" },
    });
  });

  it("retries a 429 before the first piece, honouring Retry-After", async () => {
    const t = testService((tm) => [openai(tm)]);
    openaiFake.queue({ kind: "error", status: 429, headers: { "retry-after-ms": "700" } });
    const { shown, done } = await collect(t);
    expect(shown).toBe(good);
    expect(t.timing.sleeps).toEqual([700]);
    expect(done.result.attempts).toEqual([
      { provider: "openai", model: "gpt-4o-mini", outcome: "llm", requests: 2 },
    ]);
  });

  it("streams the template as one piece when the server hangs past the budget", async () => {
    const t = testService((tm) => [ollama(tm)], { budgetMs: 300 });
    ollamaFake.queue({ kind: "hang" });
    const { deltas, done } = await collect(t);
    expect(deltas).toEqual([template]);
    expect(done).toMatchObject({ replace: false, result: { outcome: "timeout" } });
  });

  it("serves a cached phrasing as one piece", async () => {
    const t = testService((tm) => [openai(tm)]);
    await collect(t, { question: "q" });
    const { deltas, done } = await collect(t, { question: "q" });
    expect(deltas).toEqual([good]);
    expect(done.result.outcome).toBe("cache");
    expect(openaiFake.received).toHaveLength(1);
  });

  it("frees the provider when the surface stops reading early", async () => {
    const t = testService((tm) => [openai(tm)]);
    openaiFake.queue({ kind: "text", text: good, pieces: 12 });
    for await (const e of streamPhrasing(t.service, hipaa, {})) if (e.kind === "delta") break;
    expect(t.service.breakerState("openai")).toBe("closed");
  });
});

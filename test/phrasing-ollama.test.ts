import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { OllamaPhraser } from "../src/phrasing/ollama-phraser.js";
import { createOpenAiClient, OpenAiPhraser } from "../src/phrasing/openai-phraser.js";
import { templateSummary } from "../src/phrasing/template.js";
import { startOllamaFake } from "./fakes/ollama-server.js";
import { type LlmFake, startOpenAiFake } from "./fakes/openai-server.js";
import { adviceFor, HIPAA_QUESTION } from "./fixtures/advice.js";
import { counter, type FakeTiming, goodText, testService } from "./fixtures/phrasing.js";

/** The real `ollama` SDK against a loopback /api/chat. */
const hipaa = adviceFor(HIPAA_QUESTION);
const template = templateSummary(hipaa);

let fake: LlmFake;
beforeEach(async () => {
  fake = await startOllamaFake({ kind: "text", text: goodText(hipaa) });
});
afterEach(async () => {
  await fake.close();
});

const ollama = (t: FakeTiming) => new OllamaPhraser({ host: fake.url, model: "llama3.2:3b" }, t.now);
const setup = (options: Parameters<typeof testService>[1] = {}) => testService((t) => [ollama(t)], options);

describe("phrasing with Ollama", () => {
  it("uses the model's text and its prompt_eval_count / eval_count as tokens", async () => {
    const { service, metrics } = setup();
    fake.queue({ kind: "text", text: goodText(hipaa), usage: { input: 530, output: 88 } });
    const r = await service.phrase(hipaa, { question: HIPAA_QUESTION });
    expect(r).toMatchObject({
      text: goodText(hipaa),
      provider: "ollama",
      model: "llama3.2:3b",
      outcome: "llm",
    });
    expect(r.usage).toEqual({ inputTokens: 530, outputTokens: 88 });
    expect(
      await counter(metrics, "llm_advisor_llm_tokens_total", {
        provider: "ollama",
        model: "llama3.2:3b",
        direction: "output",
      }),
    ).toBe(88);
    const body = fake.received[0]?.body;
    expect(fake.received[0]?.path).toBe("/api/chat");
    expect(body).toMatchObject({ model: "llama3.2:3b", stream: false, options: { num_predict: 300 } });
  });

  it("uses the template when the model invents a number", async () => {
    const { service } = setup();
    fake.queue({ kind: "text", text: "Amazon Bedrock: $42.00 a month." });
    expect(await service.phrase(hipaa)).toMatchObject({ text: template, outcome: "guard-number" });
  });

  it("uses the template when the model recommends another verdict", async () => {
    const { service } = setup();
    fake.queue({ kind: "text", text: "You should run it on-premises on your own hardware." });
    expect(await service.phrase(hipaa)).toMatchObject({ text: template, outcome: "guard-verdict" });
  });

  it("does not retry a 401 (a proxy in front of Ollama refusing the caller)", async () => {
    const { service } = setup();
    fake.queue({ kind: "error", status: 401, message: "unauthorized" });
    expect(await service.phrase(hipaa)).toMatchObject({ text: template, outcome: "http-401" });
    expect(fake.received).toHaveLength(1);
  });

  it("refuses an answer cut off at num_predict (done_reason length)", async () => {
    const { service } = setup();
    fake.queue({ kind: "cut", text: goodText(hipaa) });
    expect(await service.phrase(hipaa)).toMatchObject({ text: template, outcome: "bad-response" });
  });

  it("honours Retry-After on a 429", async () => {
    const { service, timing } = setup();
    fake.queue({ kind: "error", status: 429, message: "too many requests", headers: { "retry-after": "1" } });
    expect((await service.phrase(hipaa)).outcome).toBe("llm");
    expect(timing.sleeps).toEqual([1000]);
    expect(fake.received).toHaveLength(2);
  });

  it("retries a 500, then falls back to the template", async () => {
    const { service } = setup();
    fake.fallback = { kind: "error", status: 500, message: "llama runner process has terminated" };
    expect(await service.phrase(hipaa)).toMatchObject({ text: template, outcome: "http-5xx" });
    expect(fake.received).toHaveLength(3);
  });

  it("does not retry a 404 (model not pulled)", async () => {
    const { service } = setup();
    fake.queue({
      kind: "error",
      status: 404,
      message: 'model "llama3.2:3b" not found, try pulling it first',
    });
    expect(await service.phrase(hipaa)).toMatchObject({ text: template, outcome: "http-404" });
    expect(fake.received).toHaveLength(1);
  });

  it("reads a proxy's HTML error page as the HTTP error it is, printing nothing", async () => {
    const { service } = setup();
    const log = vi.spyOn(console, "log");
    fake.fallback = { kind: "error", status: 502, headers: { "content-type": "text/html" } };
    expect(await service.phrase(hipaa)).toMatchObject({ text: template, outcome: "http-5xx" });
    expect(log).not.toHaveBeenCalled();
    log.mockRestore();
  });

  it("answers with the template when the server hangs past the budget", async () => {
    const { service } = setup({ budgetMs: 300 });
    fake.queue({ kind: "hang" });
    expect(await service.phrase(hipaa)).toMatchObject({ text: template, outcome: "timeout" });
  });

  it("opens and closes the circuit", async () => {
    const { service, timing } = setup({ retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 } });
    fake.fallback = { kind: "error", status: 500 };
    for (let i = 0; i < 3; i++) await service.phrase(hipaa, { question: `q${i}` });
    expect(service.breakerState("ollama")).toBe("open");
    expect((await service.phrase(hipaa, { question: "q3" })).outcome).toBe("circuit-open");
    expect(fake.received).toHaveLength(3);
    timing.advance(30_000);
    fake.fallback = { kind: "text", text: goodText(hipaa) };
    expect((await service.phrase(hipaa, { question: "q4" })).outcome).toBe("llm");
    expect(service.breakerState("ollama")).toBe("closed");
  });
});

describe("the fallback order", () => {
  it("goes from OpenAI to Ollama when OpenAI fails, and says so in the attempts", async () => {
    const openaiFake = await startOpenAiFake({ kind: "error", status: 401 });
    try {
      const { service } = testService((t) => [
        new OpenAiPhraser(
          createOpenAiClient({ apiKey: "sk-x", baseUrl: `${openaiFake.url}/v1`, model: "gpt-4o-mini" }),
          "gpt-4o-mini",
          t.now,
        ),
        ollama(t),
      ]);
      const r = await service.phrase(hipaa);
      expect(r).toMatchObject({ provider: "ollama", outcome: "llm", text: goodText(hipaa) });
      expect(r.attempts.map((a) => [a.provider, a.outcome])).toEqual([
        ["openai", "http-401"],
        ["ollama", "llm"],
      ]);
    } finally {
      await openaiFake.close();
    }
  });

  it("answers with the template, outcome no-provider, when none is configured", async () => {
    const { service, metrics } = testService(() => []);
    expect(await service.phrase(hipaa)).toMatchObject({
      text: template,
      provider: "template",
      outcome: "no-provider",
    });
    expect(
      await counter(metrics, "llm_advisor_phraser_outcomes_total", {
        provider: "template",
        outcome: "no-provider",
      }),
    ).toBe(1);
  });

  it("answers with the template when no key is set and no Ollama is reachable", async () => {
    await fake.close();
    const { service } = setup();
    expect(await service.phrase(hipaa)).toMatchObject({ text: template, outcome: "unreachable" });
    fake = await startOllamaFake();
  });
});

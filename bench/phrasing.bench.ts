import { countTokens } from "gpt-tokenizer/model/gpt-4o-mini";
import type { Advice } from "../src/domain/advice.js";
import { advise } from "../src/domain/advise.js";
import { apiMonthlyCost } from "../src/domain/calc/api-cost.js";
import { buildCatalog } from "../src/domain/catalog/catalog.js";
import type { Dec } from "../src/domain/money.js";
import { silentLogger } from "../src/logging.js";
import { createMetrics } from "../src/metrics.js";
import {
  EXTRACTION_JSON_SCHEMA,
  ExtractedProfileSchema,
  extractionCall,
} from "../src/phrasing/extraction.js";
import { adviceFacts } from "../src/phrasing/facts.js";
import { createGuard } from "../src/phrasing/guard.js";
import { createOpenAiClient, OpenAiPhraser } from "../src/phrasing/openai-phraser.js";
import { buildPrompt } from "../src/phrasing/prompt.js";
import { PhrasingService } from "../src/phrasing/service.js";
import { templateSummary } from "../src/phrasing/template.js";
import type { Prompt } from "../src/phrasing/types.js";
import { understand } from "../src/understanding/understand.js";
import { startOpenAiFake } from "../test/fakes/openai-server.js";
import { goodText } from "../test/fixtures/phrasing.js";
import { QUESTIONS } from "./advise.bench.js";
import { measure, type Row } from "./report.js";

/**
 * Tokens as gpt-4o-mini counts them: o200k_base on each message's text, plus OpenAI's chat framing
 * of 3 tokens a message and 3 priming the reply (openai-cookbook, "How to count tokens with tiktoken").
 */
const chatTokens = (p: Prompt): number => countTokens(p.system) + countTokens(p.user) + 2 * 3 + 3;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};
const usd = (d: Dec) => `$${d.toSignificantDigits(3).toString()}`;

export async function bench(): Promise<Row[]> {
  const catalog = buildCatalog({ pricesAt: new Date("2026-11-21T12:00:00Z") });
  const advices: Array<{ q: string; a: Advice }> = QUESTIONS.map((q) => {
    const u = understand(q, catalog);
    if (u.kind !== "advice") throw new Error(`bench question not understood as advice: ${q}`);
    const r = advise(u.profile, catalog, { today: "2026-11-21" });
    if (!r.ok) throw new Error("bench profile rejected");
    return { q, a: r.value };
  });
  const price = catalog.hostedPrice("gpt-4o-mini");
  if (!price.ok) throw new Error("gpt-4o-mini has no price in the catalog");
  const perCall = (input: number, output: number) =>
    apiMonthlyCost(price.value, {
      requestsPerMonth: 1,
      inputTokensPerRequest: input,
      cachedInputTokensPerRequest: 0,
      outputTokensPerRequest: output,
    }).monthlyCostUsd;
  const prices = `gpt-4o-mini at $${price.value.inputPerMTokUsd}/$${price.value.outputPerMTokUsd} per 1M in/out (catalog, ${price.value.asOf})`;

  // One phrasing, over the ten questions: the prompt in, a template-length summary out.
  const prompts: Prompt[] = advices.map(({ q, a }) => buildPrompt(adviceFacts(a), q));
  const phraseIn = Math.round(median(prompts.map(chatTokens)));
  const phraseOut = Math.round(median(advices.map(({ a }) => countTokens(templateSummary(a)))));
  const phraseCost = perCall(phraseIn, phraseOut);
  // One extraction: the instruction, the question, and the JSON schema (counted as its JSON text;
  // OpenAI does not document how it frames a response_format schema). Out: an answer of 17 fields.
  const schemaTokens = countTokens(JSON.stringify(EXTRACTION_JSON_SCHEMA));
  const extractIn = Math.round(
    median(QUESTIONS.map((q) => chatTokens(extractionCall(q).prompt) + schemaTokens)),
  );
  const answer = Object.fromEntries(Object.keys(ExtractedProfileSchema.shape).map((k) => [k, null]));
  const extractOut = countTokens(JSON.stringify({ ...answer, quality: "domain-precision", team: "ml-team" }));
  const extractCost = perCall(extractIn, extractOut);
  const sizes = [
    `phrasing ${phraseIn} in + ${phraseOut} out tokens = ${usd(phraseCost)}`,
    `extraction ${extractIn} in (schema ${JSON.stringify(EXTRACTION_JSON_SCHEMA).length} chars = ${schemaTokens} tokens) + ${extractOut} out = ${usd(extractCost)}`,
    `answer with both ${usd(phraseCost.plus(extractCost))}`,
  ].join("; ");

  const tokenRows = await measure(
    `tokens per answer, median of ${QUESTIONS.length} questions (${sizes}; ${prices})`,
    [
      ["baseline: JSON.stringify(the Advice)", () => JSON.stringify(advices[1]?.a)],
      ["count a phrasing prompt's tokens (o200k_base)", () => chatTokens(prompts[1] as Prompt)],
      ["build + count an extraction prompt", () => chatTokens(extractionCall(QUESTIONS[1] ?? "").prompt)],
    ],
  );

  const hipaa = advices[1]?.a as Advice;
  const llmText = goodText(hipaa);
  const guard = createGuard(hipaa);
  const local = await measure("phrasing and its guard, one Advice (HIPAA)", [
    ["baseline: JSON.stringify(the Advice)", () => JSON.stringify(hipaa)],
    ["templateSummary(advice)", () => templateSummary(hipaa)],
    ["buildPrompt(adviceFacts(advice), question)", () => buildPrompt(adviceFacts(hipaa), QUESTIONS[1])],
    // A fresh copy each time, as each answer brings its own Advice: the guard walks it once per answer.
    [
      "guard: collect the Advice's figures + check an LLM text",
      () => createGuard({ ...hipaa }).check(llmText),
    ],
    ["guard: check an LLM text (figures collected)", () => guard.check(llmText)],
  ]);

  // End to end through the real SDK and a loopback server: the guard's share of one LLM phrasing.
  const fake = await startOpenAiFake({ kind: "text", text: llmText });
  try {
    const phraser = new OpenAiPhraser(
      createOpenAiClient({ apiKey: "sk-bench", baseUrl: `${fake.url}/v1`, model: "gpt-4o-mini" }),
      "gpt-4o-mini",
    );
    const service = new PhrasingService(
      {
        providers: [phraser],
        budgetMs: 6000,
        cacheSize: 0,
        breaker: { failureThreshold: 3, cooldownMs: 30_000 },
      },
      { logger: silentLogger(), metrics: createMetrics(false) },
    );
    const prompt = buildPrompt(adviceFacts(hipaa), QUESTIONS[1]);
    const remote = await measure(
      "phrasing via openai SDK + loopback (cache off)",
      [
        [
          "baseline: phraser.phrase() alone (SDK + HTTP, no guard)",
          () => phraser.phrase({ advice: hipaa, prompt }, new AbortController().signal),
        ],
        [
          "service.phrase(): prompt + SDK + HTTP + guard",
          () => service.phrase(hipaa, { question: QUESTIONS[1] }),
        ],
      ],
      1500,
    );
    return [...tokenRows, ...local, ...remote];
  } finally {
    await fake.close();
  }
}

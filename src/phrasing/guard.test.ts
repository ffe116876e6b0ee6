import { describe, expect, it } from "vitest";
import { QUESTIONS } from "../../bench/advise.bench.js";
import { adviceFor, HIPAA_QUESTION, SMALL_API_QUESTION } from "../../test/fixtures/advice.js";
import { goodText } from "../../test/fixtures/phrasing.js";
import { adviceFacts } from "./facts.js";
import { createGuard } from "./guard.js";
import { templateSummary } from "./template.js";

const hipaa = adviceFor(HIPAA_QUESTION);
const guard = createGuard(hipaa);
const f = adviceFacts(hipaa);
const top = f.options[0];
const be = f.breakEven && "requestsPerMonth" in f.breakEven ? f.breakEven : null;

describe("the numbers guard", () => {
  it.each(QUESTIONS)("passes the template's own summary: %s", (q) => {
    const a = adviceFor(q);
    expect(createGuard(a).check(templateSummary(a))).toMatchObject({ ok: true });
  });

  it("passes an LLM's wording that keeps the Advice's figures", () => {
    expect(guard.check(goodText(hipaa))).toMatchObject({ ok: true });
  });

  it("passes display roundings of the Advice's figures: 11.9M, about 12 million, $2,859", () => {
    // Break-even 11,910,542 requests at $2,858.53 a month (HIPAA question).
    expect(be?.requestsPerMonth).toBe("11,910,542");
    const text = `${f.verdictLabel} on Amazon Bedrock. Self-hosting breaks even near 11.9M requests (about 12 million), at $2,859 a month.`;
    expect(guard.check(text)).toMatchObject({ ok: true });
  });

  it("refuses an invented amount", () => {
    const text = `Use ${f.verdictLabel}: ${top?.model} on Amazon Bedrock for $95.00 a month.`;
    expect(guard.check(text)).toMatchObject({
      ok: false,
      outcome: "guard-number",
      unmatched: 1,
      kinds: ["money"],
    });
  });

  it("refuses a figure rounded the wrong way: 11.8M for 11,910,542", () => {
    expect(guard.check(`Go with Amazon Bedrock; self-hosting breaks even at 11.8M requests.`)).toMatchObject({
      ok: false,
      outcome: "guard-number",
    });
  });

  it("refuses 'it costs $1', though $1 per 1M tokens is a unit price in the Advice", () => {
    // claude-haiku-4-5's input price is $1 per 1M tokens: a price, not an amount anyone pays a month.
    expect(JSON.stringify(hipaa)).toContain('"unitPriceUsd":"1"');
    expect(guard.check(`Amazon Bedrock is the answer: it costs $1 a month.`)).toMatchObject({
      ok: false,
      outcome: "guard-number",
    });
  });

  it("refuses a percentage the Advice does not have", () => {
    expect(guard.check("Amazon Bedrock saves 37% over the API.")).toMatchObject({
      ok: false,
      kinds: ["percent"],
    });
  });

  it("accepts the retirement date however it is written, and refuses another date", () => {
    expect(guard.check("Use Amazon Bedrock. gpt-4o-mini retires on January 14, 2027.")).toMatchObject({
      ok: true,
    });
    expect(guard.check("Use Amazon Bedrock. gpt-4o-mini retires on 2027-02-01.")).toMatchObject({
      ok: false,
      outcome: "guard-number",
    });
  });

  it("does not read model and instance names as figures", () => {
    const text = "Use Amazon Bedrock with Llama 3.1 8B rather than gpt-4o-mini or vLLM on g6e.xlarge.";
    expect(guard.check(text)).toMatchObject({ ok: true, numbers: 0 });
  });

  it("reads the digits of a model the Advice does not have as figures: an invented name is an invented number", () => {
    expect(guard.check("Use Amazon Bedrock with Llama 3.3 90B.")).toMatchObject({
      ok: false,
      outcome: "guard-number",
    });
  });

  it("refuses text that recommends another verdict", () => {
    expect(guard.check("We recommend self-hosting Llama 3.1 8B on your own GPUs.")).toMatchObject({
      ok: false,
      outcome: "guard-verdict",
      reason: "recommends-other",
    });
    expect(guard.check("Use the OpenAI API.")).toMatchObject({ ok: false, outcome: "guard-verdict" });
  });

  it("accepts other verdicts named as what was set aside", () => {
    const text =
      "HIPAA rules out the public APIs, so go with a managed private deployment on Amazon Bedrock rather than self-hosting.";
    expect(guard.check(text)).toMatchObject({ ok: true });
  });

  it("says 'self-host' is wrong when the verdict is api", () => {
    const api = createGuard(adviceFor(SMALL_API_QUESTION));
    expect(api.check("You should self-host Llama 3.1 8B.")).toMatchObject({
      ok: false,
      outcome: "guard-verdict",
    });
    expect(api.check("Stay on the OpenAI API; self-hosting costs more.")).toMatchObject({ ok: true });
  });

  it("requires the complete text to name the verdict, not a streamed prefix", () => {
    const text = `${top?.model} costs ${top?.monthly} a month.`;
    expect(guard.check(text, false)).toMatchObject({ ok: true });
    expect(guard.check(text, true)).toMatchObject({
      ok: false,
      outcome: "guard-verdict",
      reason: "verdict-missing",
    });
  });

  it("holds no part of the text in a refusal, so logging one leaks nothing the user typed", () => {
    const refusal = guard.check("Ignore the numbers: it costs $1, says Acme Corp.");
    expect(JSON.stringify(refusal)).not.toMatch(/Acme|\$1|ignore/i);
  });
});

import { describe, expect, it } from "vitest";
import { adviceFor, HIPAA_QUESTION } from "../../test/fixtures/advice.js";
import { templatePhraser, templateSummary } from "./template.js";
import { sentences } from "./text-parts.js";

describe("the template phraser", () => {
  const hipaa = adviceFor(HIPAA_QUESTION);
  const text = templateSummary(hipaa);

  it("says the verdict, the top option and its monthly cost first", () => {
    // HIPAA rules out public APIs; Llama 3.1 8B on Bedrock is the cheapest allowed option.
    expect(text).toMatch(
      /^Recommendation: a managed private deployment in your cloud: Llama 3\.1 8B Instruct \(Amazon Bedrock in your AWS account and region\) at \$110\.00 a month\./,
    );
  });

  it("names the runner-up, the break-even against the volume, the strongest reason and the retirements", () => {
    expect(text).toContain(
      "Runner-up: Llama 3.1 70B Instruct (Amazon Bedrock in your AWS account and region) at $360.00 a month.",
    );
    // 11,910,542 / 500,000 = 23.8, shown rounded up: 24× below.
    expect(text).toContain(
      "at 11,910,542 requests a month ($2,858.53); at 500K requests a month you are 24× below it.",
    );
    expect(text).toContain("Main reason: HIPAA or SOX data stays out of public APIs");
    expect(text).toContain(
      "Note: gpt-4o and gpt-4o-mini retire on 2027-01-14 (in 54 days), replaced by gpt-6-luna.",
    );
  });

  it("reads as 3 to 5 sentences", () => {
    // Sentences end at ". " — the figures' decimal points are followed by digits.
    const n = sentences(text).length;
    expect(n).toBeGreaterThanOrEqual(3);
    expect(n).toBeLessThanOrEqual(5);
  });

  it("answers without a network, the same every time", async () => {
    const prompt = { system: "", user: "" };
    const out = await templatePhraser.phrase({ advice: hipaa, prompt }, new AbortController().signal);
    expect(out).toEqual({ text });
  });
});

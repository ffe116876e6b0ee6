import { describe, expect, it } from "vitest";
import { adviceFor, HIPAA_QUESTION } from "../../test/fixtures/advice.js";
import { dec } from "../domain/money.js";
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
    // 11,910,542 / 500,000 = 23.8, shown rounded: 24× below.
    expect(text).toContain(
      "at 11,910,542 requests a month ($2,858.53); at 500K requests a month you are 24× below it.",
    );
    expect(text).toContain("Main reason: HIPAA or SOX data stays out of public APIs");
    expect(text).toContain(
      "Note: gpt-4o and gpt-4o-mini retire on 2027-01-14 (in 54 days), replaced by gpt-6-luna.",
    );
  });

  it("gives both bills at the break-even when they differ by a cent or more, instead of 'the same'", () => {
    const be = hipaa.breakEven;
    if (!be) throw new Error("the HIPAA answer has a break-even");
    // One request can cost more than a cent, so at the whole volume the two bills can differ.
    const differ = {
      ...hipaa,
      breakEven: {
        ...be,
        costsAgreeWithinCent: false,
        apiMonthlyCostUsd: dec("2858.55"),
        selfHostedMonthlyCostUsd: dec("2858.53"),
      },
    };
    const t = templateSummary(differ);
    expect(t).toContain(
      "becomes cheaper than gpt-4o-mini at 11,910,542 requests a month ($2,858.53 against $2,858.55)",
    );
    expect(t).not.toContain("costs the same");
  });

  it("does not say how far below the break-even a question without volume is", () => {
    const be = hipaa.breakEven;
    if (!be) throw new Error("the HIPAA answer has a break-even");
    const none = { ...hipaa, breakEven: { ...be, currentRequestsPerMonth: 0, note: "no volume was given" } };
    const t = templateSummary(none);
    expect(t).toContain("no volume was given, so how far you are from it is not said");
    expect(t).not.toMatch(/× below/);
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

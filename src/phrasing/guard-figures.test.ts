import { describe, expect, it } from "vitest";
import { adviceFor, HIPAA_QUESTION } from "../../test/fixtures/advice.js";
import { adviceFacts } from "./facts.js";
import { createGuard } from "./guard.js";

/**
 * The HIPAA Advice's facts, as sent to the LLM: top option Llama 3.1 8B Instruct on Amazon Bedrock at
 * $110.00 a month (500,000 × 1,000 tokens = 500M × $0.22/M), runner-up Llama 3.1 70B Instruct at
 * $360.00, third Claude Haiku 4.5 at $990.00; break-even 11,910,542 requests a month at $2,858.53,
 * 24× the 500K volume; gpt-4o and gpt-4o-mini retire on 2027-01-14, in 54 days; horizon 24 months.
 */
const hipaa = adviceFor(HIPAA_QUESTION);
const guard = createGuard(hipaa);

describe("the numbers guard checks each figure against the facts sent, by kind", () => {
  it("starts from the facts this file's comments assume", () => {
    const f = adviceFacts(hipaa);
    expect(f.options.map((o) => [o.model, o.monthly])).toEqual([
      ["Llama 3.1 8B Instruct", "$110.00"],
      ["Llama 3.1 70B Instruct", "$360.00"],
      ["Claude Haiku 4.5", "$990.00"],
    ]);
    expect(f.breakEven).toMatchObject({ requestsPerMonth: "11,910,542", monthlyCost: "$2,858.53" });
    expect(f.retirements[0]).toMatchObject({ retiresOn: "2027-01-14", inDays: 54 });
    expect(f.horizonMonths).toBe(24);
  });

  it.each([
    // Amounts found only deeper in the Advice (line items, excluded options), never sent to the LLM.
    ["Go with Amazon Bedrock: it costs $1,000 a month.", "money"],
    ["Amazon Bedrock, at $100 a month.", "money"],
    ["Amazon Bedrock saves you $8,000 over the horizon.", "money"],
    // The runner-up's bill said of the top option.
    ["Llama 3.1 8B Instruct on Amazon Bedrock costs $360.00 a month.", "money"],
    ["Go with Amazon Bedrock: $990.00 a month for Llama 3.1 8B Instruct.", "money"],
    // A unit price of $1 (per 1M tokens) exists in the Advice; the facts hold no price per hour.
    ["Amazon Bedrock: it costs $1 an hour.", "unit-price"],
    // The only ratio is 24×.
    ["Amazon Bedrock is 10x cheaper than self-hosting.", "ratio"],
    // The retirement is 54 days away; the horizon is 24 months, 2 years.
    ["Use Amazon Bedrock; gpt-4o-mini retires in 90 days.", "duration"],
    ["Use Amazon Bedrock over the next 3 years.", "duration"],
    ["Amazon Bedrock costs $100-$120 a month.", "money"],
    ["Amazon Bedrock saves -$50 a month.", "money"],
    // Number words: $200, $1,100, 600,000, $70, 30%, 10×, 50%, 12× are none of the facts'.
    ["Amazon Bedrock costs two hundred dollars a month.", "money"],
    ["Amazon Bedrock costs eleven hundred dollars a month.", "money"],
    ["Amazon Bedrock handles six hundred thousand requests a month.", "plain"],
    ["Amazon Bedrock costs seventy dollars a month.", "money"],
    ["Amazon Bedrock is thirty percent cheaper.", "percent"],
    ["Amazon Bedrock is ten times cheaper.", "ratio"],
    ["Amazon Bedrock cuts the bill by half.", "percent"],
    ["Amazon Bedrock is a dozen times cheaper.", "ratio"],
    ["Amazon Bedrock costs seventy-eleven dollars a month.", "unreadable"],
    // Dates: 1 March or 3 January; a quarter that is not 2027's first; a year opening a line.
    ["Use Amazon Bedrock; gpt-4o-mini retires on 3/1/2027.", "date"],
    ["Use Amazon Bedrock; gpt-4o-mini retires in Q3 2027.", "date"],
    ["Use Amazon Bedrock.\n2031. That is when it retires.", "plain"],
    // Figures that cannot be read for sure, and a currency the engine never uses.
    ["Amazon Bedrock costs $95a month.", "unreadable"],
    ["Amazon Bedrock costs $1e3 a month.", "unreadable"],
    ["Amazon Bedrock costs €110.00 a month.", "unreadable"],
  ])("refuses %j (%s)", (text, kind) => {
    expect(guard.check(text)).toMatchObject({ ok: false, outcome: "guard-number", kinds: [kind] });
  });

  it.each([
    "Go with Amazon Bedrock: Llama 3.1 8B Instruct at $110.00 a month, a hundred and ten dollars.",
    "Amazon Bedrock; self-hosting breaks even near 11.9M requests (about 12 million), at $2,859 a month.",
    "Use Amazon Bedrock. gpt-4o-mini retires on Jan 14, in 54 days: January 14, 2027, in Q1 2027.",
    "Use Amazon Bedrock; gpt-4o-mini retires on 1/14/2027.",
    "Amazon Bedrock. You are 24 times below the break-even, at five hundred thousand requests a month.",
    "Use Amazon Bedrock over the 24-month horizon, two years.",
    "We recommend Llama 3.1 8B Instruct on Amazon Bedrock at $110.00 a month; Llama 3.1 70B Instruct costs $360.00.",
    "Amazon Bedrock is the answer: $110.00 a month for Llama 3.1 8B Instruct, while Claude Haiku 4.5 costs $990.00.",
    "Self-hosting Mistral 7B costs the same as gpt-4o-mini at 11,910,542 requests a month ($2,858.53); use Amazon Bedrock.",
    "On Amazon Bedrock, Llama 3.1 8B Instruct costs $110.00 a month versus $360.00 for Llama 3.1 70B Instruct.",
  ])("accepts %j", (text) => {
    expect(guard.check(text)).toMatchObject({ ok: true });
  });
});

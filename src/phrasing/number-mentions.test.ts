import { describe, expect, it } from "vitest";
import { isRoundingOf, numberMentions } from "./number-mentions.js";

const read = (text: string) => numberMentions(text).map(({ kind, value, step }) => ({ kind, value, step }));

describe("numberMentions", () => {
  it.each([
    ["$1,234.56 a month", { kind: "money", value: 1234.56, step: 0.01 }],
    ["1.5M requests", { kind: "plain", value: 1_500_000, step: 100_000 }],
    ["500K requests", { kind: "plain", value: 500_000, step: 1000 }],
    ["500k requests", { kind: "plain", value: 500_000, step: 1000 }],
    ["12% of revenue", { kind: "percent", value: 12, step: 1 }],
    ["12.5 percent", { kind: "percent", value: 12.5, step: 0.1 }],
    ["48,717,949 requests", { kind: "plain", value: 48_717_949, step: 1 }],
    ["800 tokens", { kind: "plain", value: 800, step: 1 }],
    ["3× cheaper", { kind: "ratio", value: 3, step: 1 }],
    ["24x below", { kind: "ratio", value: 24, step: 1 }],
    ["1.2 million requests", { kind: "plain", value: 1_200_000, step: 100_000 }],
    ["two million requests", { kind: "plain", value: 2_000_000, step: 1_000_000 }],
    ["USD 2,858.53", { kind: "money", value: 2858.53, step: 0.01 }],
    ["120 dollars", { kind: "money", value: 120, step: 10 }],
    ["$0.000195 a message", { kind: "unit-price", value: 0.000195, step: 0.000001 }],
    ["$1.4084 an hour", { kind: "unit-price", value: 1.4084, step: 0.0001 }],
    ["$2,087.50/month", { kind: "money", value: 2087.5, step: 0.01 }],
    ["24GB of memory", { kind: "plain", value: 24, step: 1 }],
  ])("reads %s", (text, expected) => {
    expect(read(text)).toEqual([expected]);
  });

  it("reads money per unit as a price, not an amount: $0.15 per 1M tokens", () => {
    expect(read("$0.15 per 1M tokens")[0]).toEqual({ kind: "unit-price", value: 0.15, step: 0.01 });
  });

  it("reads 12,000,000 as shown to the million, and 3,000 as shown to the unit", () => {
    // Two significant digits and six zeros: rounded to the million. One digit: it may be exact.
    expect(read("12,000,000")[0]?.step).toBe(1_000_000);
    expect(read("3,000")[0]?.step).toBe(1);
  });

  it("reads both ends of a range, the scale applying to both", () => {
    expect(read("10-41 million messages").map((m) => m.value)).toEqual([10_000_000, 41_000_000]);
    expect(read("$2,000.00-$8,000.00").map((m) => m.value)).toEqual([2000, 8000]);
  });

  it("skips names that contain digits: models, instances, GPUs, versions", () => {
    expect(
      read("gpt-4o-mini on g6.xlarge with an A100, L40S, fp16, v0.2, p5.48xlarge and llama3.2:3b"),
    ).toEqual([]);
  });

  it("reads a model's size in a name as a figure, as the Advice's own strings read it", () => {
    expect(read("Llama 3.1 8B Instruct").map((m) => m.value)).toEqual([3.1, 8e9]);
  });

  it("skips ordinals and list markers: they are positions, not quantities", () => {
    expect(read("the 1st and 2nd options")).toEqual([]);
    expect(read("1. first\n2) second")).toEqual([]);
  });

  it("reads dates written as ISO, as month day year, and as month year", () => {
    const dates = numberMentions("on 2027-01-14, January 14, 2027, 14 January 2027 or Jan 2027").map(
      (m) => m.dates,
    );
    expect(dates).toEqual([["2027-01-14"], ["2027-01-14"], ["2027-01-14"], ["2027-01"]]);
  });

  it("reads numeric dates both ways when both are dates, a quarter, and a day without its year", () => {
    const dates = (t: string) => numberMentions(t).map((m) => m.dates);
    // 3/1 is 1 March (month first) or 3 January (day first); 1/14 can only be 14 January.
    expect(dates("by 3/1/2027")).toEqual([["2027-03-01", "2027-01-03"]]);
    expect(dates("on 1/14/2027")).toEqual([["2027-01-14"]]);
    expect(dates("in Q3 2027")).toEqual([["2027-Q3"]]);
    expect(dates("retires on Jan 14")).toEqual([["--01-14"]]);
    expect(dates("on 14 January")).toEqual([["--01-14"]]);
    // Lower-case "may" is a verb.
    expect(numberMentions("you may 2 times")).toMatchObject([{ kind: "ratio", value: 2 }]);
  });

  it("reads a year opening a line as a figure, and only one or two digits as a list marker", () => {
    expect(read("Summary:\n2027. The year it retires.")).toEqual([{ kind: "plain", value: 2027, step: 1 }]);
  });

  it("reads a number after a slash", () => {
    expect(read("1/3 of traffic").map((m) => m.value)).toEqual([1, 3]);
    expect(read("$0.15/1M tokens")[0]).toEqual({ kind: "unit-price", value: 0.15, step: 0.01 });
  });

  it.each([
    ["54 days", { kind: "duration", value: 54, step: 1, unit: "day" }],
    ["a 2-year horizon", { kind: "duration", value: 2, step: 1, unit: "year" }],
    ["over 24 months", { kind: "duration", value: 24, step: 1, unit: "month" }],
    ["three years", { kind: "duration", value: 3, step: 1, unit: "year" }],
  ])("reads a duration: %s", (text, expected) => {
    expect(numberMentions(text).map(({ kind, value, step, unit }) => ({ kind, value, step, unit }))).toEqual([
      expected,
    ]);
  });

  it.each([
    ["two hundred dollars", { kind: "money", value: 200, step: 100 }],
    ["eleven hundred dollars", { kind: "money", value: 1100, step: 100 }],
    ["a hundred and ten dollars", { kind: "money", value: 110, step: 1 }],
    ["six hundred thousand requests", { kind: "plain", value: 600_000, step: 100_000 }],
    ["seventy dollars", { kind: "money", value: 70, step: 10 }],
    ["thirty percent", { kind: "percent", value: 30, step: 10 }],
    ["ten times cheaper", { kind: "ratio", value: 10, step: 1 }],
    ["a dozen times", { kind: "ratio", value: 12, step: 1 }],
    ["cuts the bill by half", { kind: "percent", value: 50, step: 1 }],
    ["twice as much", { kind: "ratio", value: 2, step: 1 }],
    ["five dollars an hour", { kind: "unit-price", value: 5, step: 1 }],
  ])("reads number words: %s", (text, expected) => {
    expect(read(text)).toEqual([expected]);
  });

  it("leaves small number words that count nothing alone: one developer, two options", () => {
    expect(read("one developer and two options")).toEqual([]);
  });

  it.each([
    "seventy-eleven dollars",
    "a few hundred dollars",
    "hundreds of dollars",
    "$95a",
    "$1e3",
    "€110",
    "110 euros",
    "EUR 110",
  ])("reads %s as unreadable, so the guard refuses it", (text) => {
    expect(read(text).map((m) => m.kind)).toContain("unreadable");
  });

  it("reads a minus sign: -$50 is negative", () => {
    expect(read("it saves -$50")).toEqual([{ kind: "money", value: -50, step: 1 }]);
  });
});

describe("isRoundingOf", () => {
  const m = (text: string) => {
    const first = numberMentions(text)[0];
    if (!first) throw new Error(`no figure in ${text}`);
    return first;
  };

  it("accepts the rounding shown: 11.9M and 12M for 11,910,542; $2,859 and $2,900 for $2,858.53", () => {
    expect(isRoundingOf(m("11.9M"), 11_910_542)).toBe(true);
    expect(isRoundingOf(m("12M"), 11_910_542)).toBe(true);
    expect(isRoundingOf(m("$2,859"), 2858.53)).toBe(true);
    expect(isRoundingOf(m("$2,900"), 2858.53)).toBe(true);
  });

  it("refuses a figure that rounds differently: 11.8M, $2,850, $3,000 (one digit) for $2,858.53", () => {
    expect(isRoundingOf(m("11.8M"), 11_910_542)).toBe(false);
    expect(isRoundingOf(m("$2,850"), 2858.53)).toBe(false);
    expect(isRoundingOf(m("$3,000"), 2858.53)).toBe(false);
  });

  it("refuses a rounding more than 5% off: 2M for 1.5M", () => {
    // 1.5M rounds half-up to 2M at one digit, but is 33% off.
    expect(isRoundingOf(m("2M"), 1_500_000)).toBe(false);
  });

  it("accepts a compact form within 0.5%: 1.5M for 1,507,000", () => {
    // |1,500,000 - 1,507,000| / 1,507,000 = 0.46%.
    expect(isRoundingOf(m("1.5M"), 1_507_000)).toBe(true);
  });

  it("matches zero only with zero", () => {
    expect(isRoundingOf(m("$0.00"), 0)).toBe(true);
    expect(isRoundingOf(m("$1"), 0)).toBe(false);
  });
});

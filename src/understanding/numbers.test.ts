import { describe, expect, it } from "vitest";
import { COUNT, formatNumber, NUM, parseNumber, parsePercent } from "./numbers.js";

const whole = (source: string) => new RegExp(`^(?:${source})$`, "i");

describe("parseNumber", () => {
  it.each([
    ["500k", 500_000],
    ["500K", 500_000],
    ["1.5M", 1_500_000],
    ["1.5 m", 1_500_000],
    ["2 million", 2_000_000],
    ["2,000,000", 2_000_000],
    ["2_000_000", 2_000_000],
    ["1e6", 1_000_000],
    ["1e15", 1e15],
    ["2B", 2_000_000_000],
    ["3 bn", 3_000_000_000],
    ["half a million", 500_000],
    ["10 thousand", 10_000],
    ["ten thousand", 10_000],
    ["a million", 1_000_000],
    ["two hundred thousand", 200_000],
    ["a hundred thousand", 100_000],
    ["-500", -500],
    ["0.1", 0.1],
    ["two", 2],
    ["a couple of", 2],
    ["an", 1],
  ])("reads %s as %d", (raw, expected) => {
    expect(parseNumber(raw)).toBe(expected);
  });

  it("returns undefined for words that are not numbers", () => {
    expect(parseNumber("banana")).toBeUndefined();
    expect(parseNumber("5 bananas")).toBeUndefined();
  });
});

describe("NUM", () => {
  it.each([
    "500k",
    "1.5M",
    "2 million",
    "2,000,000",
    "2_000_000",
    "1e6",
    "half a million",
    "10 thousand",
    "-3",
  ])("matches %s whole", (raw) => {
    expect(whole(NUM).test(raw)).toBe(true);
  });

  it("never starts inside a longer figure or a model name", () => {
    const re = new RegExp(NUM, "gi");
    expect([..."gpt-4o 1,500 x2".matchAll(re)].map((m) => m[0])).toEqual(["1,500"]);
  });

  it("takes the scale with the figure rather than leaving it behind", () => {
    const re = new RegExp(`(?:${NUM})(?= requests)`, "i");
    expect(re.exec("prompts of 500k requests")?.[0]).toBe("500k");
  });

  it("accepts words as counts only where a count is expected", () => {
    expect(whole(COUNT).test("two")).toBe(true);
    expect(whole(NUM).test("two")).toBe(false);
  });
});

describe("parsePercent and formatNumber", () => {
  it("turns a percentage into a share", () => {
    expect(parsePercent("50%")).toBe(0.5);
    expect(parsePercent("12.5 percent")).toBe(0.125);
  });

  it("formats figures with thousands separators and at most two decimals", () => {
    expect(formatNumber(100_000_000_000)).toBe("100,000,000,000");
    expect(formatNumber(83_333.3333)).toBe("83,333.33");
  });
});

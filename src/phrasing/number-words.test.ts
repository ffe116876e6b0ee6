import { describe, expect, it } from "vitest";
import { NUMBER_WORDS_RUN, wordsToNumber } from "./number-words.js";

describe("wordsToNumber", () => {
  it.each([
    ["seven", 7, 1],
    ["seventeen", 17, 1],
    ["seventy", 70, 10],
    ["twenty-five", 25, 1],
    ["twenty five", 25, 1],
    ["two hundred", 200, 100],
    ["a hundred and ten", 110, 1],
    ["one hundred twenty", 120, 10],
    ["eleven hundred", 1100, 100],
    ["twenty-five hundred", 2500, 100],
    ["a dozen", 12, 1],
    ["two dozen", 24, 1],
    ["a thousand", 1000, 1000],
    // 600 is said to the hundred, so 600,000 is said to the hundred thousand.
    ["six hundred thousand", 600_000, 100_000],
    ["two million three hundred thousand", 2_300_000, 100_000],
    ["two thousand and five", 2005, 1],
  ])("reads %s as %d (step %d)", (words, value, step) => {
    expect(wordsToNumber(words)).toMatchObject({ value, step });
  });

  it.each([
    "seventy-eleven",
    "five twenty",
    "one two",
    "hundred",
    "thousand",
    "two thousand three thousand",
    "two thousand million",
    "hundred hundred",
    "a",
    "two and",
  ])("refuses %s: not one number", (words) => {
    expect(wordsToNumber(words)).toBeNull();
  });
});

describe("NUMBER_WORDS_RUN", () => {
  const runs = (t: string) => [...t.matchAll(NUMBER_WORDS_RUN)].map((m) => m[0]);

  it("takes a whole run, 'and' included, and 'a' only before a multiplier", () => {
    expect(runs("costs a hundred and ten dollars a month")).toEqual(["a hundred and ten"]);
    expect(runs("a month, one developer")).toEqual(["one"]);
  });

  it("does not read words that merely contain a number word", () => {
    expect(runs("someone often tends to be nonetheless weighty")).toEqual([]);
  });
});

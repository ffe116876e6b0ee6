import { describe, expect, it } from "vitest";
import { isConnector, isFiller } from "./lexicon.js";
import { TextSpans } from "./spans.js";

const leftovers = (spans: TextSpans) => spans.leftovers(isFiller, isConnector).map((l) => l.text);

describe("TextSpans", () => {
  it("does not let a later pattern read what an earlier one claimed", () => {
    const spans = new TextSpans("gpt-4o with 500k requests");
    spans.each(/gpt-4o/g, () => true);
    const seen: string[] = [];
    spans.each(/\S+/g, (m) => {
      seen.push(m[0]);
      return false;
    });
    expect(seen).toEqual(["with", "500k", "requests"]);
  });

  it("claims the span a handler returns rather than the whole match", () => {
    const spans = new TextSpans("llama 3.1 70b 2 million");
    spans.each(/llama[\s\S]*/g, () => ({ start: 0, end: 13 }));
    expect(spans.isFree(0, 13)).toBe(false);
    expect(spans.isFree(14, 23)).toBe(true);
  });

  it("reports unread runs split at clauses and claimed spans, without filler-only runs", () => {
    const spans = new TextSpans("we are on gpt-4o today, with a blue logo and a red font. Thanks!");
    spans.each(/gpt-4o/g, () => true);
    expect(leftovers(spans)).toEqual(["with a blue logo and a red font"]);
  });

  it("trims connectors from the ends of a fragment", () => {
    const spans = new TextSpans("and a blue logo too");
    expect(leftovers(spans)).toEqual(["blue logo"]);
  });

  it("treats a typed control character as text, not as a claimed span", () => {
    const spans = new TextSpans("blue\u0001logo");
    expect(spans.isFree(0, 9)).toBe(true);
  });
});

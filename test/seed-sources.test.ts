import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CONCEPTS } from "../src/domain/concepts.js";
import { RULES } from "../src/domain/rules/engine.js";
import { SEED } from "../src/domain/seeds.js";

/** Every citation of a seed names a file that exists in ../shared/seeds. */
const seedFiles = new Set(
  readdirSync(new URL("../../shared/seeds/", import.meta.url)).map((f) => `seeds/${f}`),
);
const cited = (text: string): string[] =>
  [...text.matchAll(/seeds\/[0-9]{3}_[0-9a-f]+\.txt/g)].map((m) => m[0]);

describe("seed citations", () => {
  it("the five seed constants are the files in ../shared/seeds", () => {
    expect(new Set(Object.values(SEED))).toEqual(seedFiles);
  });

  it.each(CONCEPTS.map((c) => [c.id, c] as const))(
    "concept %s names seed files that exist",
    (_id, concept) => {
      expect(concept.sources.length).toBeGreaterThan(0);
      for (const source of concept.sources) expect(seedFiles).toContain(source);
    },
  );

  it.each(RULES.map((r) => [r.id, r] as const))(
    "rule %s cites a seed that exists or a public source",
    (_id, rule) => {
      const seeds = cited(rule.source);
      for (const s of seeds) expect(seedFiles).toContain(s);
      expect(seeds.length > 0 || /https?:\/\/|question/.test(rule.source)).toBe(true);
    },
  );

  it("gives every rule a unique id", () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

import { describe, expect, it } from "vitest";
import { buildCatalog } from "./catalog.js";
import { BUILTIN_DATA } from "./project-data.js";
import { catalogReferenceProblem } from "./references.js";
import type { CatalogOverride } from "./schema.js";

const at = { pricesAt: new Date("2026-11-21") };
const problemOf = (o: CatalogOverride) => catalogReferenceProblem(o, buildCatalog(at, o));
const tp = BUILTIN_DATA.throughput[0];
const chat = BUILTIN_DATA.candidates.find((c) => c.useCase === "chat");

describe("catalog override references", () => {
  it("accepts the shipped data and an override that names what exists", () => {
    expect(problemOf({})).toBeNull();
    expect(
      problemOf({ throughput: BUILTIN_DATA.throughput, candidates: BUILTIN_DATA.candidates }),
    ).toBeNull();
  });

  it("names the field of a throughput entry whose model does not exist", () => {
    if (!tp) throw new Error("no shipped throughput");
    expect(problemOf({ throughput: [{ ...tp, id: "x:1", model: "llama-9-9b" }] })).toBe(
      'throughput[0].model: "llama-9-9b" is not an open-weight model id in the catalog',
    );
  });

  it("names a throughput entry's unknown GPU type", () => {
    if (!tp) throw new Error("no shipped throughput");
    expect(problemOf({ throughput: [{ ...tp, id: "x:2", gpuType: "B900" }] })).toBe(
      'throughput[0].gpuType: no GPU instance in the catalog has the GPU type "B900"',
    );
  });

  it("names a candidate list's unknown self-hosted id and unpriced API name", () => {
    if (!chat) throw new Error("no chat candidates");
    expect(problemOf({ candidates: [{ ...chat, selfHosted: ["llama-3.1-8b", "nope-7b"] }] })).toBe(
      'candidates[0].selfHosted[1]: "nope-7b" is not an open-weight model id in the catalog',
    );
    expect(problemOf({ candidates: [{ ...chat, api: ["gpt-4o-mini", "zzz-model"] }] })).toBe(
      'candidates[0].api[1]: "zzz-model" has no per-token price in the catalog',
    );
  });
});

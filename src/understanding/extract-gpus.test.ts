import { describe, expect, it } from "vitest";
import { buildCatalog } from "../domain/catalog/catalog.js";
import type { GpusOnHand } from "../domain/profile.js";
import { normalizeGpuName } from "./extract-gpus.js";
import { understand } from "./understand.js";

const catalog = buildCatalog({ pricesAt: new Date("2026-11-21") });

function read(text: string) {
  const r = understand(text, catalog);
  if (r.kind !== "advice") throw new Error(`expected advice for "${text}", got ${JSON.stringify(r)}`);
  return r;
}

describe("GPUs on hand", () => {
  it.each<[string, GpusOnHand]>([
    ["we have 2 A100s", { gpuType: "A100", count: 2 }],
    ["4x H100 on hand", { gpuType: "H100", count: 4 }],
    ["we have an RTX 4090", { gpuType: "RTX 4090", count: 1 }],
    ["we own two L4 GPUs", { gpuType: "L4", count: 2 }],
    ["we have 8 x A10G", { gpuType: "A10G", count: 8 }],
    ["we have 2 L40S cards", { gpuType: "L40S", count: 2 }],
    ["we have a single A100 80GB", { gpuType: "A100", count: 1 }],
  ])("reads %j", (text, expected) => {
    const r = read(text);
    expect(r.profile).toEqual({ gpusOnHand: expected });
    expect(r.unused).toEqual([]);
  });

  it("normalises GPU names to the catalog's spelling", () => {
    expect(
      ["a10", "a10g", "l4", "a100", "h100", "l40", "l40s", "rtx4090", "RTX 4090"].map(normalizeGpuName),
    ).toEqual(["A10G", "A10G", "L4", "A100", "H100", "L40S", "L40S", "RTX 4090", "RTX 4090"]);
  });

  it("reports a GPU mentioned without saying the team has it", () => {
    const r = read("should we buy H100s?");
    expect(r.profile).toEqual({});
    expect(r.unused).toContain('H100s (GPUs on hand? say "we have 1 H100")');
  });
});

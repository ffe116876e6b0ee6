import { describe, expect, it } from "vitest";
import { adaptiveCardProblems } from "../../../test/support/adaptive-card.js";
import type { ChartInput } from "../../render/chart.js";
import { cardBytes, TEAMS_CARD_MAX_BYTES } from "../../render/teams/answer-card.js";
import {
  CHART_MESSAGE_BUDGET_BYTES,
  chartOutgoing,
  imageMessageBytes,
  TEAMS_MESSAGE_MAX_BYTES,
} from "./chart-message.js";
import { toActivity } from "./reply.js";

const input: ChartInput = {
  title: "Monthly cost by volume",
  apiLabel: "API: gpt-4o",
  selfHostedLabel: "Self-hosted: llama-3.1-70b",
  points: [
    { requestsPerMonth: 100_000, apiUsd: 250, selfHostedUsd: 2400 },
    { requestsPerMonth: 1_000_000, apiUsd: 2500, selfHostedUsd: 2400 },
    { requestsPerMonth: 2_000_000, apiUsd: 5000, selfHostedUsd: 4800 },
  ],
  breakEvenRequests: 1_000_000,
  currentRequests: 2_000_000,
  caption: "Break-even 1,000,000 requests a month; hosted prices as of 2026-11-21",
};

const png = (bytes: number) => new Uint8Array(bytes).fill(7);

describe("the break-even chart in Teams", () => {
  it("measures the image message exactly as it is sent", () => {
    for (const size of [1, 2, 3, 3000, 50_001]) {
      const out = chartOutgoing({ title: "T", png: png(size), answerId: "a-1", input });
      expect(out.kind).toBe("image");
      if (out.kind === "image")
        expect(imageMessageBytes(out)).toBe(Buffer.byteLength(JSON.stringify(toActivity(out)), "utf8"));
    }
  });

  it("sends a PNG of typical size (about 53 KB, 71 KB in base64) as an image", () => {
    expect(chartOutgoing({ title: "T", png: png(53_000), answerId: "a-1", input }).kind).toBe("image");
    expect(CHART_MESSAGE_BUDGET_BYTES).toBeLessThan(TEAMS_MESSAGE_MAX_BYTES);
  });

  it("sends the chart's figures as a card when the image would pass Teams' message limit", () => {
    // 70,000 bytes of PNG are 4 × ⌈70,000 / 3⌉ = 93,336 bytes of base64: over the 92,160-byte budget.
    const out = chartOutgoing({ title: "T", png: png(70_000), answerId: "a-1", input });
    expect(out.kind).toBe("card");
    if (out.kind !== "card") return;
    expect(adaptiveCardProblems(out.card)).toEqual([]);
    expect(cardBytes(out.card)).toBeLessThan(TEAMS_CARD_MAX_BYTES);
    expect(out.card.body.find((e) => e.type === "FactSet")?.facts).toEqual([
      { title: "100K a month", value: "API: gpt-4o $250.00 · Self-hosted: llama-3.1-70b $2,400.00" },
      {
        title: "1M a month (break-even)",
        value: "API: gpt-4o $2,500.00 · Self-hosted: llama-3.1-70b $2,400.00",
      },
      { title: "2M a month (today)", value: "API: gpt-4o $5,000.00 · Self-hosted: llama-3.1-70b $4,800.00" },
    ]);
    expect(JSON.stringify(out.card)).toContain(input.caption);
  });

  it("keeps the image when there are no figures to fall back on", () => {
    const out = chartOutgoing({ title: "T", png: png(70_000), answerId: "a-1", input: null });
    expect(out.kind).toBe("image");
  });
});

import { describe, expect, it } from "vitest";
import { type ComposeInput, composeDigest } from "../src/digest/compose.js";
import { digestText } from "../src/digest/digest-view.js";
import { renderDigest } from "../src/digest/render-digest.js";
import { buildCatalog } from "../src/domain/catalog/catalog.js";
import { CatalogOverrideSchema } from "../src/domain/catalog/schema.js";
import type { Profile } from "../src/domain/profile.js";
import { cardBytes, TEAMS_CARD_MAX_BYTES } from "../src/render/teams/answer-card.js";
import { adaptiveCardProblems } from "./support/adaptive-card.js";
import { blockKitProblems } from "./support/block-kit.js";

const MONDAY = new Date("2026-11-23T08:00:00Z"); // 09:00 in Berlin
const NEXT_MONDAY = new Date("2026-11-30T08:00:00Z");
const PROFILE: Profile = {
  requestsPerMonth: 2_000_000,
  inputTokensPerRequest: 500,
  outputTokensPerRequest: 200,
  currentModel: "gpt-4o-mini",
};

/** gpt-4o-mini's input price cut from $0.15 to $0.12 per 1M tokens, as a CATALOG_FILE would say it. */
const CHEAPER_MINI = CatalogOverrideSchema.parse({
  hostedPrices: [
    {
      id: "openai:gpt-4o-mini",
      providerId: "openai",
      model: "gpt-4o-mini",
      inputPerMTokUsd: 0.12,
      outputPerMTokUsd: 0.6,
      asOf: "2026-11-25",
      source: "https://openai.com/api/pricing (test)",
    },
  ],
});

function input(at: Date, extra: Partial<ComposeInput> = {}): ComposeInput {
  return {
    subscriptionId: "sub-1",
    profile: PROFILE,
    catalog: buildCatalog({ pricesAt: at }),
    run: { at, periodKey: at.toISOString() },
    timezone: "Europe/Berlin",
    scheduleLabel: "every Monday at 09:00 (Europe/Berlin)",
    previous: null,
    spend: null,
    ...extra,
  };
}

const first = composeDigest(input(MONDAY));
const previous = { periodKey: MONDAY.toISOString(), snapshot: first.snapshot?.data };

describe("composing a digest", () => {
  it("prices the Profile's options under today's catalog, cheapest first", () => {
    // gpt-4o-mini: 2M × 500 = 1,000M input tokens × $0.15 = $150; 2M × 200 = 400M output × $0.60 = $240; $390.
    // gpt-6-luna: 1,000 × $0.10 + 400 × $0.50 = $300.
    expect(first.model.options.slice(0, 2)).toMatchObject([
      { model: "gpt-6-luna", monthlyCostUsd: 300, previousMonthlyCostUsd: null },
      { model: "gpt-4o-mini", monthlyCostUsd: 390, previousMonthlyCostUsd: null },
    ]);
    expect(first.model.options).toHaveLength(5);
    expect(first.model).toMatchObject({ today: "2026-11-23", change: { kind: "first", note: null } });
    expect(first.snapshot?.data.prices["gpt-4o-mini input tokens|1M tokens"]).toEqual({
      label: "gpt-4o-mini input",
      unit: "1M tokens",
      usd: 0.15,
    });
  });

  it("says how far the volume is from break-even", () => {
    // 21,625,949 / 2,000,000 = 10.8× below.
    expect(first.model.breakEven).toMatchObject({
      kind: "below",
      requestsPerMonth: 21_625_949,
      currentRequestsPerMonth: 2_000_000,
      factor: 10.8,
      apiModel: "gpt-4o-mini",
    });
    const above = composeDigest(input(MONDAY, { profile: { ...PROFILE, requestsPerMonth: 50_000_000 } }));
    expect(above.model.breakEven).toMatchObject({ kind: "above" });
  });

  it("lists models that retire within 90 days, and not those further off", () => {
    // gpt-4o-mini retires 2027-01-14: 52 days after 2026-11-23.
    expect(first.model.retirements).toContainEqual(
      expect.objectContaining({ model: "gpt-4o-mini", status: "retiring", daysToRetirement: 52 }),
    );
    // On 2026-09-01 it is 135 days away and not yet deprecated (2026-10-14).
    const early = composeDigest(input(new Date("2026-09-01T07:00:00Z")));
    expect(early.model.retirements).toEqual([]);
  });

  it("shows a price change in the catalog with before and after figures, and its share of the change", () => {
    const next = composeDigest(
      input(NEXT_MONDAY, { catalog: buildCatalog({ pricesAt: NEXT_MONDAY }, CHEAPER_MINI), previous }),
    );
    expect(next.model.change).toEqual({
      kind: "compared",
      since: "2026-11-23",
      causes: ["price"],
      prices: [
        {
          key: "gpt-4o-mini input tokens|1M tokens",
          label: "gpt-4o-mini input",
          unit: "1M tokens",
          beforeUsd: 0.15,
          afterUsd: 0.12,
        },
      ],
      volume: [],
      recommendedBefore: "gpt-6-luna",
      recommendedAfter: "gpt-6-luna",
    });
    // 1,000M input tokens × ($0.12 − $0.15) = −$30: $390 → $360, all of it from the price.
    expect(next.model.options.find((o) => o.model === "gpt-4o-mini")).toMatchObject({
      monthlyCostUsd: 360,
      previousMonthlyCostUsd: 390,
      priceEffectUsd: -30,
    });
    const text = digestText(next.model);
    expect(text).toContain("Price: gpt-4o-mini input $0.15 → $0.12 per 1M tokens");
    expect(text).toContain("gpt-4o-mini, OpenAI API: $360.00 a month (was $390.00; −$30.00: prices −$30.00)");
  });

  it("attributes a change to the volume when no price moved", () => {
    const next = composeDigest(
      input(NEXT_MONDAY, { profile: { ...PROFILE, requestsPerMonth: 3_000_000 }, previous }),
    );
    expect(next.model.change).toMatchObject({
      causes: ["volume"],
      prices: [],
      volume: [{ field: "requestsPerMonth", before: 2_000_000, after: 3_000_000 }],
    });
    // 3M: 1,500 × $0.15 + 600 × $0.60 = $585; +$195, none of it from prices.
    expect(next.model.options.find((o) => o.model === "gpt-4o-mini")).toMatchObject({
      monthlyCostUsd: 585,
      priceEffectUsd: 0,
    });
    expect(digestText(next.model)).toContain("Volume: requests a month 2M → 3M");
  });

  it("says nothing moved when nothing did, and starts afresh when the last figures are unreadable", () => {
    const same = composeDigest(input(NEXT_MONDAY, { previous }));
    expect(same.model.change).toMatchObject({ kind: "compared", causes: [] });
    expect(digestText(same.model)).toContain("No price or volume changed.");
    const broken = composeDigest(input(NEXT_MONDAY, { previous: { periodKey: "x", snapshot: { v: 0 } } }));
    expect(broken.model.change).toEqual({
      kind: "first",
      note: "the previous digest's figures could not be read, so nothing is compared",
    });
  });

  it("puts the actual spend beside the projection for the same days", () => {
    const spend = {
      ok: true as const,
      from: "2026-11-16",
      to: "2026-11-22",
      days: 7,
      amountUsd: 85.2,
      buckets: 7,
      note: null,
    };
    const d = composeDigest(input(MONDAY, { spend }));
    // Projected: gpt-4o-mini (the model in use) $390 a month × 7 / 30 days = $91.
    expect(d.model.spend).toEqual({
      kind: "actual",
      from: "2026-11-16",
      to: "2026-11-22",
      days: 7,
      amountUsd: 85.2,
      projectedUsd: 91,
      projectedMonthlyUsd: 390,
      projectedFor: "gpt-4o-mini",
      daysPerMonth: 30,
      note: null,
    });
    expect(digestText(d.model)).toContain(
      "OpenAI spend 2026-11-16 to 2026-11-22 (7 days): $85.20 actual; $91.00 projected for gpt-4o-mini ($390.00 a month × 7 / 30).",
    );
  });

  it("leaves the spend out with a note when it could not be read", () => {
    const d = composeDigest(
      input(MONDAY, {
        spend: { ok: false, code: "unauthorized", note: "OpenAI refused OPENAI_ADMIN_KEY (HTTP 401)" },
      }),
    );
    expect(d.model.spend).toEqual({
      kind: "unavailable",
      note: "OpenAI refused OPENAI_ADMIN_KEY (HTTP 401)",
    });
    const text = digestText(d.model);
    expect(text).toContain("Actual spend is not shown: OpenAI refused OPENAI_ADMIN_KEY (HTTP 401).");
    expect(text).not.toContain("OpenAI spend 20");
  });

  it("notes what the engine could not use, and reports a Profile it cannot price instead of failing", () => {
    const unknown = composeDigest(
      input(MONDAY, { profile: { ...PROFILE, currentModel: "gpt-nonexistent-9" } }),
    );
    expect(digestText(unknown.model)).toMatch(/Could not use: no price for "gpt-nonexistent-9"/);
    const d = composeDigest(
      input(MONDAY, { profile: { ...PROFILE, inputTokensPerRequest: 0, outputTokensPerRequest: 0 } }),
    );
    expect(d.snapshot).toBeNull();
    expect(d.model.problems.join(" ")).toMatch(/zero input and zero output tokens/);
    expect(digestText(d.model)).toContain("This digest could not be computed:");
  });
});

describe("rendering a digest", () => {
  const changed = composeDigest(
    input(NEXT_MONDAY, {
      catalog: buildCatalog({ pricesAt: NEXT_MONDAY }, CHEAPER_MINI),
      profile: { ...PROFILE, requestsPerMonth: 3_000_000 },
      previous,
      spend: { ok: false, code: "malformed", note: "OpenAI's costs API returned a body I could not read" },
    }),
  );

  it("fits Block Kit's limits and is a valid Adaptive Card 1.5 under 28 KB", () => {
    for (const d of [first, changed]) {
      const m = renderDigest(d.model);
      expect(blockKitProblems(m.slackBlocks, "message", m.text)).toEqual([]);
      expect(adaptiveCardProblems(m.teamsCard)).toEqual([]);
      expect(cardBytes(m.teamsCard)).toBeLessThan(TEAMS_CARD_MAX_BYTES);
      // Notifications and clients without Adaptive Cards read the digest's title.
      expect(m.teamsCard.fallbackText).toBe(
        JSON.stringify(m.teamsCard.body[0]).match(/"text":"([^"]*)"/)?.[1],
      );
    }
  });

  it("stays within the limits when a digest carries many long lines", () => {
    const huge = {
      ...changed.model,
      problems: Array.from({ length: 400 }, (_, i) => `problem ${i} ${"x".repeat(300)}`),
    };
    const m = renderDigest(huge);
    expect(blockKitProblems(m.slackBlocks, "message", m.text)).toEqual([]);
    expect(adaptiveCardProblems(m.teamsCard)).toEqual([]);
    expect(cardBytes(m.teamsCard)).toBeLessThan(TEAMS_CARD_MAX_BYTES);
  });

  it("names a CATALOG_FILE price's date beside the package's, and stores the newest with the snapshot", () => {
    expect(first.model).toMatchObject({ pricesAsOf: "2026-09-23", overridesAsOf: null });
    const overridden = composeDigest(
      input(NEXT_MONDAY, { catalog: buildCatalog({ pricesAt: NEXT_MONDAY }, CHEAPER_MINI) }),
    );
    // gpt-4o-mini's price comes from the override (2026-11-25); the other options' from the package.
    expect(overridden.model).toMatchObject({ pricesAsOf: "2026-09-23", overridesAsOf: "2026-11-25" });
    expect(overridden.snapshot?.asOf).toBe("2026-11-25");
    expect(digestText(overridden.model)).toContain(
      "hosted prices as of 2026-09-23; overrides as of 2026-11-25",
    );
  });

  it("says the same thing on every surface (golden text)", () => {
    const m = renderDigest(changed.model);
    expect(m.text).toBe("LLM cost digest: gpt-6-luna at $450.00 a month (changed since the last digest)");
    expect(JSON.stringify(m.slackBlocks)).toContain("gpt-4o-mini input $0.15 → $0.12 per 1M tokens");
    expect(JSON.stringify(m.teamsCard)).toContain("gpt-4o-mini input $0.15 → $0.12 per 1M tokens");
    expect(digestText(changed.model)).toMatchInlineSnapshot(`
      "LLM cost digest: 3M requests a month, 500 in / 200 out tokens
      Period of 2026-11-30 · hosted prices as of 2026-09-23; overrides as of 2026-11-25 · every Monday at 09:00 (Europe/Berlin)

      Options (monthly bill):
        1. gpt-6-luna, OpenAI API: $450.00 a month (was $300.00; +$150.00: volume +$150.00)
        2. gpt-4o-mini, OpenAI API: $540.00 a month (was $390.00; +$150.00: prices −$45.00, volume +$195.00)
        3. claude-haiku-4-5, Anthropic API: $4,500.00 a month (was $3,000.00; +$1,500.00: volume +$1,500.00)
        4. gpt-6-sol, OpenAI API: $9,000.00 a month (was $6,000.00; +$3,000.00: volume +$3,000.00)
        5. gpt-4o, OpenAI API: $9,750.00 a month (was $6,500.00; +$3,250.00: volume +$3,250.00)

      Since the digest of 2026-11-23:
        - Price: gpt-4o-mini input $0.15 → $0.12 per 1M tokens
        - Volume: requests a month 2M → 3M

      Break-even: Mistral 7B Instruct v0.2 (self-hosted) costs the same as gpt-4o-mini at 23,428,112 requests a month ($4,217.06); you are at 3M, 7.8× below.

      Model retirements:
        - gpt-4o retires on 2027-01-14 (in 45 days); replacement: gpt-6-luna
        - gpt-4o-mini retires on 2027-01-14 (in 45 days); replacement: gpt-6-luna

      Actual spend is not shown: OpenAI's costs API returned a body I could not read.

      Subscription sub-1, every Monday at 09:00 (Europe/Berlin). Stop it with: digest off sub-1"
    `);
  });
});

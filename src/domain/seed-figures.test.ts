import { describe, expect, it } from "vitest";
import { buildCatalog } from "./catalog/catalog.js";
import {
  check000GpuServer,
  check002LocalThreshold,
  check002ScenarioRanges,
  check003H100Cluster,
  check003YearlyVsMonthly,
  seed002PerCall,
} from "./seed-figures.js";

/** Seed figures the Advice challenges, each recomputed by hand here from the seed's own inputs. */
const catalog = buildCatalog({ pricesAt: new Date("2026-11-21T12:00:00Z") });

describe("002's voice figures", () => {
  it("prices one call at $0.057, from 002's own example", () => {
    // 3 min × $0.0085 + 3 min × $0.006 + 200 tokens × $0.03/1K + 1 SMS × $0.0075
    // = $0.0255 + $0.018 + $0.006 + $0.0075 = $0.057 (= $28.50 / 500 calls).
    expect(seed002PerCall(catalog)?.toString()).toBe("0.057");
  });

  it("finds each scenario range 2-4× above that arithmetic", () => {
    const d = check002ScenarioRanges(catalog);
    // 1,000 × $0.057 = $57.00; 10,000 × $0.057 = $570.00.
    expect(d?.computed).toContain("at most $57.00");
    expect(d?.computed).toContain("$57.00-$570.00");
    expect(d?.claim).toContain("$50-200");
  });

  it("notes its two local-viability thresholds and its own 50,000-call example with APIs cheaper", () => {
    const d = check002LocalThreshold(catalog);
    // 50,000 × $0.057 = $2,850.00, below $6,500-13,000 of local models.
    expect(d?.computed).toContain("$2,850.00 of APIs against $6,500-13,000");
  });
});

describe("003's and 000's infrastructure figures", () => {
  it("sets 003's 8x H100 ~$30,000 beside AWS p5.48xlarge at $40,179.20 a month", () => {
    // 730 h × $55.04 = $40,179.20.
    expect(check003H100Cluster(catalog)?.computed).toContain("= $40,179.20 a month");
  });

  it("sets 000's $500-2,000 A100/H100 server beside the cheapest A100 80GB machine, $2,681.29", () => {
    // Azure NC24ads A100 v4 (1x A100 80GB): 730 h × $3.673 = $2,681.29; p4de.24xlarge and
    // a2-ultragpu-1g cost more an hour.
    const d = check000GpuServer(catalog);
    expect(d?.computed).toContain("= $2,681.29 a month");
  });

  it("shows 003's yearly estimate is 365 days, not 12 of its 30-day months", () => {
    // 10,000 × (500 × $0.15 + 200 × $0.60) / 1M = $1.95 a day; × 30 = $58.50; × 365 = $711.75;
    // 12 × $58.50 = $702.00.
    const d = check003YearlyVsMonthly(catalog);
    expect(d?.computed).toContain("daily $1.95, monthly $58.50, yearly $711.75");
    expect(d?.computed).toContain("12 of its months are $702.00");
  });
});

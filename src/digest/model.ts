import type { Verdict } from "../domain/advice.js";

/** The digest as data: what compose.ts computes and render-digest.ts words, for Slack, Teams and the CLI. */

export interface DigestOption {
  id: string;
  model: string;
  deployment: string;
  monthlyCostUsd: number;
  /** False when a price was missing, so the figure is a floor. */
  priced: boolean;
  /** The previous digest's figure; null on the first digest or for an option new since then. */
  previousMonthlyCostUsd: number | null;
  /** Of the change, what the unit prices alone account for (current quantities × price deltas). */
  priceEffectUsd: number | null;
}

export interface PriceChange {
  key: string;
  label: string;
  unit: string;
  beforeUsd: number;
  afterUsd: number;
}

export interface VolumeChange {
  field: string;
  label: string;
  before: number | null;
  after: number | null;
}

export type ChangeCause = "price" | "volume";

export type DigestChange =
  | { kind: "first"; note: string | null }
  | {
      kind: "compared";
      /** The day (in the subscription's time zone) of the digest compared with. */
      since: string;
      causes: ChangeCause[];
      prices: PriceChange[];
      volume: VolumeChange[];
      recommendedBefore: string | null;
      recommendedAfter: string | null;
    };

export type BreakEvenStatus =
  | {
      kind: "below" | "above";
      requestsPerMonth: number;
      currentRequestsPerMonth: number;
      /** How many times below (or above) the break-even volume the current volume is. */
      factor: number | null;
      monthlyCostUsd: number | null;
      apiModel: string;
      selfHostedModel: string;
    }
  | { kind: "none"; reason: string };

export interface Retirement {
  model: string;
  status: "retired" | "retiring" | "deprecated";
  deprecatedOn: string | null;
  retiresOn: string | null;
  daysToRetirement: number | null;
  replacement: string | null;
}

export type SpendSection =
  | {
      kind: "actual";
      from: string;
      to: string;
      days: number;
      amountUsd: number;
      /** The projected monthly bill of `projectedFor`, pro-rated to the same days. */
      projectedUsd: number;
      projectedMonthlyUsd: number;
      projectedFor: string;
      daysPerMonth: number;
      /** Why fewer days than the period's are compared (days OpenAI left out, today not over); null otherwise. */
      note: string | null;
    }
  | { kind: "unavailable"; note: string };

export interface DigestModel {
  subscriptionId: string;
  periodKey: string;
  runAt: string;
  /** The day the engine priced for, in the subscription's time zone. */
  today: string;
  /** The date of the hosted prices used: the catalog package's, or CATALOG_FILE's when only its entries were used. */
  pricesAsOf: string;
  /** The newest CATALOG_FILE hosted price used beside the package's; null when none was. */
  overridesAsOf: string | null;
  scheduleLabel: string;
  verdict: Verdict | null;
  volume: Array<{ field: string; label: string; value: number }>;
  options: DigestOption[];
  change: DigestChange;
  breakEven: BreakEvenStatus | null;
  retirements: Retirement[];
  spend: SpendSection | null;
  /** What the engine could not use or price (an unknown model, a missing figure), as it says it. */
  issues: string[];
  /** Why the Profile could not be priced; when set, the sections above are empty. */
  problems: string[];
}

import type { BreakEvenSummary, Deprecation, OptionCost, Verdict } from "../advice.js";
import type { Dec } from "../money.js";
import type { OptionSettings } from "../options/settings.js";
import type { ResolvedProfile } from "../resolve-profile.js";

export type Factor =
  | "privacy"
  | "compliance"
  | "offline"
  | "volume"
  | "cost"
  | "team"
  | "customization"
  | "lifecycle"
  | "latency"
  | "quality"
  | "task"
  | "revenue"
  | "budget"
  | "scenario"
  | "openness";

/** What a rule sees: the resolved question and the computed costs. */
export interface RuleContext {
  p: ResolvedProfile;
  options: OptionCost[];
  /** Verdicts still allowed once the hard rules have run (all verdicts while the hard rules run). */
  allowed: ReadonlySet<Verdict>;
  /** Cheapest allowed option per verdict, by cost over the horizon. */
  cheapest: Partial<Record<Verdict, OptionCost>>;
  cheapestOverall: OptionCost | undefined;
  /** The API option the self-hosted ones are compared with: the current model, else the cheapest API. */
  comparatorApi: OptionCost | undefined;
  breakEven: BreakEvenSummary | null;
  /** Comparator API spend over monthly revenue, when revenue is known. */
  apiShareOfRevenue: Dec | null;
  deprecations: Deprecation[];
  settings: OptionSettings;
  /** The catalog default "apiRevenueShareThreshold" and friends, read once. */
  thresholds: { apiRevenueShare: number; deprecationWarningDays: number };
}

export type Scores = Partial<Record<Verdict, number>>;

/**
 * A decision rule, as data: an id, when it fires, what it does to the verdict, a one-line
 * rationale and the source it comes from (a seed file or a public fact).
 */
export interface Rule {
  id: string;
  factor: Factor;
  when: (ctx: RuleContext) => boolean;
  /** Hard effect: the verdict must be one of these. */
  require?: readonly Verdict[];
  /** Hard effect: the verdict must not be one of these. */
  exclude?: readonly Verdict[];
  /** Among hard rules, the higher priority wins a clash. */
  priority?: number;
  /** Soft effect: points for or against verdicts. */
  scores?: (ctx: RuleContext) => Scores;
  rationale: string;
  source: string;
  evidence?: (ctx: RuleContext) => Record<string, string | number | boolean>;
}

export const isHard = (r: Rule): boolean => r.require !== undefined || r.exclude !== undefined;

import type { CostBreakdown } from "./calc/line-items.js";
import type { Tco } from "./calc/tco.js";
import type { Openness } from "./catalog/schema.js";
import type { DomainIssue } from "./errors.js";
import type { Dec } from "./money.js";
import type { Assumption, ResolvedProfile } from "./resolve-profile.js";

export const VERDICTS = ["api", "self-hosted", "private-cloud", "hybrid", "local"] as const;
/** Where to run the model: a proprietary API, your own GPUs, a managed deployment in your cloud, a mix, or on premises. */
export type Verdict = (typeof VERDICTS)[number];

/** Facts about reserved GPUs behind a self-hosted or local option. */
export interface CapacitySummary {
  instanceId: string;
  instances: number;
  replicas: number;
  gpuType: string;
  gpusPerReplica: number;
  precision: string;
  weightsGb: number;
  averageTokensPerSecond: Dec;
  peakTokensPerSecond: Dec;
  replicaTokensPerSecond: number;
  peakUtilization: Dec;
  throughputSource: string;
}

/** One concrete way to run the workload, with its monthly bill and its cost over the horizon. */
export interface OptionCost {
  /** Stable id, e.g. "api:openai:gpt-4o-mini" or "self-hosted:llama-3.1-8b@aws:g6.xlarge". */
  id: string;
  verdict: Verdict;
  /** The model as a person names it. */
  model: string;
  /** The catalog's id for the model. */
  modelId: string;
  /** Where and how it runs, e.g. "OpenAI API" or "vLLM on 1 × g6.xlarge (1× L4), AWS". */
  deployment: string;
  monthly: CostBreakdown;
  tco: Tco;
  openness: Openness;
  license: string | null;
  capacity: CapacitySummary | null;
  /** Share of traffic on the self-hosted side, for hybrids. */
  selfHostedShare: number | null;
  notes: string[];
}

/** An option a hard rule ruled out, kept so the answer can say what it would have cost. */
export interface ExcludedOption {
  option: OptionCost;
  excludedBy: string;
}

export interface FiredRule {
  rule: string;
  factor: string;
  rationale: string;
  source: string;
  /** What the rule did to the verdict, e.g. "requires self-hosted | private-cloud | local" or "+3 api". */
  effect: string;
  /** The inputs and figures that made it fire. */
  evidence: Record<string, string | number | boolean>;
}

export interface Conflict {
  rules: string[];
  summary: string;
  resolution: string;
  winner: string;
}

export interface BreakEvenSummary {
  apiOptionId: string;
  selfHostedOptionId: string;
  /** Null when self-hosting never becomes cheaper. */
  requestsPerMonth: number | null;
  /** The exact volume where the two cost lines meet; at it the costs agree to a fraction of a cent. */
  exactRequestsPerMonth: Dec | null;
  /** Self-hosted cost at the exact break-even. */
  monthlyCostUsd: Dec | null;
  /** Each side's cost at the reported whole `requestsPerMonth`. */
  apiMonthlyCostUsd: Dec | null;
  selfHostedMonthlyCostUsd: Dec | null;
  /** Whether those two round to within a cent: only then may an answer say "the same either way". */
  costsAgreeWithinCent: boolean;
  currentRequestsPerMonth: number;
  /**
   * The self-hosted deployment sized for the break-even volume (it can need fewer or more instances
   * than the option sized for your volume); null when there is no break-even.
   */
  selfHostedDeployment: string | null;
  /** Why there is no break-even, when there is none. */
  reason: string | null;
  /** Set when your volume is zero: the distance to the break-even ("24× below it") is not computed. */
  note: string | null;
  /** Monthly cost of both sides over a range of volumes (log-spaced around yours, with the break-even). */
  curve: CurvePoint[];
}

export interface CurvePoint {
  requestsPerMonth: number;
  apiUsd: Dec;
  selfHostedUsd: Dec;
}

/** A seed claim the arithmetic does not support, with what the arithmetic gives. */
export interface Discrepancy {
  id: string;
  claim: string;
  computed: string;
  source: string;
}

export interface MigrationPhase {
  name: string;
  steps: string[];
}

export interface MigrationPlan {
  id: string;
  title: string;
  phases: MigrationPhase[];
  source: string;
}

export interface Deprecation {
  model: string;
  deprecatedOn: string | null;
  retiresOn: string | null;
  /** Days from today to retirement; negative when already retired. */
  daysToRetirement: number | null;
  replacement: string | null;
  source: string;
}

export interface Advice {
  verdict: Verdict;
  profile: ResolvedProfile;
  /** Eligible options, best first; the first is the recommendation. */
  options: OptionCost[];
  excluded: ExcludedOption[];
  breakEven: BreakEvenSummary | null;
  reasons: FiredRule[];
  conflicts: Conflict[];
  assumptions: Assumption[];
  discrepancies: Discrepancy[];
  migrationPlan: MigrationPlan | null;
  deprecations: Deprecation[];
  /** Things the engine could not use or price (unknown models, missing figures). */
  issues: DomainIssue[];
  /** The day the advice was computed for, and the hosted prices' date. */
  today: string;
  pricesAsOf: string;
}

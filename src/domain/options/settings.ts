import type { CostBreakdown } from "../calc/line-items.js";
import type { CapacityAssumptions } from "../calc/self-hosted-capacity.js";
import {
  type OneTimeCost,
  type RecurringEvent,
  type Tco,
  totalCostOfOwnership,
  withoutSetupAmortization,
} from "../calc/tco.js";
import type { Catalog } from "../catalog/catalog.js";
import type { Lifecycle } from "../catalog/schema.js";
import type { ResolvedProfile } from "../resolve-profile.js";

/** The catalog's numeric defaults that option building needs, read once. */
export interface OptionSettings {
  hoursPerMonth: number;
  operationsUsdPerMonth: number;
  selfHostSetupUsd: number;
  inputTokenDecodeEquivalent: number;
  maxWeightsShareOfGpuMemory: number;
  minimumReplicas: number;
  electricityUsdPerKwh: number;
  forcedMigrationIntervalMonths: number;
  forcedMigrationCostUsd: number;
  forcedMigrationEngineerHours: number;
  engineerHourlyUsd: number;
  /** The day advised for (YYYY-MM-DD): retirement dates count from it; null when no day is known. */
  today: string | null;
}

export function optionSettings(catalog: Catalog, today: string | null = null): OptionSettings {
  const n = (k: string) => catalog.numberDefault(k);
  return {
    hoursPerMonth: n("hoursPerMonth"),
    operationsUsdPerMonth: n("operationsUsdPerMonth"),
    selfHostSetupUsd: n("selfHostSetupUsd"),
    inputTokenDecodeEquivalent: n("inputTokenDecodeEquivalent"),
    maxWeightsShareOfGpuMemory: n("maxWeightsShareOfGpuMemory"),
    minimumReplicas: n("minimumReplicas"),
    electricityUsdPerKwh: n("electricityUsdPerKwh"),
    forcedMigrationIntervalMonths: n("forcedMigrationIntervalMonths"),
    forcedMigrationEngineerHours: n("forcedMigrationEngineerHours"),
    engineerHourlyUsd: n("engineerHourlyUsd"),
    forcedMigrationCostUsd: n("forcedMigrationEngineerHours") * n("engineerHourlyUsd"),
    today,
  };
}

export function capacityAssumptions(
  s: OptionSettings,
  p: ResolvedProfile,
  hardwareOnHand: boolean,
): CapacityAssumptions {
  return {
    peakToAverageRatio: p.peakToAverageRatio,
    hoursPerMonth: s.hoursPerMonth,
    inputTokenDecodeEquivalent: s.inputTokenDecodeEquivalent,
    minimumReplicas: s.minimumReplicas,
    operationsUsdPerMonth: s.operationsUsdPerMonth,
    setupUsd: s.selfHostSetupUsd,
    horizonMonths: p.horizonMonths,
    maxWeightsShareOfGpuMemory: s.maxWeightsShareOfGpuMemory,
    electricityUsdPerKwh: s.electricityUsdPerKwh,
    hardwareOnHand,
  };
}

const DAY_MS = 86_400_000;
/** Average days in a month (365.25 / 12), to turn a date gap into months. */
const DAYS_PER_MONTH = 30.4375;

/**
 * A vendor retires the model every so often and the prompts must be retested (004). When the
 * catalog knows the model's retirement date, the first migration falls then, not one interval in.
 */
export function forcedMigration(s: OptionSettings, lifecycle?: Lifecycle): RecurringEvent {
  const base: RecurringEvent = {
    code: "tco.forced-migration",
    label: `Forced model migration, ${s.forcedMigrationEngineerHours} engineer-hours × $${s.engineerHourlyUsd}`,
    everyMonths: s.forcedMigrationIntervalMonths,
    costUsd: s.forcedMigrationCostUsd,
    source:
      "seeds/004_6527799eb7821511.txt (retirements every 12-18 months); catalog defaults forcedMigration*",
  };
  if (!lifecycle?.retiresOn || s.today === null) return base;
  const days = (Date.parse(lifecycle.retiresOn) - Date.parse(s.today)) / DAY_MS;
  return {
    ...base,
    firstAtMonth: Math.max(0, days / DAYS_PER_MONTH),
    source: `${base.source}; first at the announced retirement on ${lifecycle.retiresOn} (${lifecycle.source})`,
  };
}

export const setupOnce = (s: OptionSettings): OneTimeCost => ({
  code: "tco.setup",
  label: "Setup and migration (one-time)",
  costUsd: s.selfHostSetupUsd,
  source: "catalog default selfHostSetupUsd (seeds/003_b115a8f15225916a.txt)",
});

/** TCO of an option rented per token from a vendor who retires models. */
export const vendorTco = (
  monthly: CostBreakdown,
  p: ResolvedProfile,
  s: OptionSettings,
  lifecycle?: Lifecycle,
): Tco =>
  totalCostOfOwnership({
    monthly,
    horizonMonths: p.horizonMonths,
    oneTime: [],
    recurring: [forcedMigration(s, lifecycle)],
  });

/** TCO of an option you run: setup once, no forced migrations (you pin the version). */
export const ownedTco = (
  monthly: CostBreakdown,
  p: ResolvedProfile,
  s: OptionSettings,
  vendorSide = false,
  lifecycle?: Lifecycle,
): Tco =>
  totalCostOfOwnership({
    monthly: withoutSetupAmortization(monthly),
    horizonMonths: p.horizonMonths,
    oneTime: [setupOnce(s)],
    recurring: vendorSide ? [forcedMigration(s, lifecycle)] : [],
  });

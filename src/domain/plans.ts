import type { MigrationPlan, OptionCost, Verdict } from "./advice.js";
import { SEED } from "./seeds.js";

const S002 = SEED.s002;
const S004 = SEED.s004;

/** 004's four phases for moving a production workload off a vendor model, with the names filled in. */
export function lifecyclePlan(current: string, target: OptionCost): MigrationPlan {
  const to = target.model;
  return {
    id: "plan.004-test-shadow-cutover-full",
    title: `Move from ${current} to ${to} (${target.deployment})`,
    source: `${S004} (Migration Strategy)`,
    phases: [
      {
        name: "Phase 1: Test",
        steps: [
          `Deploy ${to}: ${target.deployment}`,
          "Run your current prompts against it",
          "Run the test suite to validate accuracy",
          "Measure latency and throughput",
        ],
      },
      {
        name: "Phase 2: Shadow mode",
        steps: [
          `Call both ${current} and ${to}`,
          `Serve ${current}'s answer (production)`,
          `Log ${to}'s answers for comparison`,
          "Measure real-world discrepancies",
        ],
      },
      {
        name: "Phase 3: Cutover",
        steps: [
          `If ${to} meets the accuracy bar, make it primary`,
          `Keep ${current} as the fallback on errors`,
          "Monitor error rates",
        ],
      },
      {
        name: "Phase 4: Full migration",
        steps: [
          `Remove the ${current} fallback once stable`,
          "Pin the model version",
          "Retest only when you choose to upgrade",
        ],
      },
    ],
  };
}

/** 002's path for teams that start on APIs and grow: launch, prove, evaluate local, go hybrid. */
export function phasedGrowthPlan(): MigrationPlan {
  return {
    id: "plan.002-phased-growth",
    title: "Start with APIs, evaluate local models when scale justifies it",
    source: `${S002} (Migration Path; Success Strategy)`,
    phases: [
      { name: "Phase 1 (months 1-3)", steps: ["Build with APIs and launch quickly"] },
      {
        name: "Phase 2 (months 4-12)",
        steps: [
          "Prove the business model and gain customers",
          "Track API cost against revenue and call volume",
        ],
      },
      {
        name: "Phase 3 (month 13+)",
        steps: [
          "Evaluate local models once API costs pass 10% of revenue or volume passes 50,000 calls a month",
        ],
      },
      {
        name: "Phase 4",
        steps: ["Run a hybrid for cost optimization: APIs for quality, local models for volume"],
      },
    ],
  };
}

/**
 * Which plan applies: 004's phases when the recommendation moves the team off the model it runs
 * today; 002's growth path when the answer is "API for now" but volume or spend signals growth.
 */
export function choosePlan(
  verdict: Verdict,
  top: OptionCost | undefined,
  currentModel: string | null,
  currentIsHosted: boolean,
  growthSignals: boolean,
): MigrationPlan | null {
  if (
    top &&
    currentModel &&
    (verdict !== "api" || !currentIsHosted) &&
    top.modelId !== currentModel &&
    top.model !== currentModel
  ) {
    return lifecyclePlan(currentModel, top);
  }
  if ((verdict === "api" && growthSignals) || (verdict === "hybrid" && !currentModel))
    return phasedGrowthPlan();
  return null;
}

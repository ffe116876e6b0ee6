import { formatCompact, formatCount, formatUnitUsd, formatUsd } from "../domain/format.js";
import { VERDICT_LABEL } from "./answer-view.js";
import type { AdviceJson } from "./json.js";

/** What the buttons show, as words and figures every surface lays out its own way. */

export interface BreakdownSection {
  title: string;
  lines: string[];
  total: string;
}

type LineJson = AdviceJson["options"][number]["lineItems"][number];

/** "20M tokens at $0.15 per 1M tokens = $3.00 (source)". */
export function lineText(l: LineJson): string {
  const qty = l.unit.startsWith("1M ")
    ? `${formatCount(l.quantity)}M ${l.unit.slice(3)}`
    : `${formatCount(l.quantity)} × ${l.unit}`;
  const flag = l.flag === "price-not-found" ? " [price not found]" : "";
  return `${l.label}: ${qty} at ${formatUnitUsd(l.unitPriceUsd)} per ${l.unit} = ${formatUsd(l.costUsd)}${flag}`;
}

/** The top options' line items and their cost over the horizon. */
export function breakdownView(a: AdviceJson, maxOptions = 3): BreakdownSection[] {
  return a.options.slice(0, maxOptions).map((o, i) => ({
    title: `${i + 1}. ${o.model}: ${o.deployment}`,
    lines: [
      ...o.lineItems.map(lineText),
      `Over ${o.tco.horizonMonths} months: ${o.tco.lineItems.map((l) => `${l.label} ${formatUsd(l.costUsd)}`).join("; ")} = ${formatUsd(o.tco.totalUsd)} (${formatUsd(o.tco.perMonthUsd)} a month)`,
    ],
    total: `${formatUsd(o.monthlyCostUsd)} a month${o.priced ? "" : " (at least: a price is missing)"}`,
  }));
}

/** The migration plan's phases as lines, or why there is none. */
export function planLines(a: AdviceJson): { title: string; lines: string[] } {
  const plan = a.migrationPlan;
  if (!plan) {
    return {
      title: "No migration needed",
      lines: [`The recommendation (${VERDICT_LABEL[a.verdict]}) keeps what you run today; no plan applies.`],
    };
  }
  return {
    title: plan.title,
    lines: [
      ...plan.phases.flatMap((p) => [p.name, ...p.steps.map((s) => `• ${s}`)]),
      `Source: ${plan.source}`,
    ],
  };
}

/** A Profile change from a follow-up, as the understanding layer reports it. */
export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

const FIELD_WORDS: Record<string, string> = {
  requestsPerMonth: "volume",
  requestsPerDay: "daily volume",
  inputTokensPerRequest: "input tokens",
  cachedInputTokensPerRequest: "cached input tokens",
  outputTokensPerRequest: "output tokens",
  callsPerMonth: "calls",
  minutesPerCall: "minutes per call",
  currentModel: "current model",
  candidateModels: "models compared",
  horizonMonths: "horizon",
  monthlyBudgetUsd: "budget",
  monthlyRevenueUsd: "revenue",
};

function valueText(field: string, v: unknown): string {
  if (v === null || v === undefined) return "none";
  if (Array.isArray(v)) return v.length === 0 ? "none" : v.join(", ");
  if (typeof v === "number") {
    if (field === "requestsPerMonth" || field === "callsPerMonth") return `${formatCompact(v)} a month`;
    if (field.endsWith("Usd")) return formatUsd(v);
    if (field === "horizonMonths") return `${v} months`;
    return formatCount(v);
  }
  if (typeof v === "object") return Object.values(v as Record<string, unknown>).join(" × ");
  return String(v);
}

/**
 * "volume 500K a month → 1M a month: gpt-4o-mini (OpenAI API) $97.50 → $195.00 a month; verdict
 * unchanged (Proprietary API)": what a follow-up changed, and what that did to the answer.
 */
export function changeNote(changes: readonly FieldChange[], before: AdviceJson, after: AdviceJson): string {
  const what = changes.map(
    (c) => `${FIELD_WORDS[c.field] ?? c.field} ${valueText(c.field, c.from)} → ${valueText(c.field, c.to)}`,
  );
  const costs: string[] = [];
  for (const o of after.options.slice(0, 2)) {
    const prev =
      before.options.find((p) => p.id === o.id) ?? before.excludedOptions.find((p) => p.id === o.id);
    if (prev && prev.monthlyCostUsd !== o.monthlyCostUsd) {
      costs.push(
        `${o.model} (${o.deployment}) ${formatUsd(prev.monthlyCostUsd)} → ${formatUsd(o.monthlyCostUsd)} a month`,
      );
    }
  }
  const verdict =
    before.verdict === after.verdict
      ? `verdict unchanged (${VERDICT_LABEL[after.verdict]})`
      : `verdict ${VERDICT_LABEL[before.verdict]} → ${VERDICT_LABEL[after.verdict]}`;
  const head = what.length > 0 ? what.join(", ") : "nothing I could read changed";
  return `${head}: ${[...costs, verdict].join("; ")}`;
}

/** How to use the bot, with examples; the same words on every surface. */
export function helpLines(command: string): string[] {
  return [
    `Ask which LLM to run and where, and what it costs: \`${command} <question>\`.`,
    "Say what you know: volume, tokens, compliance, team, models. Anything missing is assumed and listed.",
    "Examples:",
    `• \`${command} 500k requests/month, 800 in / 200 out tokens, HIPAA, no ML team, on gpt-4o-mini today\``,
    `• \`${command} voice assistant, 5,000 calls a month, 3 minutes per call\``,
    `• \`${command} intent classification, 300k a month, we want to pin model versions\``,
    `• \`${command} what does shadow mode mean?\``,
    "Follow up in the answer's thread: “double the volume”, “what about GDPR?”, “use gpt-4o instead”, “we hired an ML team”.",
    "Buttons under each answer: cost breakdown, what if 10× or 0.1× the volume, migration plan, break-even chart, subscribe the channel to a cost digest.",
  ];
}

import type { CostBreakdown, LineItem } from "../domain/calc/line-items.js";
import { formatCount, formatUnitUsd, formatUsd } from "../domain/format.js";
import type { AnswerView } from "./answer-view.js";

/** Plain-text rendering for the terminal: sections a person scans top to bottom. */

const bullet = (lines: readonly string[], prefix = "  - ") => lines.map((l) => `${prefix}${l}`);

export function adviceText(v: AnswerView): string {
  const out: string[] = [v.headline, ""];
  out.push("Options (monthly bill; per month over the horizon, incl. setup and forced migrations):");
  for (const o of v.options) {
    out.push(`  ${o.rank}. [${o.verdictLabel}] ${o.model}: ${o.deployment}`);
    out.push(
      `     ${o.monthly} a month; ${o.perMonthOverHorizon} a month over the horizon${o.detail ? `; ${o.detail}` : ""}`,
    );
  }
  if (v.excluded.length > 0) out.push("", "Ruled out:", ...bullet(v.excluded));
  if (v.breakEven) out.push("", v.breakEven);
  if (v.deprecations.length > 0) out.push("", "Model retirements:", ...bullet(v.deprecations));
  out.push("", "Why:", ...v.reasons.map((r) => `  - ${r.rule}: ${r.text} (${r.source})`));
  if (v.conflicts.length > 0) out.push("", "Conflicts and how they were resolved:", ...bullet(v.conflicts));
  if (v.discrepancies.length > 0) {
    out.push("", "Where the seeds and the arithmetic disagree:");
    for (const d of v.discrepancies)
      out.push(`  - Claim: ${d.claim}`, `    Arithmetic: ${d.computed} (${d.source})`);
  }
  if (v.plan) {
    out.push("", `Migration plan: ${v.plan.title} (${v.plan.source})`);
    for (const p of v.plan.phases) out.push(`  ${p.name}`, ...bullet(p.steps, "    - "));
  }
  if (v.assumptions.length > 0) out.push("", "Assumptions (not in your question):", ...bullet(v.assumptions));
  if (v.issues.length > 0) out.push("", "Could not use:", ...bullet(v.issues));
  out.push("", v.footer);
  return out.join("\n");
}

/** Units whose plural is not "unit + s" or that read better without one. */
const PLURAL: Record<string, string> = { kWh: "kWh", once: "time(s)" };

/** "50M tokens" for a quantity counted in millions, "1,500 minutes" otherwise. */
export function quantityText(l: LineItem): string {
  const q = l.quantity.toDecimalPlaces(4);
  if (l.unit.startsWith("1M ")) return `${formatCount(q)}M ${l.unit.slice(3)}`;
  const unit = q.equals(1) ? l.unit : (PLURAL[l.unit] ?? `${l.unit}s`);
  return `${formatCount(q)} ${unit}`;
}

/** A bill as a table: label, quantity × unit price = cost, source. */
export function breakdownText(title: string, b: CostBreakdown): string {
  const out = [title];
  for (const l of b.lineItems) {
    const flag =
      l.flag === "price-not-found"
        ? "  [PRICE NOT FOUND]"
        : l.flag === "no-cached-price"
          ? "  [no cache price]"
          : "";
    out.push(
      `  ${l.label}: ${quantityText(l)} at ${formatUnitUsd(l.unitPriceUsd)} per ${l.unit} = ${formatUsd(l.costUsd)}${flag}`,
    );
    out.push(`      source: ${l.source}${l.note ? `; ${l.note}` : ""}`);
  }
  out.push(`  Total: ${formatUsd(b.monthlyCostUsd)}`);
  return out.join("\n");
}

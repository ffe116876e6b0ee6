import type { CostBreakdown } from "../domain/calc/line-items.js";
import { formatUnitUsd, formatUsd } from "../domain/format.js";
import type { AnswerView } from "./answer-view.js";
import { quantityText } from "./text.js";

/** Markdown rendering (GitHub-flavoured): for pasting into docs, issues and chat tools. */

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

/**
 * The answer in Markdown. `lead` (the summary) and `read` (what the question was read as, from
 * understoodLines) go right under the heading, as the terminal puts them at the top, each as a
 * block of its own so that no heading continues the list item above it.
 */
export function adviceMarkdown(v: AnswerView, extra: { lead?: string; read?: string } = {}): string {
  const out: string[] = [`## ${v.headline}`, ""];
  for (const block of [extra.lead, extra.read]) if (block) out.push(block, "");
  out.push(
    "| # | Deployment | Model | Where | Monthly | Per month over horizon |",
    "|---|---|---|---|---:|---:|",
  );
  for (const o of v.options) {
    out.push(
      `| ${o.rank} | ${cell(o.verdictLabel)} | ${cell(o.model)} | ${cell(o.deployment)} | ${cell(o.monthly)} | ${o.perMonthOverHorizon} |`,
    );
  }
  if (v.excluded.length > 0) out.push("", "**Ruled out**", ...v.excluded.map((e) => `- ${e}`));
  if (v.breakEven) out.push("", `**${v.breakEven}**`);
  if (v.deprecations.length > 0)
    out.push("", "### Model retirements", ...v.deprecations.map((d) => `- ${d}`));
  out.push("", "### Why", ...v.reasons.map((r) => `- \`${r.rule}\`: ${r.text} _(${r.source})_`));
  if (v.conflicts.length > 0) out.push("", "### Conflicts", ...v.conflicts.map((c) => `- ${c}`));
  if (v.discrepancies.length > 0) {
    out.push("", "### Where the seeds and the arithmetic disagree");
    for (const d of v.discrepancies)
      out.push(`- **Claim:** ${d.claim}  \n  **Arithmetic:** ${d.computed} _(${d.source})_`);
  }
  if (v.plan) {
    out.push("", `### Migration plan: ${v.plan.title}`, `_${v.plan.source}_`);
    for (const p of v.plan.phases) out.push(`1. **${p.name}**`, ...p.steps.map((s) => `   - ${s}`));
  }
  if (v.assumptions.length > 0) out.push("", "### Assumptions", ...v.assumptions.map((a) => `- ${a}`));
  if (v.issues.length > 0) out.push("", "### Could not use", ...v.issues.map((i) => `- ${i}`));
  out.push("", `_${v.footer}_`);
  return out.join("\n");
}

export function breakdownMarkdown(title: string, b: CostBreakdown): string {
  const out = [
    `## ${title}`,
    "",
    "| Line | Quantity | Unit price (per unit) | Cost | Source |",
    "|---|---:|---:|---:|---|",
  ];
  for (const l of b.lineItems) {
    const flag = l.flag === "price-not-found" ? " **(price not found)**" : "";
    out.push(
      `| ${cell(l.label)}${flag} | ${quantityText(l)} | ${formatUnitUsd(l.unitPriceUsd)} | ${formatUsd(l.costUsd)} | ${cell(l.source)} |`,
    );
  }
  out.push(`| **Total** | | | **${formatUsd(b.monthlyCostUsd)}** | |`);
  return out.join("\n");
}

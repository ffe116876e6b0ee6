import { formatCompact, formatCount, formatUnitUsd, formatUsd } from "../domain/format.js";
import { dec } from "../domain/money.js";
import type { DigestModel, DigestOption, Retirement, SpendSection } from "./model.js";

/**
 * The digest in words and formatted figures, computed once from the digest model so that Slack,
 * Teams and the terminal say the same thing (as render/answer-view.ts does for answers).
 */
export interface DigestView {
  title: string;
  subtitle: string;
  /** Short notification text. */
  summary: string;
  options: Array<{ rank: number; model: string; deployment: string; figure: string }>;
  changeHeading: string;
  changes: string[];
  breakEven: string | null;
  retirements: string[];
  spend: string | null;
  notes: string[];
  problems: string[];
  footer: string;
}

const signed = (v: number) => `${v > 0 ? "+" : v < 0 ? "−" : "±"}${formatUsd(Math.abs(v))}`;

/** "$300.00 a month (was $310.00; −$10.00: prices −$10.00)". */
function figure(o: DigestOption, compared: boolean): string {
  const now = o.priced ? formatUsd(o.monthlyCostUsd) : `at least ${formatUsd(o.monthlyCostUsd)}`;
  if (!compared) return `${now} a month`;
  if (o.previousMonthlyCostUsd === null) return `${now} a month (new since the last digest)`;
  const delta = dec(o.monthlyCostUsd).minus(o.previousMonthlyCostUsd);
  if (delta.isZero()) return `${now} a month (unchanged)`;
  const parts: string[] = [];
  const price = dec(o.priceEffectUsd ?? 0);
  const rest = delta.minus(price);
  if (!price.isZero()) parts.push(`prices ${signed(price.toNumber())}`);
  if (!rest.isZero()) parts.push(`volume ${signed(rest.toNumber())}`);
  return `${now} a month (was ${formatUsd(o.previousMonthlyCostUsd)}; ${signed(delta.toNumber())}: ${parts.join(", ")})`;
}

function volumeHeadline(m: DigestModel): string {
  const v = new Map(m.volume.map((x) => [x.field, x.value]));
  const calls = v.get("callsPerMonth");
  if (calls !== undefined)
    return `${formatCompact(calls)} calls a month × ${formatCount(v.get("minutesPerCall") ?? 0)} min`;
  const tokens = `${formatCount(v.get("inputTokensPerRequest") ?? 0)} in / ${formatCount(v.get("outputTokensPerRequest") ?? 0)} out tokens`;
  return `${formatCompact(v.get("requestsPerMonth") ?? 0)} requests a month, ${tokens}`;
}

const volumeValue = (field: string, v: number | null) =>
  v === null ? "none" : field.endsWith("PerMonth") ? formatCompact(v) : formatCount(v);

function changeLines(m: DigestModel): { heading: string; lines: string[] } {
  const c = m.change;
  if (c.kind === "first")
    return {
      heading: "First digest",
      lines: [c.note ?? "The next digest will show what changed since this one, and why."],
    };
  const heading = `Since the digest of ${c.since}`;
  if (c.causes.length === 0) return { heading, lines: ["No price or volume changed."] };
  const lines = [
    ...c.prices.map(
      (p) => `Price: ${p.label} ${formatUnitUsd(p.beforeUsd)} → ${formatUnitUsd(p.afterUsd)} per ${p.unit}`,
    ),
    ...c.volume.map(
      (v) => `Volume: ${v.label} ${volumeValue(v.field, v.before)} → ${volumeValue(v.field, v.after)}`,
    ),
  ];
  if (c.recommendedBefore !== c.recommendedAfter)
    lines.push(`Recommendation: ${c.recommendedBefore ?? "none"} → ${c.recommendedAfter ?? "none"}`);
  return { heading, lines };
}

function breakEvenLine(m: DigestModel): string | null {
  const b = m.breakEven;
  if (!b) return null;
  if (b.kind === "none") return `Break-even: none; ${b.reason}.`;
  const at = `${b.selfHostedModel} (self-hosted) costs the same as ${b.apiModel} at ${formatCount(b.requestsPerMonth)} requests a month${b.monthlyCostUsd === null ? "" : ` (${formatUsd(b.monthlyCostUsd)})`}`;
  const times = b.factor === null ? "" : `, ${b.factor}× ${b.kind}`;
  const where =
    b.kind === "below"
      ? `you are at ${formatCompact(b.currentRequestsPerMonth)}${times}`
      : `you are at ${formatCompact(b.currentRequestsPerMonth)}${times}: self-hosting is cheaper at your volume`;
  return `Break-even: ${at}; ${where}.`;
}

function retirementLine(r: Retirement): string {
  const replacement = r.replacement ? `; replacement: ${r.replacement}` : "";
  switch (r.status) {
    case "retired":
      return `${r.model} retired on ${r.retiresOn}${replacement}`;
    case "retiring":
      return `${r.model} retires on ${r.retiresOn} (in ${r.daysToRetirement} days)${replacement}`;
    case "deprecated":
      return `${r.model} is deprecated since ${r.deprecatedOn}${r.retiresOn ? ` and retires on ${r.retiresOn}` : ""}${replacement}`;
  }
}

function spendLine(s: SpendSection | null): { line: string | null; note: string | null } {
  if (!s) return { line: null, note: null };
  if (s.kind === "unavailable") return { line: null, note: `Actual spend is not shown: ${s.note}.` };
  return {
    line: `OpenAI spend ${s.from} to ${s.to} (${s.days} ${s.days === 1 ? "day" : "days"}): ${formatUsd(s.amountUsd)} actual; ${formatUsd(s.projectedUsd)} projected for ${s.projectedFor} (${formatUsd(s.projectedMonthlyUsd)} a month × ${s.days} / ${s.daysPerMonth}).`,
    note: s.note ? `Actual spend: ${s.note}.` : null,
  };
}

export function digestView(m: DigestModel): DigestView {
  const compared = m.change.kind === "compared";
  const change = changeLines(m);
  const spend = spendLine(m.spend);
  const top = m.options[0];
  const footer = `Subscription ${m.subscriptionId}, ${m.scheduleLabel}. Stop it with: digest off ${m.subscriptionId}`;
  if (m.problems.length > 0) {
    return {
      title: "LLM cost digest: could not be computed",
      subtitle: `Period of ${m.today}`,
      summary: "LLM cost digest: the subscribed question could not be priced",
      options: [],
      changeHeading: change.heading,
      changes: [],
      breakEven: null,
      retirements: [],
      spend: null,
      notes: [],
      problems: m.problems,
      footer,
    };
  }
  const moved = m.change.kind === "compared" && m.change.causes.length > 0;
  return {
    title: `LLM cost digest: ${volumeHeadline(m)}`,
    subtitle: `Period of ${m.today} · hosted prices as of ${m.pricesAsOf}${m.overridesAsOf ? `; overrides as of ${m.overridesAsOf}` : ""} · ${m.scheduleLabel}`,
    summary: top
      ? `LLM cost digest: ${top.model} at ${formatUsd(top.monthlyCostUsd)} a month${moved ? " (changed since the last digest)" : ""}`
      : "LLM cost digest: no option could be priced",
    options: m.options.map((o, i) => ({
      rank: i + 1,
      model: o.model,
      deployment: o.deployment,
      figure: figure(o, compared),
    })),
    changeHeading: change.heading,
    changes: change.lines,
    breakEven: breakEvenLine(m),
    retirements: m.retirements.map(retirementLine),
    spend: spend.line,
    notes: [...m.issues.map((i) => `Could not use: ${i}`), ...(spend.note ? [spend.note] : [])],
    problems: [],
    footer,
  };
}

/** The whole digest as plain text (the CLI's preview). */
export function digestText(m: DigestModel): string {
  const v = digestView(m);
  const out = [v.title, v.subtitle, ""];
  if (v.problems.length > 0)
    out.push("This digest could not be computed:", ...v.problems.map((p) => `  - ${p}`));
  if (v.options.length > 0)
    out.push(
      "Options (monthly bill):",
      ...v.options.map((o) => `  ${o.rank}. ${o.model}, ${o.deployment}: ${o.figure}`),
    );
  if (v.changes.length > 0) out.push("", `${v.changeHeading}:`, ...v.changes.map((c) => `  - ${c}`));
  if (v.breakEven) out.push("", v.breakEven);
  if (v.retirements.length > 0) out.push("", "Model retirements:", ...v.retirements.map((r) => `  - ${r}`));
  if (v.spend) out.push("", v.spend);
  for (const n of v.notes) out.push("", n);
  out.push("", v.footer);
  return out.join("\n");
}

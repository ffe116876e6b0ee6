import { type Conflict, type FiredRule, type OptionCost, VERDICTS, type Verdict } from "../advice.js";
import { COST_RULES } from "./cost-rules.js";
import { HARD_RULES } from "./hard-rules.js";
import { PROFILE_RULES } from "./profile-rules.js";
import { isHard, type Rule, type RuleContext, type Scores } from "./types.js";

/** Every rule, hard ones first; adding a rule means adding it to one of these lists (STYLE 28). */
export const RULES: readonly Rule[] = [...HARD_RULES, ...PROFILE_RULES, ...COST_RULES];

export interface Decision {
  verdict: Verdict;
  allowed: ReadonlySet<Verdict>;
  /** Which hard rule removed each verdict that is no longer allowed. */
  excludedBy: Partial<Record<Verdict, string>>;
  totals: Partial<Record<Verdict, number>>;
  fired: FiredRule[];
  conflicts: Conflict[];
}

const cheaper = (a: OptionCost | undefined, b: OptionCost | undefined): number => {
  if (!a) return 1;
  if (!b) return -1;
  return a.tco.perMonthUsd.comparedTo(b.tco.perMonthUsd);
};

function describeScores(scores: Scores): string {
  const parts = VERDICTS.filter((v) => scores[v] !== undefined && scores[v] !== 0).map(
    (v) => `${(scores[v] ?? 0) > 0 ? "+" : ""}${scores[v]} ${v}`,
  );
  return parts.length > 0 ? parts.join(", ") : "informs";
}

/** The verdict a rule's scores favour most, if any is positive. */
function favoured(scores: Scores): Verdict | null {
  let best: Verdict | null = null;
  for (const v of VERDICTS) {
    const s = scores[v] ?? 0;
    if (s > 0 && (best === null || s > (scores[best] ?? 0))) best = v;
  }
  return best;
}

const fire = (r: Rule, ctx: RuleContext, effect: string): FiredRule => ({
  rule: r.id,
  factor: r.factor,
  rationale: r.rationale,
  source: r.source,
  effect,
  evidence: r.evidence ? r.evidence(ctx) : {},
});

/**
 * Runs the rules: hard rules narrow the verdicts (a clash goes to the higher priority and is reported),
 * soft rules score what is left, the highest total wins and a tie goes to the cheaper option.
 * `withAllowed` rebuilds the context once the allowed set is known, so cost rules see only eligible options.
 */
export function decide(
  base: RuleContext,
  withAllowed: (allowed: ReadonlySet<Verdict>) => RuleContext,
  rules: readonly Rule[] = RULES,
): Decision {
  const feasible = new Set(VERDICTS.filter((v) => base.options.some((o) => o.verdict === v)));
  let allowed = new Set(feasible);
  const excludedBy: Partial<Record<Verdict, string>> = {};
  const fired: FiredRule[] = [];
  const conflicts: Conflict[] = [];
  const narrowedBy: string[] = [];

  const hard = rules.filter(isHard).sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0));
  for (const r of hard) {
    if (!r.when(base)) continue;
    const next = new Set(
      [...allowed].filter(
        (v) => (r.require ? r.require.includes(v) : true) && !(r.exclude ?? []).includes(v),
      ),
    );
    const effect = r.require
      ? `requires ${r.require.join(" | ")}`
      : `excludes ${(r.exclude ?? []).join(", ")}`;
    if (next.size === 0) {
      conflicts.push({
        rules: [r.id, ...narrowedBy],
        summary: `${r.id} would leave no option once ${narrowedBy.join(", ") || "feasibility"} applied`,
        resolution: `kept the higher-priority constraint; ${r.id} not applied`,
        winner: narrowedBy[0] ?? "feasibility",
      });
      fired.push(fire(r, base, `${effect} (overridden)`));
      continue;
    }
    for (const v of allowed) if (!next.has(v)) excludedBy[v] = r.id;
    allowed = next;
    narrowedBy.push(r.id);
    fired.push(fire(r, base, effect));
  }

  const ctx = withAllowed(allowed);
  const totals: Partial<Record<Verdict, number>> = Object.fromEntries([...allowed].map((v) => [v, 0]));
  const softScores = new Map<string, Scores>();
  for (const r of rules.filter((x) => !isHard(x))) {
    if (!r.when(ctx)) continue;
    const scores = r.scores ? r.scores(ctx) : {};
    softScores.set(r.id, scores);
    for (const v of allowed) totals[v] = (totals[v] ?? 0) + (scores[v] ?? 0);
    fired.push(fire(r, ctx, describeScores(scores)));
  }

  const ranked = [...allowed].sort(
    (a, b) => (totals[b] ?? 0) - (totals[a] ?? 0) || cheaper(ctx.cheapest[a], ctx.cheapest[b]),
  );
  const verdict = ranked[0] ?? "api";
  conflicts.push(...softConflicts(verdict, allowed, excludedBy, totals, softScores, ctx));
  return { verdict, allowed, excludedBy, totals, fired, conflicts };
}

function softConflicts(
  verdict: Verdict,
  allowed: ReadonlySet<Verdict>,
  excludedBy: Partial<Record<Verdict, string>>,
  totals: Partial<Record<Verdict, number>>,
  softScores: Map<string, Scores>,
  ctx: RuleContext,
): Conflict[] {
  const conflicts: Conflict[] = [];
  const byFavoured = new Map<Verdict, string[]>();
  for (const [id, scores] of softScores) {
    const f = favoured(scores);
    if (f) byFavoured.set(f, [...(byFavoured.get(f) ?? []), id]);
  }
  const winners = byFavoured.get(verdict) ?? [];
  for (const [v, ids] of byFavoured) {
    if (v === verdict) continue;
    if (!allowed.has(v)) {
      const hard = excludedBy[v] ?? "feasibility";
      conflicts.push({
        rules: [...ids, hard],
        summary: `${ids.join(", ")} favour ${v}, which ${hard} rules out`,
        resolution: `the hard constraint ${hard} wins`,
        winner: hard,
      });
      continue;
    }
    const tie = (totals[v] ?? 0) === (totals[verdict] ?? 0);
    const cost = (o: OptionCost | undefined) =>
      o ? ` at ${o.tco.perMonthUsd.toDecimalPlaces(2).toFixed(2)} USD a month` : "";
    conflicts.push({
      rules: [...ids, ...winners],
      summary: `${ids.join(", ")} favour ${v}; ${winners.join(", ") || "the totals"} favour ${verdict}`,
      resolution: tie
        ? `tie at ${totals[v]} points: the cheaper wins, ${verdict}${cost(ctx.cheapest[verdict])} over ${v}${cost(ctx.cheapest[v])}`
        : `${verdict} scores ${totals[verdict]} against ${v} ${totals[v]}`,
      winner: verdict,
    });
  }
  return conflicts;
}

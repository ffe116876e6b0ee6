import type { Advice } from "../domain/advice.js";
import type { Facts } from "./facts.js";
import { isRoundingOf, type NumberMention, numberMentions } from "./number-mentions.js";
import { modelSpellings, namePattern, sentences } from "./text-parts.js";

/**
 * Who each amount of the facts belongs to: an option's model owns its monthly bill, the break-even's
 * two sides own its cost. An answer that names a model and an amount in one clause must give that
 * model its own amount, so "$360.00", the runner-up's bill, cannot be said of the top option.
 */
export interface MoneyOwners {
  names: Array<{ pattern: RegExp; values: number[]; breakEvenSide: boolean }>;
  breakEven: number[];
}

const amounts = (s: string) => numberMentions(s).flatMap((m) => (m.kind === "money" ? [m.value] : []));

/** Side names of the break-even, from the Advice: the facts write them with their deployment. */
function breakEvenSides(a: Advice): string[] {
  const be = a.breakEven;
  if (!be) return [];
  const all = [...a.options, ...a.excluded.map((e) => e.option)];
  return [be.selfHostedOptionId, be.apiOptionId].flatMap((id) => {
    const o = all.find((x) => x.id === id);
    return o ? [o.model] : [];
  });
}

export function moneyOwners(a: Advice, facts: Facts): MoneyOwners {
  const byName = new Map<string, { values: number[]; breakEvenSide: boolean; name: string }>();
  const own = (model: string, values: number[], breakEvenSide: boolean) => {
    for (const name of modelSpellings(model)) {
      const key = name.toLowerCase();
      const entry = byName.get(key) ?? { values: [], breakEvenSide: false, name };
      entry.values.push(...values);
      entry.breakEvenSide ||= breakEvenSide;
      byName.set(key, entry);
    }
  };
  for (const o of facts.options) own(o.model, amounts(o.monthly), false);
  for (const side of breakEvenSides(a)) own(side, [], true);
  for (const r of facts.retirements) for (const m of [r.model, r.replacement ?? ""]) if (m) own(m, [], false);
  const names = [...byName.values()]
    .sort((x, y) => y.name.length - x.name.length)
    .map((e) => ({
      pattern: namePattern(e.name),
      values: e.values,
      breakEvenSide: e.breakEvenSide,
    }));
  const be = facts.breakEven;
  return { names, breakEven: be && "monthlyCost" in be ? amounts(be.monthlyCost) : [] };
}

interface Span {
  start: number;
  end: number;
  owner: MoneyOwners["names"][number];
}

function modelSpans(text: string, owners: MoneyOwners): Span[] {
  const spans: Span[] = [];
  for (const owner of owners.names)
    for (const m of text.matchAll(owner.pattern)) {
      const span = { start: m.index, end: m.index + m[0].length, owner };
      // Names are tried longest first: a shorter one inside a longer one is the same mention.
      if (!spans.some((s) => span.start < s.end && s.start < span.end)) spans.push(span);
    }
  return spans;
}

/** The clauses of a text: its sentences cut at semicolons. */
function clauses(text: string): Array<{ start: number; end: number }> {
  return sentences(text).flatMap((s) => {
    const out: Array<{ start: number; end: number }> = [];
    let start = s.start;
    for (const part of s.text.split(/(?<=;)/)) {
      out.push({ start, end: start + part.length });
      start += part.length;
    }
    return out;
  });
}

/**
 * The amounts a text gives to a model that does not own them: an amount must belong to the nearest
 * model named before it in its clause or to the nearest after it; an amount in a clause that names
 * no model is checked against the whole pool only.
 */
export function misattributed(text: string, mentions: NumberMention[], owners: MoneyOwners): NumberMention[] {
  const money = mentions.filter((m) => m.kind === "money");
  if (money.length === 0 || owners.names.length === 0) return [];
  const spans = modelSpans(text, owners);
  const cs = clauses(text);
  return money.filter((m) => {
    const c = cs.find((x) => m.index >= x.start && m.index < x.end);
    if (!c) return false;
    const inClause = spans.filter((s) => s.start >= c.start && s.end <= c.end);
    const before = inClause.filter((s) => s.end <= m.index).sort((x, y) => y.end - x.end)[0];
    const after = inClause.filter((s) => s.start > m.index).sort((x, y) => x.start - y.start)[0];
    const neighbours = [before, after].flatMap((s) => (s ? [s.owner] : []));
    if (neighbours.length === 0) return false;
    const breakEvenClause = /break[- ]?even|costs? the same/i.test(text.slice(c.start, c.end));
    // "A costs $110.00" and "$360.00 for B" read both ways: the amount may be either neighbour's.
    return !neighbours.some((owner) =>
      [...owner.values, ...(owner.breakEvenSide || breakEvenClause ? owners.breakEven : [])].some((v) =>
        isRoundingOf(m, v),
      ),
    );
  });
}

import { NUM, roundCents } from "./numbers.js";
import { addFact, addNote, groupNumber, PERIOD, periodOf, type ReadContext, rx } from "./reading.js";

/**
 * Money typed without a currency sign: "we make 40k a month", "our revenue is 40k a month",
 * "spend no more than 3k a month", "we pay 800 a month for GPUs". A money word near a bare
 * figure makes it money (budget or revenue) or, when the Profile has no field for it (what is
 * spent today), a note: never a request volume.
 */

const REVENUE_NOUN = `(?:revenue|mrr|arr|income|turnover|sales)`;
const REVENUE_VERB = String.raw`(?:earn(?:s|ed|ing)?|make|makes|making|made|bring(?:s|ing)?\s+in|brought\s+in|gross(?:es|ed|ing)?)`;
const BUDGET_WORD = String.raw`(?:budget(?:s|ed)?|afford|(?:spend|pay)\s+(?:at\s+most|up\s+to|no\s+more\s+than|not\s+more\s+than|under|less\s+than|max(?:imum)?)|capped\s+at)`;
const SPEND_WORD = `(?:spend(?:s|ing)?|spent|pay(?:s|ing)?|paid|costs?|costing|bill(?:s|ed)?|invoices?|invoiced|salar(?:y|ies)|charge[sd]?|fees?)`;
/** Every word that makes a nearby figure money. */
export const MONEY_WORD = `(?:${BUDGET_WORD}|${REVENUE_NOUN}|${REVENUE_VERB}|${SPEND_WORD})`;

const AMOUNT = String.raw`(?:[$€£]\s?|(?:usd|us\$)\s?)?(?<amount>${NUM})(?:\s?(?:usd|dollars|bucks)(?![a-z]))?`;
/** Up to three plain words between the money word and the figure; "cost at 500k" and "pay for 800" name what is bought. */
const BETWEEN = String.raw`(?:\s+(?!(?:at|for|with|by|per|on|from)\b)[a-z'’~]+){0,3}\s*[:=~]?\s+`;
/** What may follow the figure: the end of a clause or a linking word, never a counted noun ("40k requests"). */
const AFTER = String.raw`(?=\s*(?:$|[,.;:!?)\n])|\s+(?:and|but|or|on|for|in|from|with|to|of|so|which|that|because|while|as|into|via|total|overall|now|today|currently|already|right|roughly|usd|dollars|revenue|mrr|arr|income|budget|we|our|it|is|are|if|what|how|should|would|could|can)\b)`;

type Kind = "budget" | "revenue" | "spend";

const PATTERNS: ReadonlyArray<[Kind, string]> = [
  // "40k a month revenue", "40k a month in revenue", "3k a month budget".
  [
    "revenue",
    String.raw`${AMOUNT}(?<period>${PERIOD})?\s+(?:in\s+|of\s+)?(?:(?<adj>monthly|annual|yearly|recurring)\s+)?(?<word>${REVENUE_NOUN})(?![a-z])`,
  ],
  [
    "budget",
    String.raw`${AMOUNT}(?<period>${PERIOD})?\s+(?:(?<adj>monthly|annual|yearly|total)\s+)?(?<word>budget)(?![a-z])`,
  ],
  ["budget", String.raw`(?<![\w])(?<word>${BUDGET_WORD})${BETWEEN}${AMOUNT}(?<period>${PERIOD})?${AFTER}`],
  [
    "revenue",
    String.raw`(?<![\w])(?<word>${REVENUE_NOUN}|${REVENUE_VERB})(?![a-z])${BETWEEN}${AMOUNT}(?<period>${PERIOD})?${AFTER}`,
  ],
  [
    "spend",
    String.raw`(?<![\w])(?<word>${SPEND_WORD})(?![a-z])${BETWEEN}${AMOUNT}(?<period>${PERIOD})?${AFTER}`,
  ],
];

/** Dollars a month, or why not: a day's or an hour's money is refused rather than guessed. */
function perMonth(m: RegExpExecArray, amount: number): { value: number; note?: string } | string {
  const said = `${m.groups?.period ?? ""} ${m.groups?.adj ?? ""} ${m.groups?.word ?? ""}`;
  const period = periodOf(said);
  if (period === undefined) return { value: amount, note: "dollars a month: no period was given" };
  if (period === "month") return { value: amount, note: "dollars" };
  if (period === "year")
    return { value: roundCents(amount / 12), note: "dollars, ÷ 12 from a yearly figure" };
  if (period === "week")
    return { value: roundCents((amount * 52) / 12), note: "dollars, × 52 ÷ 12 from a weekly figure" };
  return "money, not a volume: give it per month or per year";
}

/** Reads money typed without "$"; runs after the "$" readers and before any volume reader. */
export function readBareMoney(ctx: ReadContext): void {
  for (const [kind, source] of PATTERNS) {
    ctx.spans.each(rx(source), (m) => {
      const amount = groupNumber(m, "amount");
      if (amount === undefined) return false;
      if (kind === "spend") {
        addNote(
          ctx,
          m,
          'money, not a request volume: what you spend today is not an input; give the volume, e.g. "500k requests a month"',
        );
        return true;
      }
      const v = perMonth(m, amount);
      if (typeof v === "string") {
        addNote(ctx, m, v);
        return true;
      }
      const field = kind === "budget" ? "monthlyBudgetUsd" : "monthlyRevenueUsd";
      addFact(ctx, m, field, v.value, v.note ? { note: v.note } : {});
      return true;
    });
  }
}

const MONEY_NEAR_BEFORE = new RegExp(
  String.raw`(?:^|[^a-z])${MONEY_WORD}(?:\s+(?!(?:at|for|with|by|per|on|from)\b)[a-z'’~$]+){0,4}\s*$`,
  "i",
);
const MONEY_NEAR_AFTER = new RegExp(
  String.raw`^\s*(?:[a-z'’~]+\s+){0,2}?(?:in\s+)?${MONEY_WORD}(?![a-z])`,
  "i",
);

/** True when a money word stands within a few words of [start, end) in the same clause. */
export function moneyNear(text: string, start: number, end: number): boolean {
  const before = (
    text
      .slice(Math.max(0, start - 60), start)
      .split(/[,;:.!?()\n]/)
      .pop() ?? ""
  ).trimEnd();
  const after = text.slice(end, end + 40).split(/[,;:.!?()\n]/)[0] ?? "";
  return MONEY_NEAR_BEFORE.test(before) || MONEY_NEAR_AFTER.test(after);
}

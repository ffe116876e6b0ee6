import { NUM, roundCents } from "./numbers.js";
import { addFact, addNote, groupNumber, PERIOD, periodOf, type ReadContext, rx } from "./reading.js";

/** Budget, revenue, horizon and peak: figures whose unit is money, time span or a ratio. */

const MONEY = String.raw`(?:\$\s?(?<amount>${NUM})|(?:usd|us\$)\s?(?<amount2>${NUM})|(?<amount3>${NUM})\s?(?:usd|dollars|bucks|\$)(?![a-z]))`;
const APPROX = String.raw`(?:\s*(?:about|around|roughly|approximately|~|under|below|up\s+to|at\s+most|max(?:imum)?|no\s+more\s+than|less\s+than))?`;
/** "budget of", "revenue is", "budget drops to": words between the noun and the amount. */
const LINK = String.raw`(?:\s+(?:of|is|at|around|about|will\s+be|would\s+be|becomes|(?:drops?|falls?|goes|grows?|increases?|rises?|is\s+cut|changes?|moves?)\s+to|to)|\s*[:=~])*`;
const MONTHLY = String.raw`(?:(?<adj>monthly|annual|yearly|weekly)\s+)?`;

const BUDGET = [
  String.raw`${MONTHLY}budget(?:\s+for\s+(?:this|it|the\s+llm|ai))?${LINK}${APPROX}\s*${MONEY}(?<period>${PERIOD})?`,
  String.raw`${MONEY}(?<period>${PERIOD})?\s+(?:${MONTHLY})?(?:total\s+)?budget`,
  String.raw`(?:spend|pay|afford)\s+(?:at\s+most|up\s+to|no\s+more\s+than|under|less\s+than|max(?:imum)?|about|around)\s+${MONEY}(?<period>${PERIOD})?`,
];

const REVENUE_WORD = `(?:revenue|mrr|arr|income|turnover|sales)`;
const REVENUE = [
  String.raw`${MONTHLY}(?<word>${REVENUE_WORD})${LINK}${APPROX}\s*${MONEY}(?<period>${PERIOD})?`,
  String.raw`${MONEY}(?<period>${PERIOD})?\s+(?:in\s+)?${MONTHLY}(?<word>${REVENUE_WORD})`,
  String.raw`(?:make|makes|making|earn|earns|earning|bring\s+in|brings\s+in|generate|generates|gross|grosses)${APPROX}\s*${MONEY}(?<period>${PERIOD})?`,
];

function amountOf(m: RegExpExecArray): number | undefined {
  return groupNumber(m, "amount") ?? groupNumber(m, "amount2") ?? groupNumber(m, "amount3");
}

/** Money a month from a figure and the period around it; a yearly figure is divided by 12. */
function monthly(m: RegExpExecArray, amount: number): { value: number; note?: string } | undefined {
  const period =
    periodOf(`${m.groups?.period ?? ""} ${m.groups?.adj ?? ""} ${m.groups?.word ?? ""}`) ?? "month";
  if (period === "month") return { value: amount };
  if (period === "year") return { value: roundCents(amount / 12), note: "÷ 12 from a yearly figure" };
  if (period === "week")
    return { value: roundCents((amount * 52) / 12), note: "× 52 ÷ 12 from a weekly figure" };
  return undefined;
}

function readMoney(
  ctx: ReadContext,
  patterns: string[],
  field: "monthlyBudgetUsd" | "monthlyRevenueUsd",
): void {
  for (const source of patterns) {
    ctx.spans.each(rx(source), (m) => {
      const amount = amountOf(m);
      if (amount === undefined) return false;
      const v = monthly(m, amount);
      if (!v) {
        addNote(ctx, m, "give it per month or per year");
        return true;
      }
      addFact(ctx, m, field, v.value, v.note ? { note: v.note } : {});
      return true;
    });
  }
}

const HORIZON = [
  String.raw`(?:over|for|across|horizon\s+of|during)\s+(?:the\s+)?(?:next\s+)?(?:(?<n>${NUM})|(?<a>an?|one|two|three|four|five|six|ten))[\s-]*(?<unit>years?|yrs?|months?|mos?)(?![a-z])`,
  String.raw`(?<n>${NUM})[\s-]*(?<unit>years?|yrs?|months?|mos?)[\s-]+(?:horizon|tco|period|term|outlook|window|plan|total\s+cost)`,
  String.raw`(?:what|how)\s+about\s+(?:(?<n>${NUM})|(?<a>an?|one|two|three|four|five|six|ten))[\s-]*(?<unit>years?|yrs?|months?|mos?)(?![a-z])`,
  String.raw`(?:horizon|tco|time\s+frame|timeframe)(?:\s+(?:of|is|over)|\s*[:=])*\s*(?<n>${NUM})[\s-]*(?<unit>years?|yrs?|months?|mos?)(?![a-z])`,
];

const WORD_COUNTS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  ten: 10,
};

function readHorizon(ctx: ReadContext): void {
  for (const source of HORIZON) {
    ctx.spans.each(rx(source), (m) => {
      const word = m.groups?.a?.toLowerCase();
      const n = groupNumber(m, "n") ?? (word === undefined ? undefined : WORD_COUNTS[word]);
      if (n === undefined) return false;
      const years = /^y/i.test(m.groups?.unit ?? "");
      addFact(ctx, m, "horizonMonths", years ? n * 12 : n, years ? { note: "× 12 months a year" } : {});
      return true;
    });
  }
}

const TIMES = String.raw`(?:\s*(?:x|×)(?![a-z])|\s+times)`;
const AVERAGE = String.raw`(?:the\s+)?(?:average|avg|mean|normal|baseline|usual)(?:\s+(?:traffic|load|volume))?`;
const PEAK = [
  String.raw`peaks?(?:\s+(?:traffic|load|volume|usage|hour))?(?:\s+(?:is|are|of|at|reaches|hits|around|about|runs\s+at|goes\s+to)|\s*[:=~])*\s*(?<n>${NUM})${TIMES}(?:\s+${AVERAGE})?`,
  String.raw`(?<n>${NUM})${TIMES}(?:\s+${AVERAGE})?\s+(?:at|during|in|on)\s+(?:the\s+)?peaks?`,
  String.raw`(?<n>${NUM})${TIMES}\s+peaks?`,
  String.raw`peak[\s-]*(?:to|-|\/)[\s-]*(?:average|avg|mean)(?:\s+ratio)?(?:\s+(?:of|is)|\s*[:=])*\s*(?<n>${NUM})(?:${TIMES})?`,
];

function readPeak(ctx: ReadContext): void {
  for (const source of PEAK) {
    ctx.spans.each(rx(source), (m) => {
      const n = groupNumber(m, "n");
      if (n === undefined) return false;
      addFact(ctx, m, "peakToAverageRatio", n);
      return true;
    });
  }
}

/** Reads budget, revenue, peak ratio and horizon, before any bare number can be taken for a volume. */
export function readMoneyAndTime(ctx: ReadContext): void {
  readMoney(ctx, BUDGET, "monthlyBudgetUsd");
  readMoney(ctx, REVENUE, "monthlyRevenueUsd");
  readPeak(ctx);
  readHorizon(ctx);
}

import { moneyNear } from "./extract-bare-money.js";
import { formatNumber, NUM, RANGE_END } from "./numbers.js";
import { addFact, addNote, groupNumber, PERIOD, periodOf, type ReadContext, rx } from "./reading.js";

/** Request volume: "500k requests/month", "10k calls a day", "what if volume is 2M?", "50 rps". */

/** Images counted as requests are a vision workload too. */
const IMAGE_NOUN = "(?:images?|photos?|pictures?|screenshots?|scans?)";

/** Things people count that each cost one LLM request. */
const VOLUME_NOUN = `(?:requests?|reqs?|calls?|messages?|msgs?|queries|query|conversations?|chats?|tickets?|documents?|docs?|completions?|inferences?|interactions?|emails?|sessions?|transactions?|prompts?|generations?|hits|lookups?|searches|questions|${IMAGE_NOUN}|pages?|files?|pdfs?|receipts?|forms?|records?|articles?|reviews?|transcripts?|chunks?|summaries|translations?|predictions?|classifications?)`;
const ADJ = String.raw`(?:(?:api|llm|ai|gpt|model|user|customer|support|inbound|outbound|incoming|phone|voice|chat|search|inference|daily|monthly|weekly|yearly|total|new|more|extra|additional|such)\s+){0,2}`;
const RANGE = String.raw`(?:\s*(?:-|–|to)\s*(?<b>${RANGE_END}))?`;
const BE = String.raw`(?:\s+(?:is|are|of|at|around|about|will\s+be|would\s+be|becomes|goes\s+to|grows\s+to|increases\s+to|rises\s+to|drops\s+to|falls\s+to|reaches|hits|to|roughly|approximately)|\s*[:=~]){1,3}`;

/** "requests of 800 tokens" is a request size, "volume is 3x" a ratio: not volumes. */
const NOT_UNIT = String.raw`(?!\s*(?:tokens?|minutes?|mins?|gpus?|%|x|×|times|seconds?|hours?|days?|weeks?|months?|years?|ms|chars?|characters?|words?)(?![a-z]))`;

/** "$3k/month" is money and "10k daily active users" are people, not requests. */
const NOT_MONEY = String.raw`(?<![$€£]\s?)`;
const NOT_PEOPLE = String.raw`(?!\s*(?:(?:daily|monthly|weekly)\s+)?(?:active\s+)?(?:users?|customers?|visitors?|employees?|people|seats?|members?|tenants?|accounts?|subscribers?|dau|mau)\b)`;

const PEOPLE = String.raw`(?:(?:daily|monthly|weekly)\s+)?(?:active\s+)?(?:users?|customers?|employees?|people|agents?|members?|students?|clients?|subscribers?|visitors?|staff|reps?|doctors?|patients?)`;
const DO = `(?:send|make|ask|submit|have|do|run|generate|write|create|open|start|upload|trigger)s?`;
/** "1,000 users send 20 messages a day": people times what each one does. */
const PER_PERSON = String.raw`(?<people>${NUM})\s+${PEOPLE}(?:\s+(?:each|who|that))?\s+${DO}\s+(?:about\s+|around\s+|roughly\s+|~\s*)?(?<a>${NUM})\s*(?<adj>${ADJ})(?<noun>${VOLUME_NOUN})(?![a-z])(?:\s+each)?(?<period>${PERIOD})?(?:\s+each)?`;

/** "peak of 50 rps", "50 rps at peak", "bursts to 50 rps": the rate is the peak, not the average. */
const PEAK_BEFORE = String.raw`(?:(?<peak>peaks?|peaking|max(?:imum)?|bursts?|bursting|spikes?)(?:\s+(?:of|at|is|around|about|to|reaches|hits|up\s+to))?\s*)?`;
const PEAK_AFTER = String.raw`(?:\s+(?<peak2>(?:at\s+|during\s+)?(?:the\s+)?(?:peak|max(?:imum)?|burst|busiest\s+(?:hour|time))))?`;

const PATTERNS = [
  String.raw`${PEAK_BEFORE}(?<a>${NUM})\s*(?:(?:per|a|an)\s+second|\/\s*s(?:ec)?)?\s*(?:rps|qps|req(?:uest)?s?\s*\/\s*s(?:ec)?|(?:requests?|queries|calls)\s+(?:per|a|each)\s+second)(?![a-z])${PEAK_AFTER}(?![a-z])`,
  PER_PERSON,
  String.raw`${NOT_MONEY}(?<a>${NUM})${RANGE}\s*(?<adj>${ADJ})(?<noun>${VOLUME_NOUN})(?![a-z])(?<period>${PERIOD})?`,
  String.raw`(?:(?<adj>monthly|daily|weekly|yearly|annual)\s+)?(?:volume|traffic|load|usage|throughput)(?:\s+(?:per|a)\s+(?:month|day))?${BE}\s*(?<a>${NUM})${RANGE}${NOT_UNIT}(?:\s*(?<noun>${VOLUME_NOUN})(?![a-z]))?(?<period>${PERIOD})?`,
  String.raw`(?<adj>${ADJ})(?<noun>${VOLUME_NOUN})(?<period>${PERIOD})?${BE}\s*(?<a>${NUM})${RANGE}${NOT_UNIT}(?<period2>${PERIOD})?`,
  `${NOT_MONEY}(?<a>${NUM})${RANGE}(?<period>${PERIOD})${NOT_PEOPLE}`,
];

const SECONDS_A_DAY = 86_400;

/** Reads request volumes into requestsPerMonth or requestsPerDay; calls are marked for voice. */
export function readVolume(ctx: ReadContext): void {
  for (const source of PATTERNS) {
    ctx.spans.each(rx(source), (m) => {
      const a = groupNumber(m, "a");
      const b = groupNumber(m, "b");
      const people = groupNumber(m, "people");
      const each = b ?? a;
      if (each === undefined) return false;
      const typed = each * (people ?? 1);
      const bare = source === PATTERNS[PATTERNS.length - 1];
      if (bare && moneyNear(ctx.spans.text, m.index, m.index + m[0].length)) {
        addNote(ctx, m, 'money or a volume? say "$40k revenue a month" or "40k requests a month"');
        return true;
      }
      const g = m.groups ?? {};
      const noun = (g.noun ?? "").toLowerCase();
      const adj = (g.adj ?? "").toLowerCase();
      const range =
        b !== undefined
          ? "the upper end of the range"
          : people !== undefined
            ? `${formatNumber(people)} × ${formatNumber(each)}`
            : undefined;
      const isRate = source === PATTERNS[0];
      const said = periodOf(`${g.period ?? ""} ${g.period2 ?? ""} ${adj}`);
      const saidPeriod = said !== undefined;
      const period = isRate ? "second" : (said ?? "month");
      const calls = /^calls?$/.test(noun) && !/\b(?:api|llm|ai|gpt|model)\b/.test(adj);
      const extra = { calls, ...(range ? { note: range } : {}) };
      const withNote = (note: string) => ({ calls, note: range ? `${range}, ${note}` : note });
      switch (period) {
        case "second":
          if (g.peak !== undefined || g.peak2 !== undefined)
            addFact(ctx, m, "requestsPerDay", Math.round(typed * SECONDS_A_DAY), {
              ...withNote("a peak rate"),
              peakPerSecond: typed,
            });
          else
            addFact(
              ctx,
              m,
              "requestsPerDay",
              Math.round(typed * SECONDS_A_DAY),
              withNote("× 86,400 seconds a day, a steady rate"),
            );
          break;
        case "hour":
          addFact(ctx, m, "requestsPerDay", Math.round(typed * 24), withNote("× 24 hours"));
          break;
        case "day":
          addFact(ctx, m, "requestsPerDay", typed, extra);
          break;
        case "week":
          addFact(
            ctx,
            m,
            "requestsPerMonth",
            Math.round((typed * 52) / 12),
            withNote("× 52 ÷ 12 from a weekly figure"),
          );
          break;
        case "year":
          addFact(ctx, m, "requestsPerMonth", Math.round(typed / 12), withNote("÷ 12 from a yearly figure"));
          break;
        default:
          addFact(
            ctx,
            m,
            "requestsPerMonth",
            typed,
            saidPeriod ? extra : withNote("a month: no period was given"),
          );
      }
      if (/\b(?:phone|voice)\b/.test(adj)) addFact(ctx, m, "useCase", "voice");
      if (new RegExp(`^${IMAGE_NOUN}$`).test(noun)) addFact(ctx, m, "useCase", "vision");
      return true;
    });
  }
}

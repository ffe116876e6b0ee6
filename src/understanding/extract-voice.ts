import { NUM } from "./numbers.js";
import { addFact, groupNumber, type ReadContext, rx } from "./reading.js";

/** The per-call figures of a voice workload: minutes per call and SMS per call. */

const APPROX = String.raw`(?:(?:about|around|roughly|approximately|~|avg|average)\s*)?`;
const MINUTES = String.raw`(?:minutes?|mins?)\.?`;
const VOICE_MINUTES = [
  String.raw`(?<n>${NUM})[\s-]*${MINUTES}\s*(?:per|a|an|each|\/|every)\s*(?:phone\s+)?call`,
  String.raw`(?<n>${NUM})[\s-]*${MINUTES}\s*(?:on\s+)?(?:avg|average)\.?(?:\s+(?:per\s+)?call(?:\s+(?:length|duration))?)?`,
  String.raw`(?<n>${NUM})[\s-]*${MINUTES}\s+(?:long\s+)?(?:phone\s+)?calls`,
  String.raw`(?<n>${NUM})[\s-]*${MINUTES}\s+(?:each|apiece|on\s+average)(?![\w])`,
  String.raw`(?:avg|average|mean)\.?\s+(?:call\s+(?:length|duration|time)\s+)?(?:of\s+)?(?<n>${NUM})[\s-]*${MINUTES}(?![\w])(?!\s*(?:a|per|each)\s+(?:day|week|month))`,
  String.raw`(?:(?:avg|average)\s+)?call(?:s|\s+length|\s+duration|\s+time)?(?:\s+(?:of|lasting|lasts?|averaging|averages?|is|are|takes?|around|about)|\s*[:=~])+\s*${APPROX}(?<n>${NUM})[\s-]*${MINUTES}`,
];

const SMS = [
  [
    String.raw`(?<n>${NUM})\s*(?:sms|texts?|text\s+messages?)(?:\s+(?:messages?|confirmations?|notifications?))?\s*(?:(?:per|a|an|each|\/|every|after\s+each|after\s+every)\s*call|each(?![\w])|apiece(?![\w]))`,
    "",
  ],
  [
    String.raw`(?:an?|one|single)\s+(?:sms|text(?:\s+message)?)(?:\s+(?:confirmation|message|notification|follow[\s-]?up))?(?:\s+(?:per|after\s+each|after\s+every|for\s+each)\s+call)?`,
    "1",
  ],
  [String.raw`(?:sms|text)\s+confirmations?`, "1"],
  [String.raw`no\s+(?:sms|texts?|text\s+messages?)`, "0"],
] as const;

/** Reads minutes and SMS per call; each implies a voice workload (see combine-facts). */
export function readVoice(ctx: ReadContext): void {
  for (const source of VOICE_MINUTES) {
    ctx.spans.each(rx(source), (m) => {
      const n = groupNumber(m, "n");
      if (n === undefined) return false;
      addFact(ctx, m, "minutesPerCall", n, { voiceOnly: true });
      return true;
    });
  }
  for (const [source, fixed] of SMS) {
    ctx.spans.each(rx(source), (m) => {
      const n = fixed === "" ? groupNumber(m, "n") : Number(fixed);
      if (n === undefined) return false;
      addFact(ctx, m, "smsPerCall", n, { voiceOnly: true });
      return true;
    });
  }
}

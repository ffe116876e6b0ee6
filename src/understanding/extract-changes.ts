import { NUM, PERCENT, parseNumber, parsePercent } from "./numbers.js";
import { type ReadContext, rx, startOf, textOf } from "./reading.js";

/** Relative volume changes in a follow-up: "double the volume", "10x", "20% more traffic", "half the traffic". */

const WHAT = String.raw`(?:(?:the|our|my)\s+)?(?:volume|traffic|requests?|calls?|load|usage|messages|queries|users)`;
const GROW = String.raw`(?:grows?|grew|increases?|increased|rises?|goes\s+up|went\s+up|jumps?|is\s+up|climbs?|scales?)`;
const SHRINK = String.raw`(?:drops?|dropped|falls?|fell|decreases?|decreased|goes\s+down|went\s+down|shrinks?|is\s+down|is\s+cut|gets\s+cut|halves)`;

const WORD_FACTORS: ReadonlyArray<[string, number]> = [
  [
    String.raw`(?:double|doubles|doubled|doubling|twice)(?:\s+(?:the|our|as\s+much|as\s+many))?(?:\s+${WHAT})?|${WHAT}\s+(?:doubles|doubled|is\s+doubled|goes\s+2x)`,
    2,
  ],
  [
    String.raw`(?:triple|triples|tripled|tripling|three\s+times)(?:\s+(?:the|our))?(?:\s+${WHAT})?|${WHAT}\s+(?:triples|tripled)`,
    3,
  ],
  [String.raw`(?:quadruple|quadruples|quadrupled)(?:\s+(?:the|our))?(?:\s+${WHAT})?`, 4],
  [
    String.raw`(?:half|halve|halves|halved|halving)(?:\s+(?:the|our))?(?:\s+${WHAT})?|${WHAT}\s+(?:${SHRINK})\s+(?:by\s+)?(?:half|50\s*%)|cut\s+(?:the\s+|our\s+)?${WHAT}\s+in\s+half`,
    0.5,
  ],
];

/** "double the output tokens" or "2x budget" scale something else, not the volume. */
const NOT_VOLUME = String.raw`(?!(?:\s+(?:the|our|my))?\s+(?:output|input|tokens?|prompts?|budget|revenue|price|prices|cost|costs|horizon|team|gpus?|minutes?|sms|peak|context)\b)`;

const TIMES = String.raw`(?:\s*(?:x|×)(?![a-z])|\s+times(?:\s+(?:more|as\s+much|as\s+many|the))?)`;
const MULTIPLIER = String.raw`(?:${WHAT}\s+(?:${GROW})\s+(?:by\s+)?)?(?<n>${NUM})${TIMES}(?:\s+(?:the\s+)?(?:${WHAT}|growth|more))?${NOT_VOLUME}`;

const PERCENTS: ReadonlyArray<[string, 1 | -1]> = [
  [String.raw`(?<p>${PERCENT})\s*(?:more|higher|increase|growth|up|extra)(?:\s+(?:in\s+)?${WHAT})?`, 1],
  [
    String.raw`(?<p>${PERCENT})\s*(?:less|lower|fewer|decrease|drop|down|reduction)(?:\s+(?:in\s+)?${WHAT})?`,
    -1,
  ],
  [String.raw`${WHAT}\s+(?:${GROW})\s+(?:by\s+)?(?<p>${PERCENT})`, 1],
  [String.raw`${WHAT}\s+(?:${SHRINK})\s+(?:by\s+)?(?<p>${PERCENT})`, -1],
  [String.raw`\+\s*(?<p>\d{1,3}(?:\.\d+)?\s*%)`, 1],
];

/** Reads relative volume changes of a follow-up into `ctx.scales`. */
export function readVolumeChanges(ctx: ReadContext): void {
  const push = (m: RegExpExecArray, factor: number) =>
    ctx.scales.push({ factor, text: textOf(m), start: startOf(m) });
  for (const [source, factor] of WORD_FACTORS) {
    ctx.spans.each(rx(String.raw`(?<![\w])(?:${source})(?![\w])${NOT_VOLUME}`), (m) => {
      push(m, factor);
      return true;
    });
  }
  for (const [source, sign] of PERCENTS) {
    ctx.spans.each(rx(source), (m) => {
      const share = parsePercent(m.groups?.p ?? "");
      if (share === undefined) return false;
      push(m, 1 + sign * share);
      return true;
    });
  }
  ctx.spans.each(rx(MULTIPLIER), (m) => {
    const n = m.groups?.n === undefined ? undefined : parseNumber(m.groups.n);
    if (n === undefined) return false;
    push(m, n);
    return true;
  });
}

import { COUNT, parseNumber } from "./numbers.js";
import { addFact, addNote, type ReadContext, rx } from "./reading.js";

/** GPUs the team already has: "we have 2 A100s", "4x H100 on hand", "an RTX 4090". */

/** Typed spellings → the names the catalog's GPU instances use. */
const GPU_NAMES: ReadonlyArray<[RegExp, string]> = [
  [/^a10g?$/, "A10G"],
  [/^l4$/, "L4"],
  [/^a100$/, "A100"],
  [/^h100$/, "H100"],
  [/^l40s?$/, "L40S"],
  [/^rtx\s*4090$/, "RTX 4090"],
  [/^rtx\s*3090$/, "RTX 3090"],
  [/^rtx\s*a6000$/, "RTX A6000"],
];

const GPU = String.raw`(?:nvidia\s+)?(?<gpu>a10g|a10|l40s|l40|l4|a100|h100|h200|b200|t4|v100|rtx\s*4090|rtx\s*3090|rtx\s*a6000|a6000|mi300x?)(?:[\s-]*(?:24|40|48|80|94|141|16|32)\s*gb)?(?:s\b|'s\b)?(?:\s+(?:gpus?|cards?|boxes|servers?))?`;

const HAVE = String.raw`(?:(?:have|has|own|owns|got|bought|purchased)\s+)?`;
const ON_HAND = String.raw`(?:\s+(?:on[\s-]hand|in[\s-]house|sitting\s+idle|lying\s+around|available|already))?`;

const PATTERNS = [
  // "10 GPUs A100", "4 cards of type H100".
  String.raw`(?<![\w-])${HAVE}(?<count>${COUNT})\s*(?:x|×)?\s*(?:gpus?|cards?)\s+(?:of\s+(?:type\s+)?|type\s+|:\s*)?${GPU}(?![\w])${ON_HAND}`,
  String.raw`(?<![\w-])${HAVE}(?<count>${COUNT}|an?)\s*(?:x|×|\*)?\s*${GPU}(?![\w])${ON_HAND}`,
  String.raw`(?<![\w-])${HAVE}${GPU}\s*(?:x|×|\*)\s*(?<count>${COUNT})(?![\w])${ON_HAND}`,
  String.raw`(?<![\w-])${GPU}(?![\w])`,
];

/** Words that say the GPUs are already there, rather than wished for. */
const POSSESSION =
  /\b(?:have|has|had|own|owns|owned|got|bought|purchased|on[\s-]hand|sitting|spare|idle|available|in[\s-]house|existing|already|lying\s+around|on[\s-]?prem(?:ise|ises)?)\b/i;

/** "a100" → "A100", "rtx4090" → "RTX 4090"; an unlisted GPU is kept, upper-cased. */
export function normalizeGpuName(raw: string): string {
  const key = raw.trim().toLowerCase().replace(/\s+/g, " ");
  return GPU_NAMES.find(([re]) => re.test(key))?.[1] ?? raw.trim().toUpperCase().replace(/\s+/g, " ");
}

/** The sentence around a match, where a possession word would be. */
function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(0, start);
  const from = Math.max(
    before.lastIndexOf("."),
    before.lastIndexOf("?"),
    before.lastIndexOf("!"),
    before.lastIndexOf("\n"),
  );
  const after = text.slice(end).search(/[.?!\n]/);
  return text.slice(from + 1, after < 0 ? text.length : end + after);
}

/** Reads GPUs the team says it has; a GPU merely mentioned is reported, not assumed owned. */
export function readGpus(ctx: ReadContext): void {
  for (const source of PATTERNS) {
    ctx.spans.each(rx(source), (m) => {
      const gpu = m.groups?.gpu;
      if (gpu === undefined) return false;
      const count = m.groups?.count === undefined ? 1 : parseNumber(m.groups.count);
      if (count === undefined) return false;
      const context = sentenceAround(ctx.spans.text, m.index, m.index + m[0].length);
      if (!POSSESSION.test(context)) {
        addNote(ctx, m, `GPUs on hand? say "we have ${count} ${normalizeGpuName(gpu)}"`);
        return true;
      }
      addFact(ctx, m, "gpusOnHand", { gpuType: normalizeGpuName(gpu), count });
      return true;
    });
  }
}

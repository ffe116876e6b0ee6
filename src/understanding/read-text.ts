import { readBareMoney } from "./extract-bare-money.js";
import { readVolumeChanges } from "./extract-changes.js";
import { readDeploymentPreferences } from "./extract-deployment.js";
import { readGpus } from "./extract-gpus.js";
import { readModels } from "./extract-models.js";
import { readMoneyAndTime } from "./extract-money.js";
import { readNeeds } from "./extract-needs.js";
import { readTokensAndVoice } from "./extract-tokens.js";
import { readVolume } from "./extract-volume.js";
import { isConnector, isFiller } from "./lexicon.js";
import type { Fact, Mode, ReadContext, VolumeScale } from "./reading.js";
import { type Leftover, TextSpans } from "./spans.js";
import type { ModelLookup } from "./types.js";

export interface Reading {
  /** In the order read; combining them takes the first mention of a field in the text. */
  facts: Fact[];
  scales: VolumeScale[];
  /** Fragments with meaning that nothing used, in text order. */
  unused: Leftover[];
}

/**
 * Reads every fact from the text. Figures with a unit of their own (money, tokens, minutes,
 * GPUs) go first so a bare number is never mistaken for a volume, models before needs so
 * "gpt-4o-realtime" is not "real-time", and what no reader took is reported.
 */
export function readText(text: string, catalog: ModelLookup, mode: Mode): Reading {
  const ctx: ReadContext = { spans: new TextSpans(text), mode, catalog, facts: [], scales: [], notes: [] };
  readMoneyAndTime(ctx);
  readBareMoney(ctx);
  readTokensAndVoice(ctx);
  readGpus(ctx);
  if (mode === "follow-up") readVolumeChanges(ctx);
  readVolume(ctx);
  readModels(ctx);
  readNeeds(ctx);
  readDeploymentPreferences(ctx);
  const unused = [...ctx.notes, ...ctx.spans.leftovers(isFiller, isConnector)].sort(
    (a, b) => a.start - b.start,
  );
  return { facts: ctx.facts, scales: ctx.scales, unused };
}

import type { Catalog } from "../domain/catalog/catalog.js";
import { type Profile, type ProfileField, ProfileSchema } from "../domain/profile.js";
import { type ResolvedProfile, resolveProfile } from "../domain/resolve-profile.js";
import { combineFacts } from "./combine-facts.js";
import { detectConcept } from "./detect-concept.js";
import { formatNumber } from "./numbers.js";
import { resolvePeakRates } from "./peak-rate.js";
import { readText } from "./read-text.js";
import type { VolumeScale } from "./reading.js";
import { byStart } from "./spans.js";
import type { ChangeValue, FollowUpResult, ProfileChange, Understood } from "./types.js";
import { checkProfile, tooLong, volumeProblems } from "./validate.js";

const FIELDS = Object.keys(ProfileSchema.shape) as ProfileField[];
const VOICE_FIELDS = ["callsPerMonth", "minutesPerCall", "smsPerCall", "ttsCharactersPerCall"] as const;
type VoiceField = (typeof VOICE_FIELDS)[number];
const VOLUME_FIELDS = ["requestsPerMonth", "requestsPerDay", "callsPerMonth"] as const;

const isVoiceField = (f: ProfileField): f is VoiceField => (VOICE_FIELDS as readonly string[]).includes(f);

/** What the engine uses for a field: the stated value, else the resolved default; null when none applies. */
function effective(field: ProfileField, p: Profile, r: ResolvedProfile): ChangeValue {
  const stated = p[field];
  if (stated !== undefined) return stated;
  if (field === "requestsPerDay") return null;
  if (isVoiceField(field)) return r.voice?.[field] ?? null;
  const resolved = (r as unknown as Record<string, ChangeValue | undefined>)[field];
  return resolved ?? null;
}

/** Scales the volume the thread has; with none stated, scales the default the engine was using. */
function scaleVolume(profile: Profile, before: ResolvedProfile, scale: VolumeScale): Understood[] {
  const stated = VOLUME_FIELDS.filter((f) => profile[f] !== undefined);
  const fields =
    stated.length > 0 ? stated : [before.voice ? ("callsPerMonth" as const) : ("requestsPerMonth" as const)];
  return fields.map((field) => {
    const from =
      profile[field] ??
      (field === "callsPerMonth" ? before.voice?.callsPerMonth : before.requestsPerMonth) ??
      0;
    const value = Math.round(from * scale.factor);
    profile[field] = value;
    return {
      field,
      value,
      text: scale.text,
      note: `× ${formatNumber(scale.factor)} of ${formatNumber(from)}`,
    };
  });
}

const same = (a: ChangeValue, b: ChangeValue): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Applies a follow-up in a thread ("double the volume", "and with HIPAA?", "switch to claude
 * 3.5 sonnet") to the thread's Profile. Changes are shown between the values the engine uses,
 * defaults included, so "volume 100,000 → 200,000" reads right even when 100,000 was a default.
 */
export function applyFollowUp(previous: Profile, text: string, catalog: Catalog): FollowUpResult {
  const long = tooLong(text);
  if (long) return { kind: "invalid", problems: [long] };
  if (text.trim() === "") return { kind: "empty" };

  const reading = readText(text, catalog, "follow-up");
  const conceptId = detectConcept(text, reading);
  if (conceptId) return { kind: "concept", conceptId };

  const before = resolveProfile(previous, catalog).profile;
  const peaks = resolvePeakRates(reading.facts, previous, catalog.numberDefault("daysPerMonth"));
  const combined = combineFacts(previous, peaks.facts, {
    mode: "follow-up",
    inputTokensForCacheShare: previous.inputTokensPerRequest ?? before.inputTokensPerRequest,
  });
  const understood = [...combined.understood];
  for (const scale of reading.scales) understood.push(...scaleVolume(combined.profile, before, scale));

  const refused = volumeProblems(understood);
  if (refused.length > 0) return { kind: "invalid", problems: refused };
  const checked = checkProfile(combined.profile, understood);
  if (!checked.ok) return { kind: "invalid", problems: checked.problems };
  const after = resolveProfile(checked.profile, catalog).profile;

  const touched = [...new Set(understood.map((u) => u.field))];
  const order = [...touched, ...FIELDS.filter((f) => !touched.includes(f))];
  const changes: ProfileChange[] = [];
  for (const field of order) {
    const from = effective(field, previous, before);
    const to = effective(field, checked.profile, after);
    if (!same(from, to)) changes.push({ field, from, to });
  }
  const unused = [...reading.unused, ...peaks.notes, ...combined.conflicts].sort(byStart).map((l) => l.text);
  return { kind: "delta", profile: checked.profile, changes, understood, unused };
}

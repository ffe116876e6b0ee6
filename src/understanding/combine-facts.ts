import { LIMITS, type Profile, type ProfileField } from "../domain/profile.js";
import { formatNumber } from "./numbers.js";
import type { Fact, Mode } from "./reading.js";
import type { Leftover } from "./spans.js";
import type { FactValue, Understood } from "./types.js";

export interface Combined {
  profile: Profile;
  /** In text order. */
  understood: Understood[];
  /** Facts read but not used (a second volume, a sixth candidate), as leftovers. */
  conflicts: Leftover[];
}

export interface CombineOptions {
  mode: Mode;
  /** Input tokens a "50% cache hit" applies to when the text gives none (a follow-up's current value). */
  inputTokensForCacheShare?: number;
}

/** Fields where the strongest statement wins rather than the first ("no ML team but a small DevOps team"). */
const RANKED: ReadonlySet<ProfileField> = new Set(["team", "customization"]);
const VOLUME_FIELDS: ReadonlySet<ProfileField> = new Set(["requestsPerMonth", "requestsPerDay"]);

function applies(f: Fact, mode: Mode, hasStrong: (field: ProfileField) => boolean): boolean {
  if (f.strength === "hint" && mode === "follow-up") return false;
  return f.strength === undefined || !hasStrong(f.field);
}

/**
 * Minutes or SMS per call with no use case stated firmly (in the text or the thread) mean a voice
 * workload; the use case is then voice, reported with the words that implied it.
 */
function impliedVoice(active: Fact[], baseUseCase: Profile["useCase"]): Fact[] {
  const perCall = active.find((f) => f.voiceOnly);
  if (!perCall) return active;
  const firm = active.find((f) => f.field === "useCase" && f.op !== "remove" && f.strength === undefined);
  if ((firm?.value ?? baseUseCase) !== undefined) return active;
  const implied: Fact = {
    field: "useCase",
    value: "voice",
    op: "set",
    text: perCall.text,
    start: perCall.start,
    note: "minutes or SMS per call mean a voice workload",
  };
  return [...active.filter((f) => !(f.field === "useCase" && f.op !== "remove")), implied];
}

/** Folds the facts read from one text into `base`; each fact used is listed with its text. */
export function combineFacts(base: Profile, facts: readonly Fact[], options: CombineOptions): Combined {
  const profile: Profile = structuredClone(base);
  const record = profile as Record<string, unknown>;
  const used: Array<Understood & { start: number }> = [];
  const conflicts: Leftover[] = [];
  const strongFields = new Set(
    facts.filter((f) => f.strength === undefined && f.op !== "remove").map((f) => f.field),
  );
  // The first mention in the text wins; a later, different one is reported as a conflict.
  const active = impliedVoice(
    facts.filter((f) => applies(f, options.mode, (field) => strongFields.has(field))),
    profile.useCase,
  ).sort((a, b) => a.start - b.start);
  const weakOnly = new Set(active.filter((f) => f.strength !== undefined).map((f) => f.field));
  const taken = new Map<ProfileField, Fact>();
  const take = (f: Fact, field: ProfileField, value: FactValue, note = f.note) => {
    record[field] = value;
    used.push({ field, value, text: f.text, start: f.start, ...(note ? { note } : {}) });
  };

  const useCase = active.find((f) => f.field === "useCase" && f.op !== "remove");
  const isVoice = (useCase?.value ?? profile.useCase) === "voice";
  let compliance = profile.compliance ? [...profile.compliance] : undefined;
  const candidates = [...(profile.candidateModels ?? [])];

  for (const f of active) {
    if (f.field === "compliance") {
      const value = f.value;
      if (f.op === "set") compliance = [];
      else if (f.op === "add" && typeof value === "string" && !compliance?.includes(value as never))
        compliance = [...(compliance ?? []), value as never];
      else if (f.op === "remove") compliance = (compliance ?? []).filter((c) => c !== value);
      used.push({
        field: "compliance",
        value,
        text: f.text,
        start: f.start,
        ...(f.op === "remove" ? { note: "removed" } : {}),
      });
      continue;
    }
    if (f.field === "candidateModels" || (f.field === "currentModel" && taken.has("currentModel"))) {
      const name = String(f.value);
      if (candidates.includes(name) || name === profile.currentModel) continue;
      if (candidates.length >= LIMITS.candidateModels) {
        conflicts.push({
          text: `${f.text} (at most ${LIMITS.candidateModels} models to compare)`,
          start: f.start,
        });
        continue;
      }
      candidates.push(name);
      used.push({ field: "candidateModels", value: name, text: f.text, start: f.start });
      continue;
    }
    if (f.voiceOnly && !isVoice) {
      conflicts.push({
        text: `${f.text} (only applies to a voice workload; say "voice assistant" to price one)`,
        start: f.start,
      });
      continue;
    }
    if (f.op === "remove") {
      // A denied need ("not real-time anymore") clears the field only when it holds that value.
      const held = record[f.field] === f.value;
      if (held) delete record[f.field];
      used.push({
        field: f.field,
        value: f.value,
        text: f.text,
        start: f.start,
        note: held ? "removed" : "you said not: nothing assumed",
      });
      continue;
    }
    if (f.cacheShare !== undefined) {
      const input =
        active.find((i) => i.field === "inputTokensPerRequest")?.value ?? options.inputTokensForCacheShare;
      if (typeof input !== "number") {
        conflicts.push({ text: `${f.text} (give the input tokens per request to apply it)`, start: f.start });
        continue;
      }
      const cached = Math.round(input * f.cacheShare);
      take(f, f.field, cached, `${formatNumber(f.cacheShare * 100)}% of ${formatNumber(input)} input tokens`);
      taken.set(f.field, f);
      continue;
    }
    const field: ProfileField =
      f.calls && isVoice && f.field === "requestsPerMonth" ? "callsPerMonth" : f.field;
    const value = field === "callsPerMonth" && typeof f.value === "number" ? Math.round(f.value) : f.value;
    const earlier = taken.get(field);
    if (earlier && RANKED.has(field)) {
      if ((f.rank ?? 0) > (earlier.rank ?? 0)) {
        const i = used.findIndex((u) => u.field === field);
        if (i >= 0) used.splice(i, 1);
        take(f, field, value);
        taken.set(field, f);
      }
      continue;
    }
    if (earlier) {
      const same = JSON.stringify(earlier.value) === JSON.stringify(f.value);
      if (!same && !weakOnly.has(field)) {
        conflicts.push({
          text: `${f.text} (already read "${earlier.text}")`,
          start: f.start,
        });
      }
      continue;
    }
    if (field === "currentModel") {
      const at = candidates.indexOf(String(value));
      if (at >= 0) candidates.splice(at, 1);
    }
    if (options.mode === "follow-up" && VOLUME_FIELDS.has(field)) {
      // The newest volume replaces the other unit, or the engine would keep the older monthly figure.
      delete record[field === "requestsPerMonth" ? "requestsPerDay" : "requestsPerMonth"];
    }
    take(f, field, value);
    taken.set(field, f);
  }

  if (isVoice && profile.callsPerMonth === undefined) {
    // The engine takes a voice workload's requests as its calls: say so rather than switch units silently.
    for (const u of used)
      if (VOLUME_FIELDS.has(u.field))
        u.note = `${u.note ? `${u.note}; ` : ""}also the calls a month, one NLU request per call`;
  }
  if (compliance !== undefined) profile.compliance = compliance;
  if (candidates.length > 0 || profile.candidateModels !== undefined) {
    profile.candidateModels = candidates.filter((c) => c !== profile.currentModel);
  }
  used.sort((a, b) => a.start - b.start);
  return { profile, understood: used.map(({ start: _start, ...u }) => u), conflicts };
}

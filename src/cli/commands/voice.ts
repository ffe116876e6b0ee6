import { voiceMonthlyCost } from "../../domain/calc/voice.js";
import type { VoiceUnit } from "../../domain/catalog/schema.js";
import { LIMITS } from "../../domain/profile.js";
import { breakdownJson } from "../../render/json.js";
import type { VoiceJson } from "../../render/json-documents.js";
import { breakdownMarkdown } from "../../render/markdown.js";
import { breakdownText } from "../../render/text.js";
import { type CliContext, emit } from "../context.js";
import { badInput, CliError } from "../errors.js";
import { parseCount, parseModelName, said } from "../flags.js";
import { tokenFlags } from "./token-flags.js";

export interface VoiceFlags {
  calls?: string;
  minutes?: string;
  sms?: string;
  ttsCharacters?: string;
  nluModel?: string;
  inputTokens?: string;
  cachedInputTokens?: string;
  outputTokens?: string;
  prices?: string;
}

/** Catalog entry ids for each unit when --prices seed-002 asks for 002's own unit prices. */
const SEED_002: Partial<Record<VoiceUnit, string>> = {
  "telephony-minute": "seed-002:telephony",
  "stt-minute": "seed-002:stt",
  "sms-message": "seed-002:sms",
};

/** `llm-advise voice`: 002's voice pipeline for a call volume, as line items. */
export function voiceCommand(ctx: CliContext, flags: VoiceFlags): void {
  const calls = parseCount("calls", flags.calls, LIMITS.callsPerMonth, { integer: true, positive: true });
  if (calls === undefined) throw badInput("--calls is required (calls a month)");
  const minutes =
    parseCount("minutes", flags.minutes, LIMITS.minutesPerCall, { positive: true }) ??
    ctx.catalog.numberDefault("minutesPerCall");
  const sms = parseCount("sms", flags.sms, LIMITS.smsPerCall) ?? ctx.catalog.numberDefault("smsPerCall");
  const tts =
    parseCount("tts-characters", flags.ttsCharacters, LIMITS.ttsCharactersPerCall, { integer: true }) ?? 0;
  const set = (flags.prices ?? "current").toLowerCase();
  if (set !== "current" && set !== "seed-002")
    throw badInput(`--prices must be "current" or "seed-002"; got "${said(flags.prices ?? "")}"`);
  const tokens = tokenFlags(flags, {
    input: ctx.catalog.numberDefault("voiceInputTokensPerCall"),
    output: ctx.catalog.numberDefault("voiceOutputTokensPerCall"),
  });
  const nluName =
    parseModelName("nlu-model", flags.nluModel) ?? String(ctx.catalog.defaultFor("voiceNluModel").value);
  const nlu = ctx.catalog.hostedPrice(nluName, tokens.inputTokensPerRequest);
  if (!nlu.ok) throw new CliError("unknown-model", nlu.error.message);
  const unit = (u: VoiceUnit) =>
    ctx.catalog.voicePrice(u, set === "seed-002" ? SEED_002[u] : undefined) ?? ctx.catalog.voicePrice(u);
  const bill = voiceMonthlyCost(
    {
      callsPerMonth: calls,
      minutesPerCall: minutes,
      smsPerCall: sms,
      ttsCharactersPerCall: tts,
      nluRequestsPerCall: 1,
      nluInputTokensPerRequest: tokens.inputTokensPerRequest,
      nluCachedInputTokensPerRequest: tokens.cachedInputTokensPerRequest,
      nluOutputTokensPerRequest: tokens.outputTokensPerRequest,
    },
    {
      telephony: unit("telephony-minute"),
      speechToText: unit("stt-minute"),
      sms: unit("sms-message"),
      textToSpeech: unit("tts-million-characters"),
      nlu: nlu.value,
    },
  );
  const retire = ctx.catalog.lifecycleFor(nlu.value.model, nlu.value.providerId);
  const warnings = retire?.retiresOn
    ? [
        `${nlu.value.model} ${retire.retiresOn <= ctx.today ? "was retired" : "retires"} on ${retire.retiresOn}${retire.replacement ? `; replacement: ${retire.replacement}` : ""}`,
      ]
    : [];
  const title = `Voice pipeline: ${calls.toLocaleString("en-US")} calls × ${minutes} min, NLU on ${nlu.value.model}${set === "seed-002" ? " (002's unit prices)" : ""}`;
  const note = warnings.map((w) => `Warning: ${w}`).join("\n");
  emit(
    ctx,
    [breakdownText(`${title}:`, bill), note].filter(Boolean).join("\n"),
    [breakdownMarkdown(title, bill), note].filter(Boolean).join("\n\n"),
    {
      schemaVersion: 1,
      kind: "voice",
      inputs: {
        callsPerMonth: calls,
        minutesPerCall: minutes,
        smsPerCall: sms,
        ttsCharactersPerCall: tts,
        nluModel: nlu.value.key,
        ...tokens,
        prices: set,
      },
      ...breakdownJson(bill),
      warnings,
      pricesAsOf: nlu.value.asOf,
    } satisfies VoiceJson,
  );
}

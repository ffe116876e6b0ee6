import type { ExcludedOption, OptionCost } from "../advice.js";
import type { CostBreakdown } from "../calc/line-items.js";
import { breakdown, line, missingPriceLine } from "../calc/line-items.js";
import { flatSelfHostedCost } from "../calc/self-hosted-flat.js";
import { voiceMonthlyCost } from "../calc/voice.js";
import type { Catalog, HostedModelPrice } from "../catalog/catalog.js";
import type { DomainIssue } from "../errors.js";
import { dec } from "../money.js";
import type { ResolvedProfile } from "../resolve-profile.js";
import { apiCandidateNames, perTokenOption, providerLabel } from "./api-options.js";
import { lifecycleOfKey, splitRetired } from "./retirement.js";
import { type OptionSettings, ownedTco, vendorTco } from "./settings.js";

function voiceBill(p: ResolvedProfile, catalog: Catalog, nlu: HostedModelPrice): CostBreakdown {
  const v = p.voice!;
  return voiceMonthlyCost(
    {
      callsPerMonth: v.callsPerMonth,
      minutesPerCall: v.minutesPerCall,
      smsPerCall: v.smsPerCall,
      ttsCharactersPerCall: v.ttsCharactersPerCall,
      nluRequestsPerCall: v.callsPerMonth === 0 ? 1 : p.requestsPerMonth / v.callsPerMonth,
      nluInputTokensPerRequest: p.inputTokensPerRequest,
      nluCachedInputTokensPerRequest: p.cachedInputTokensPerRequest,
      nluOutputTokensPerRequest: p.outputTokensPerRequest,
    },
    {
      telephony: catalog.voicePrice("telephony-minute"),
      speechToText: catalog.voicePrice("stt-minute"),
      sms: catalog.voicePrice("sms-message"),
      textToSpeech: catalog.voicePrice("tts-million-characters"),
      nlu,
    },
  );
}

/** 002's voice pipeline: the API way (per NLU model), the local way, and the hybrid of 002's scenario 3. */
export function voiceOptions(
  p: ResolvedProfile,
  catalog: Catalog,
  s: OptionSettings,
): { options: OptionCost[]; retired: ExcludedOption[]; issues: DomainIssue[] } {
  const priced: OptionCost[] = [];
  const issues: DomainIssue[] = [];
  const names = [
    ...new Set([...apiCandidateNames(p, catalog), String(catalog.defaultFor("voiceNluModel").value)]),
  ];
  const seen = new Set<string>();
  for (const name of names) {
    const r = catalog.hostedPrice(name, p.inputTokensPerRequest);
    if (!r.ok) {
      issues.push(r.error);
      continue;
    }
    if (seen.has(r.value.key)) continue;
    seen.add(r.value.key);
    const monthly = voiceBill(p, catalog, r.value);
    priced.push(
      perTokenOption({
        id: `api:voice:${r.value.key}`,
        verdict: "api",
        model: r.value.model,
        modelId: r.value.key,
        deployment: `telephony + speech-to-text APIs + ${providerLabel(r.value.providerId)} for NLU`,
        monthly,
        tco: vendorTco(monthly, p, s, lifecycleOfKey(r.value.key, catalog)),
        notes: [],
      }),
    );
  }
  // A retired NLU model is set aside before the hybrid below picks the cheapest API pipeline.
  const { kept: options, retired } = splitRetired(priced, catalog, s.today);
  const v = p.voice!;
  const flat = catalog.data.flatEstimates.find(
    (f) => f.id === (v.callsPerMonth > 10_000 ? "seed-002-local-large" : "seed-002-local-small"),
  );
  const cheapestApi = [...options].sort((a, b) =>
    a.monthly.monthlyCostUsd.comparedTo(b.monthly.monthlyCostUsd),
  )[0];
  if (flat) {
    const minutes = dec(v.callsPerMonth).times(v.minutesPerCall);
    const tel = catalog.voicePrice("telephony-minute");
    const sms = catalog.voicePrice("sms-message");
    const carrier = [
      tel
        ? line(
            "voice.telephony",
            `Telephony (${tel.vendor} ${tel.product})`,
            minutes,
            "minute",
            tel.unitPriceUsd,
            tel.source,
          )
        : missingPriceLine("voice.telephony", "Telephony", minutes, "minute", "no telephony price"),
      ...(v.smsPerCall > 0 && sms
        ? [
            line(
              "voice.sms",
              `SMS (${sms.vendor} ${sms.product})`,
              dec(v.callsPerMonth).times(v.smsPerCall),
              "message",
              sms.unitPriceUsd,
              sms.source,
            ),
          ]
        : []),
    ];
    const local = breakdown([...carrier, ...flatSelfHostedCost(flat, "low").lineItems]);
    options.push({
      id: `local:voice:${flat.id}`,
      verdict: "local",
      model: "local STT + NLU + TTS models",
      modelId: flat.id,
      deployment: "telephony carrier + speech and language models on your servers (002's local estimate)",
      monthly: local,
      tco: ownedTco(local, p, s),
      openness: "open-weights",
      license: null,
      capacity: null,
      selfHostedShare: null,
      notes: ["002's flat figure for local models, not sized to your volume"],
    });
    if (cheapestApi) {
      const hybrid = breakdown([
        ...cheapestApi.monthly.lineItems,
        ...flatSelfHostedCost(flat, "low").lineItems.map((l) => ({ ...l, label: `Standby: ${l.label}` })),
      ]);
      options.push({
        ...cheapestApi,
        id: `hybrid:voice:${cheapestApi.modelId}+${flat.id}`,
        verdict: "hybrid",
        model: `${cheapestApi.model} + local standby`,
        deployment: `${cheapestApi.deployment}, with local models as backup (002, scenario 3)`,
        monthly: hybrid,
        tco: ownedTco(hybrid, p, s, true),
        notes: ["APIs carry the traffic; local models stand by for redundancy and cost optimization (002)"],
      });
    }
  }
  return { options, retired, issues };
}

/** Embeddings: a hosted embedding model per token, or a small local model on CPU (000's comparison). */
export function embeddingOptions(p: ResolvedProfile, catalog: Catalog, s: OptionSettings): OptionCost[] {
  const options: OptionCost[] = [];
  const hours = s.hoursPerMonth;
  for (const m of catalog.data.embeddings) {
    if (m.kind === "api") {
      const r = catalog.hostedPrice(`${m.providerId ?? "openai"}:${m.id}`, p.inputTokensPerRequest);
      if (!r.ok) continue;
      const tokens = dec(p.requestsPerMonth).times(p.inputTokensPerRequest).dividedBy(1_000_000);
      const monthly = breakdown([
        line(
          "api.input-tokens",
          `${m.name} tokens embedded`,
          tokens,
          "1M tokens",
          r.value.inputPerMTokUsd,
          r.value.source,
        ),
      ]);
      options.push(
        perTokenOption({
          id: `api:${r.value.key}`,
          verdict: "api",
          model: m.name,
          modelId: m.id,
          deployment: providerLabel(r.value.providerId),
          monthly,
          tco: vendorTco(monthly, p, s, lifecycleOfKey(r.value.key, catalog)),
          notes: [`${m.dimensions} dimensions`],
        }),
      );
      continue;
    }
    const chunksPerRequest = Math.max(1, Math.ceil(p.inputTokensPerRequest / m.maxInputTokens));
    const peakPerSecond = dec(p.requestsPerMonth)
      .times(chunksPerRequest)
      .times(p.peakToAverageRatio)
      .dividedBy(hours * 3600);
    const coreHourUsd = catalog.numberDefault("cpuCoreHourUsd");
    const cores = m.cpuSentencesPerSecond
      ? Math.max(1, peakPerSecond.dividedBy(m.cpuSentencesPerSecond).ceil().toNumber())
      : null;
    const monthly = breakdown([
      cores === null
        ? missingPriceLine(
            "local.cpu",
            `${m.name} on CPU`,
            1,
            "month",
            "no CPU throughput figure for this model",
          )
        : line(
            "local.cpu",
            `${m.name} on ${cores} CPU core(s), ${hours} h a month`,
            cores * hours,
            "core-hour",
            coreHourUsd,
            String(catalog.defaultFor("cpuCoreHourUsd").source),
          ),
    ]);
    options.push({
      id: `local:${m.id}`,
      verdict: "local",
      model: m.name,
      modelId: m.id,
      deployment: "sentence-transformers in your own service, on CPU",
      monthly,
      tco: ownedTco(monthly, p, { ...s, selfHostSetupUsd: 0 }),
      openness: "open-source",
      license: m.license ?? null,
      capacity: null,
      selfHostedShare: null,
      notes: [`${m.dimensions} dimensions; ${m.note}`],
    });
  }
  return options;
}

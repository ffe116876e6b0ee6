import type { HostedModelPrice } from "../catalog/hosted-prices.js";
import type { VoicePrice } from "../catalog/schema.js";
import { dec, MILLION } from "../money.js";
import { apiMonthlyCost } from "./api-cost.js";
import { breakdown, type CostBreakdown, type LineItem, line, missingPriceLine } from "./line-items.js";

export interface VoiceUsage {
  callsPerMonth: number;
  minutesPerCall: number;
  smsPerCall: number;
  ttsCharactersPerCall: number;
  /** NLU requests per call (one LLM call per call in 002). */
  nluRequestsPerCall: number;
  nluInputTokensPerRequest: number;
  nluCachedInputTokensPerRequest: number;
  nluOutputTokensPerRequest: number;
}

export interface VoicePrices {
  telephony: VoicePrice | undefined;
  speechToText: VoicePrice | undefined;
  sms: VoicePrice | undefined;
  textToSpeech: VoicePrice | undefined;
  nlu: HostedModelPrice;
}

function unitLine(
  code: string,
  label: string,
  quantity: ReturnType<typeof dec>,
  unit: string,
  price: VoicePrice | undefined,
): LineItem {
  return price
    ? line(
        code,
        `${label} (${price.vendor} ${price.product})`,
        quantity,
        unit,
        price.unitPriceUsd,
        price.source,
      )
    : missingPriceLine(code, label, quantity, unit, `no ${unit} price in the catalog`);
}

/**
 * A voice assistant's month (002): telephony minutes + speech-to-text minutes + NLU tokens + SMS,
 * plus text-to-speech characters when the calls speak back.
 */
export function voiceMonthlyCost(usage: VoiceUsage, prices: VoicePrices): CostBreakdown {
  const minutes = dec(usage.callsPerMonth).times(usage.minutesPerCall);
  const lines: LineItem[] = [
    unitLine("voice.telephony", "Telephony", minutes, "minute", prices.telephony),
    unitLine("voice.speech-to-text", "Speech-to-text", minutes, "minute", prices.speechToText),
  ];
  const nlu = apiMonthlyCost(prices.nlu, {
    requestsPerMonth: dec(usage.callsPerMonth).times(usage.nluRequestsPerCall),
    inputTokensPerRequest: usage.nluInputTokensPerRequest,
    cachedInputTokensPerRequest: usage.nluCachedInputTokensPerRequest,
    outputTokensPerRequest: usage.nluOutputTokensPerRequest,
  });
  lines.push(
    ...nlu.lineItems.map((l) => ({
      ...l,
      code: l.code.replace(/^api\./, "voice.nlu-"),
      label: `NLU: ${l.label}`,
    })),
  );
  if (usage.smsPerCall > 0) {
    lines.push(
      unitLine("voice.sms", "SMS", dec(usage.callsPerMonth).times(usage.smsPerCall), "message", prices.sms),
    );
  }
  if (usage.ttsCharactersPerCall > 0) {
    const chars = dec(usage.callsPerMonth).times(usage.ttsCharactersPerCall).dividedBy(MILLION);
    lines.push(
      unitLine("voice.text-to-speech", "Text-to-speech", chars, "1M characters", prices.textToSpeech),
    );
  }
  return breakdown(lines, nlu.issues);
}

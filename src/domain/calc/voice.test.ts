import { describe, expect, it } from "vitest";
import { miniByHand as miniPrice } from "../../../test/fixtures/prices.js";
import { buildCatalog } from "../catalog/catalog.js";
import type { VoicePrice } from "../catalog/schema.js";
import { dec } from "../money.js";
import { type VoicePrices, type VoiceUsage, voiceMonthlyCost } from "./voice.js";

const catalog = buildCatalog({ pricesAt: new Date("2026-11-21") });

/** 002's voice prices, read from the catalog's seed entries. */
function seed002Prices(): VoicePrices {
  const nlu = catalog.hostedPrice("gpt-4", 200);
  if (!nlu.ok) throw new Error(nlu.error.message);
  return {
    telephony: catalog.voicePrice("telephony-minute", "seed-002:telephony"),
    speechToText: catalog.voicePrice("stt-minute", "seed-002:stt"),
    sms: catalog.voicePrice("sms-message", "seed-002:sms"),
    textToSpeech: undefined,
    nlu: nlu.value,
  };
}

/** 002's small business: 500 calls of 3 minutes, one SMS each, 200 NLU tokens a call. */
const smallBusiness: VoiceUsage = {
  callsPerMonth: 500,
  minutesPerCall: 3,
  smsPerCall: 1,
  ttsCharactersPerCall: 0,
  nluRequestsPerCall: 1,
  nluInputTokensPerRequest: 200,
  nluCachedInputTokensPerRequest: 0,
  nluOutputTokensPerRequest: 0,
};

const costs = (usage: VoiceUsage, prices: VoicePrices) =>
  Object.fromEntries(voiceMonthlyCost(usage, prices).lineItems.map((l) => [l.code, l.costUsd.toString()]));

const ttsByHand: VoicePrice = {
  id: "test:tts",
  unit: "tts-million-characters",
  vendor: "Test",
  product: "text-to-speech",
  unitPriceUsd: 15,
  default: false,
  asOf: "2026-11-21",
  source: "test",
};

describe("voiceMonthlyCost (seed 002)", () => {
  it("costs 500 calls of 3 minutes $28.50 with 002's own unit prices", () => {
    const b = voiceMonthlyCost(smallBusiness, seed002Prices());
    expect(costs(smallBusiness, seed002Prices())).toEqual({
      // 500 × 3 = 1,500 minutes × $0.0085 = $12.75
      "voice.telephony": "12.75",
      // 1,500 minutes × $0.006 = $9.00
      "voice.speech-to-text": "9",
      // 500 × 200 = 100,000 tokens = 0.1M × $30/M (002's $0.03/1K, gpt-4's input price) = $3.00
      "voice.nlu-input-tokens": "3",
      // 500 × $0.0075 = $3.75
      "voice.sms": "3.75",
    });
    // 12.75 + 9.00 + 3.00 + 3.75 = 28.50
    expect(b.monthlyCostUsd.toString()).toBe("28.5");
    expect(b.lineItems.find((l) => l.code === "voice.telephony")?.quantity.toString()).toBe("1500");
    expect(b.lineItems.find((l) => l.code === "voice.nlu-input-tokens")?.quantity.toString()).toBe("0.1");
    expect(b.lineItems.find((l) => l.code === "voice.nlu-input-tokens")?.label).toMatch(/^NLU: /);
    expect(b.lineItems.every((l) => l.flag === undefined)).toBe(true);
  });

  it("costs 50,000 calls $2,850.00, 100× the small business, not 002's ~$1,425", () => {
    const b = voiceMonthlyCost({ ...smallBusiness, callsPerMonth: 50_000 }, seed002Prices());
    // 150,000 min × 0.0085 = 1,275 + 150,000 × 0.006 = 900 + 10M tokens × $30 = 300 + 50,000 × 0.0075 = 375
    // 1,275 + 900 + 300 + 375 = 2,850 = 100 × 28.50
    expect(b.monthlyCostUsd.toString()).toBe("2850");
    expect(b.monthlyCostUsd.equals(dec(1425))).toBe(false);
    // 002's figure is half the arithmetic: 2,850 / 1,425 = 2
    expect(b.monthlyCostUsd.dividedBy(1425).toString()).toBe("2");
  });

  it("adds a text-to-speech line at the price per 1M characters", () => {
    const usage = { ...smallBusiness, ttsCharactersPerCall: 1000 };
    const b = voiceMonthlyCost(usage, { ...seed002Prices(), textToSpeech: ttsByHand });
    const tts = b.lineItems.find((l) => l.code === "voice.text-to-speech");
    // 500 × 1,000 = 500,000 characters = 0.5M × $15 = $7.50
    expect(tts?.quantity.toString()).toBe("0.5");
    expect(tts?.unit).toBe("1M characters");
    expect(tts?.costUsd.toString()).toBe("7.5");
    // 28.50 + 7.50 = 36.00
    expect(b.monthlyCostUsd.toString()).toBe("36");
  });

  it("shows a missing SMS price as a flagged line costed $0", () => {
    const b = voiceMonthlyCost(smallBusiness, { ...seed002Prices(), sms: undefined });
    const sms = b.lineItems.find((l) => l.code === "voice.sms");
    expect(sms?.flag).toBe("price-not-found");
    expect(sms?.quantity.toString()).toBe("500");
    expect(sms?.costUsd.toString()).toBe("0");
    expect(sms?.source).toBe("none");
    // 12.75 + 9.00 + 3.00 = 24.75: the total says "at least"
    expect(b.monthlyCostUsd.toString()).toBe("24.75");
  });

  it("shows a missing text-to-speech price as a flagged line when the calls speak", () => {
    const b = voiceMonthlyCost({ ...smallBusiness, ttsCharactersPerCall: 1000 }, seed002Prices());
    const tts = b.lineItems.find((l) => l.code === "voice.text-to-speech");
    expect(tts?.flag).toBe("price-not-found");
    expect(b.monthlyCostUsd.toString()).toBe("28.5");
  });

  it("shows missing telephony and speech-to-text prices as flagged lines", () => {
    const b = voiceMonthlyCost(smallBusiness, {
      ...seed002Prices(),
      telephony: undefined,
      speechToText: undefined,
    });
    const flagged = b.lineItems.filter((l) => l.flag === "price-not-found").map((l) => l.code);
    expect(flagged).toEqual(["voice.telephony", "voice.speech-to-text"]);
    // 3.00 + 3.75 = 6.75
    expect(b.monthlyCostUsd.toString()).toBe("6.75");
  });

  it("has no SMS line without SMS and no text-to-speech line without characters", () => {
    const b = voiceMonthlyCost({ ...smallBusiness, smsPerCall: 0 }, seed002Prices());
    expect(b.lineItems.map((l) => l.code)).toEqual([
      "voice.telephony",
      "voice.speech-to-text",
      "voice.nlu-input-tokens",
    ]);
    // 12.75 + 9.00 + 3.00 = 24.75
    expect(b.monthlyCostUsd.toString()).toBe("24.75");
  });

  it("costs zero calls $0", () => {
    const b = voiceMonthlyCost({ ...smallBusiness, callsPerMonth: 0 }, seed002Prices());
    expect(b.monthlyCostUsd.toString()).toBe("0");
    expect(b.lineItems.every((l) => l.quantity.isZero())).toBe(true);
  });

  it("prices NLU output tokens and cache hits through the API calculator", () => {
    const mini = miniPrice("test");
    const usage = {
      ...smallBusiness,
      callsPerMonth: 10_000,
      nluRequestsPerCall: 2,
      nluInputTokensPerRequest: 500,
      nluCachedInputTokensPerRequest: 300,
      nluOutputTokensPerRequest: 100,
    };
    const c = costs(usage, { ...seed002Prices(), nlu: mini });
    // 10,000 × 2 = 20,000 requests; uncached 20,000 × 200 = 4M × 0.15 = 0.60
    expect(c["voice.nlu-input-tokens"]).toBe("0.6");
    // cached 20,000 × 300 = 6M × 0.075 = 0.45
    expect(c["voice.nlu-cached-input-tokens"]).toBe("0.45");
    // output 20,000 × 100 = 2M × 0.60 = 1.20
    expect(c["voice.nlu-output-tokens"]).toBe("1.2");
  });
});

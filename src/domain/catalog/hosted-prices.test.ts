import { describe, expect, it } from "vitest";
import { dec } from "../money.js";
import { buildCatalog } from "./catalog.js";
import hostedSource from "./data/hosted-source.json" with { type: "json" };

const TODAY = "2026-11-21";
const catalog = buildCatalog({ pricesAt: new Date(TODAY) });

describe("hosted prices", () => {
  it("has gpt-4o-mini at 000's $0.15 input, $0.075 cached and $0.60 output per 1M tokens", () => {
    const r = catalog.hostedPrice("gpt-4o-mini", 500);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.key).toBe("openai:gpt-4o-mini");
    expect(r.value.inputPerMTokUsd.equals(dec("0.15"))).toBe(true);
    expect(r.value.cachedInputPerMTokUsd?.equals(dec("0.075"))).toBe(true);
    expect(r.value.outputPerMTokUsd?.equals(dec("0.60"))).toBe(true);
    expect(r.value.tierNote).toBeNull();
    expect(r.value.asOf).toBe(hostedSource.asOf);
    expect(r.value.source).toContain("@pydantic/genai-prices");
  });

  it("has gpt-4o at 003's $2.50 input and $10.00 output per 1M tokens", () => {
    const r = catalog.hostedPrice("gpt-4o");
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.inputPerMTokUsd.equals(dec("2.50"))).toBe(true);
    expect(r.value.outputPerMTokUsd?.equals(dec("10.00"))).toBe(true);
  });

  it("has gpt-4 at 002's $0.03 per 1K input tokens ($30 per 1M)", () => {
    // $0.03 / 1K × 1,000 = $30 / 1M
    const r = catalog.hostedPrice("gpt-4", 200);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.inputPerMTokUsd.equals(dec("0.03").times(1000))).toBe(true);
  });

  it("has no output price for an embedding model", () => {
    const r = catalog.hostedPrice("text-embedding-3-small");
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.outputPerMTokUsd).toBeNull();
  });

  it("switches gpt-5.4 to its long-prompt price over 271,999 input tokens", () => {
    const base = catalog.hostedPrice("gpt-5.4", 271_999);
    const tier = catalog.hostedPrice("gpt-5.4", 272_000);
    if (!base.ok || !tier.ok) throw new Error("gpt-5.4 missing");
    expect(base.value.inputPerMTokUsd.toString()).toBe("2.5");
    expect(base.value.tierNote).toBeNull();
    expect(tier.value.inputPerMTokUsd.toString()).toBe("5");
    expect(tier.value.tierNote).toContain("271,999");
  });

  it("finds a model however people type it", () => {
    const key = (name: string) => {
      const r = catalog.hostedPrice(name);
      return r.ok ? r.value.key : r.error.message;
    };
    expect(key("GPT 4o mini")).toBe("openai:gpt-4o-mini");
    expect(key("gpt4o-mini")).toBe("openai:gpt-4o-mini");
    expect(key("  gpt-4o-mini ")).toBe("openai:gpt-4o-mini");
    expect(key("claude 3.5 sonnet")).toBe("anthropic:claude-3-5-sonnet");
    expect(key("openai:gpt-4o")).toBe("openai:gpt-4o");
  });

  it("answers an unknown name with unknown-model and the closest real names", () => {
    const r = catalog.hostedPrice("gpt-4o-mni");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe("unknown-model");
    expect(r.error.subject).toBe("gpt-4o-mni");
    expect(r.error.message.startsWith('no price for "gpt-4o-mni"; did you mean gpt-4o-mini')).toBe(true);
    expect(r.error.suggestions?.[0]).toBe("gpt-4o-mini");
  });

  it("suggests nothing for a name like no model", () => {
    const r = catalog.hostedPrice("banana");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toEqual({
      code: "unknown-model",
      message: 'no price for "banana"',
      subject: "banana",
      suggestions: [],
    });
  });

  it("answers an empty name with unknown-model", () => {
    const r = catalog.resolveModel("");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe("unknown-model");
  });

  // BUG (catalog.ts:188 unknownModel; the names come from catalog.ts:123 and hosted-prices.ts:135
  // knownHostedModelIds): whisper-1 is in the package but priced per audio hour, so lookupHostedPrice skips
  // it (no input_mtok), yet its id is offered as a suggestion.
  // Actual message: 'no price for "whisper-1"; did you mean whisper-1?'.
  it("never suggests the very name that was typed", () => {
    const r = catalog.hostedPrice("whisper-1");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.suggestions).not.toContain("whisper-1");
  });

  const acme = (aliases: string[]) =>
    buildCatalog(
      { pricesAt: new Date(TODAY) },
      {
        hostedPrices: [
          {
            id: "acme:acme-chat",
            providerId: "acme",
            model: "acme-chat",
            aliases,
            inputPerMTokUsd: 1.25,
            outputPerMTokUsd: 5,
            asOf: "2026-11-01",
            source: "https://acme.example/pricing",
          },
        ],
      },
    );

  it("uses a project override before the package, with the override's date and source", () => {
    const r = acme(["acme-chat-v1"]).hostedPrice("Acme Chat v1");
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.key).toBe("acme:acme-chat");
    expect(r.value.inputPerMTokUsd.toString()).toBe("1.25");
    expect(r.value.outputPerMTokUsd?.toString()).toBe("5");
    expect(r.value.cachedInputPerMTokUsd).toBeNull();
    expect(r.value.source).toBe("https://acme.example/pricing");
    expect(r.value.asOf).toBe("2026-11-01");
  });

  it("replaces the package's price of a model an override names", () => {
    const c = buildCatalog(
      { pricesAt: new Date(TODAY) },
      {
        hostedPrices: [
          {
            id: "openai:gpt-4o-mini",
            providerId: "openai",
            model: "gpt-4o-mini",
            aliases: [],
            inputPerMTokUsd: 0.1,
            outputPerMTokUsd: 0.4,
            asOf: TODAY,
            source: "negotiated",
          },
        ],
      },
    );
    const r = c.hostedPrice("GPT 4o mini");
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.inputPerMTokUsd.toString()).toBe("0.1");
    expect(r.value.source).toBe("negotiated");
  });

  // BUG (hosted-prices.ts:96-100): override names are only lower-cased, while the typed name is
  // normalized (spaces → dashes), so an alias written with spaces, the way the shipped open-weight
  // aliases are ("llama 3.1 8b"), never matches. Actual: unknown-model, 'did you mean acme-chat?'.
  it("finds an override by an alias written with spaces", () => {
    const r = acme(["acme chat v1"]).hostedPrice("acme chat v1");
    expect(r.ok).toBe(true);
  });
});

import { advise } from "../domain/advise.js";
import type { Catalog } from "../domain/catalog/catalog.js";
import { dec, sum, toJsonNumber, ZERO } from "../domain/money.js";
import type { Profile } from "../domain/profile.js";
import { type AdviceJson, adviceJson } from "../render/json.js";
import type {
  BreakEvenStatus,
  ChangeCause,
  DigestChange,
  DigestModel,
  DigestOption,
  PriceChange,
  Retirement,
  SpendSection,
  VolumeChange,
} from "./model.js";
import type { ActualSpend } from "./openai-costs.js";
import { localDay, type Run } from "./periods.js";
import {
  type DigestSnapshot,
  DigestSnapshotSchema,
  pricedLines,
  snapshotOf,
  VOLUME_FIELDS,
} from "./snapshot.js";

/**
 * Profile + today's catalog + the previous digest's snapshot → one digest model, pure: no clock, no
 * I/O. Slack blocks and the Teams card are both rendered from it (render-digest.ts).
 */

/** Options listed in a digest; the snapshot keeps them all. */
export const OPTIONS_SHOWN = 5;

export interface ComposeInput {
  subscriptionId: string;
  profile: Profile;
  catalog: Catalog;
  run: Run;
  timezone: string;
  scheduleLabel: string;
  /** The last posted digest of this subscription and its stored snapshot data, if any. */
  previous: { periodKey: string; snapshot: unknown } | null;
  /** Null when no costs source applies (the section is left out). */
  spend: ActualSpend | null;
}

export interface ComposedDigest {
  model: DigestModel;
  /** To store as the catalog snapshot of this delivery; null when nothing was priced. */
  snapshot: { asOf: string; data: DigestSnapshot } | null;
}

const n = (v: ReturnType<typeof dec>) => toJsonNumber(v);

function optionsOf(advice: AdviceJson, before: DigestSnapshot | null): DigestOption[] {
  const previous = new Map(before?.options.map((o) => [o.id, o.monthlyCostUsd]));
  return pricedLines(advice)
    .slice(0, OPTIONS_SHOWN)
    .map(({ option, lines }) => {
      const was = previous.get(option.id) ?? null;
      // Current quantities × (price now − price then): what the price changes alone did to the bill.
      const priceEffect =
        before && was !== null
          ? sum(
              lines.map((p) => {
                const then = before.prices[p.key];
                return then ? dec(p.line.quantity).times(dec(p.line.unitPriceUsd).minus(then.usd)) : ZERO;
              }),
            )
          : null;
      return {
        id: option.id,
        model: option.model,
        deployment: option.deployment,
        monthlyCostUsd: option.monthlyCostUsd,
        priced: option.priced,
        previousMonthlyCostUsd: was,
        priceEffectUsd: priceEffect ? n(priceEffect) : null,
      };
    });
}

function changeOf(now: DigestSnapshot, before: DigestSnapshot, since: string): DigestChange {
  const prices: PriceChange[] = [];
  for (const [key, p] of Object.entries(now.prices)) {
    const then = before.prices[key];
    if (then && !dec(then.usd).equals(p.usd))
      prices.push({ key, label: p.label, unit: p.unit, beforeUsd: then.usd, afterUsd: p.usd });
  }
  const volume: VolumeChange[] = [];
  for (const [field, label] of VOLUME_FIELDS) {
    const [b, a] = [before.volume[field] ?? null, now.volume[field] ?? null];
    if (b !== a) volume.push({ field, label, before: b, after: a });
  }
  const causes: ChangeCause[] = [];
  if (prices.length > 0) causes.push("price");
  if (volume.length > 0) causes.push("volume");
  const model = (s: DigestSnapshot) => s.options.find((o) => o.id === s.recommendedId)?.model ?? null;
  return {
    kind: "compared",
    since,
    causes,
    prices,
    volume,
    recommendedBefore: model(before),
    recommendedAfter: model(now),
  };
}

function breakEvenOf(advice: AdviceJson): BreakEvenStatus | null {
  const be = advice.breakEven;
  if (be.requestsPerMonth === null) return be.reason ? { kind: "none", reason: be.reason } : null;
  const name = (id: string | null) =>
    [...advice.options, ...advice.excludedOptions].find((o) => o.id === id)?.model ?? id ?? "?";
  const current = be.currentRequestsPerMonth;
  const below = current < be.requestsPerMonth;
  const factor =
    current === 0
      ? null
      : below
        ? dec(be.requestsPerMonth).dividedBy(current)
        : dec(current).dividedBy(be.requestsPerMonth);
  return {
    kind: below ? "below" : "above",
    requestsPerMonth: be.requestsPerMonth,
    currentRequestsPerMonth: current,
    factor: factor ? toJsonNumber(factor, 1) : null,
    monthlyCostUsd: be.monthlyCostUsd,
    apiModel: name(be.apiOptionId),
    selfHostedModel: name(be.selfHostedOptionId),
  };
}

function retirementsOf(advice: AdviceJson, warningDays: number): Retirement[] {
  const out: Retirement[] = [];
  for (const d of advice.deprecations) {
    const days = d.daysToRetirement;
    const deprecated = d.deprecatedOn !== null && d.deprecatedOn <= advice.today;
    const status =
      days !== null && days < 0
        ? "retired"
        : days !== null && days <= warningDays
          ? "retiring"
          : deprecated
            ? "deprecated"
            : null;
    if (status)
      out.push({
        model: d.model,
        status,
        deprecatedOn: d.deprecatedOn,
        retiresOn: d.retiresOn,
        daysToRetirement: days,
        replacement: d.replacement,
      });
  }
  return out;
}

/** The option the spend is compared with: the model the Profile runs today, else the recommendation. */
function spendOf(advice: AdviceJson, spend: ActualSpend, daysPerMonth: number): SpendSection {
  if (!spend.ok) return { kind: "unavailable", note: spend.note };
  const current = (advice.profile as { currentModel?: unknown }).currentModel;
  const option =
    advice.options.find((o) => o.verdict === "api" && typeof current === "string" && o.model === current) ??
    advice.options[0];
  if (!option) return { kind: "unavailable", note: "no option was priced to compare the spend with" };
  return {
    kind: "actual",
    from: spend.from,
    to: spend.to,
    days: spend.days,
    amountUsd: spend.amountUsd,
    projectedMonthlyUsd: option.monthlyCostUsd,
    projectedUsd: n(dec(option.monthlyCostUsd).times(spend.days).dividedBy(daysPerMonth)),
    projectedFor: option.model,
    daysPerMonth,
    note: spend.note,
  };
}

/**
 * The dates of the hosted prices the options used: the catalog package's, and the newest of the
 * CATALOG_FILE entries that replaced it. The package's date alone would hide a newer override.
 */
function hostedAsOf(
  advice: AdviceJson,
  catalog: Catalog,
): { pricesAsOf: string; overridesAsOf: string | null } {
  const overridden = new Set(catalog.data.hostedPrices.map((h) => `${h.providerId}:${h.model}`));
  let packageUsed = false;
  let newestOverride: string | null = null;
  for (const option of advice.options) {
    const price = catalog.hostedPrice(option.modelId);
    if (!price.ok) continue;
    if (!overridden.has(price.value.key)) packageUsed = true;
    else if (newestOverride === null || price.value.asOf > newestOverride) newestOverride = price.value.asOf;
  }
  if (newestOverride === null) return { pricesAsOf: advice.pricesAsOf, overridesAsOf: null };
  return packageUsed
    ? { pricesAsOf: advice.pricesAsOf, overridesAsOf: newestOverride }
    : { pricesAsOf: newestOverride, overridesAsOf: null };
}

export function composeDigest(input: ComposeInput): ComposedDigest {
  const today = localDay(input.run.at, input.timezone);
  const base = {
    subscriptionId: input.subscriptionId,
    periodKey: input.run.periodKey,
    runAt: input.run.at.toISOString(),
    today,
    pricesAsOf: input.catalog.hostedPricesAsOf,
    overridesAsOf: null,
    scheduleLabel: input.scheduleLabel,
  };
  const result = advise(input.profile, input.catalog, { today });
  if (!result.ok) {
    const model: DigestModel = {
      ...base,
      verdict: null,
      volume: [],
      options: [],
      change: { kind: "first", note: null },
      breakEven: null,
      retirements: [],
      spend: null,
      issues: [],
      problems: result.error.map((i) => i.message),
    };
    return { model, snapshot: null };
  }
  const advice = adviceJson(result.value);
  const now = snapshotOf(advice);
  const parsed = input.previous ? DigestSnapshotSchema.safeParse(input.previous.snapshot) : null;
  const before = parsed?.success ? parsed.data : null;
  const change: DigestChange =
    before && input.previous
      ? changeOf(now, before, localDay(new Date(input.previous.periodKey), input.timezone))
      : {
          kind: "first",
          note: input.previous
            ? "the previous digest's figures could not be read, so nothing is compared"
            : null,
        };
  const asOf = hostedAsOf(advice, input.catalog);
  const model: DigestModel = {
    ...base,
    ...asOf,
    verdict: advice.verdict,
    volume: VOLUME_FIELDS.filter(([f]) => now.volume[f] !== undefined).map(([field, label]) => ({
      field,
      label,
      value: now.volume[field] ?? 0,
    })),
    options: optionsOf(advice, before),
    change,
    breakEven: breakEvenOf(advice),
    retirements: retirementsOf(advice, input.catalog.numberDefault("deprecationWarningDays")),
    spend: input.spend ? spendOf(advice, input.spend, input.catalog.numberDefault("daysPerMonth")) : null,
    issues: advice.issues.map((i) => i.message),
    problems: [],
  };
  const newest =
    asOf.overridesAsOf !== null && asOf.overridesAsOf > asOf.pricesAsOf
      ? asOf.overridesAsOf
      : asOf.pricesAsOf;
  return { model, snapshot: { asOf: newest, data: now } };
}

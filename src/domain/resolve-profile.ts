import type { Catalog } from "./catalog/catalog.js";
import type {
  Cloud,
  Compliance,
  Customization,
  GpusOnHand,
  LatencyNeed,
  Profile,
  QualityNeed,
  Team,
  UseCase,
} from "./profile.js";

/** A default the engine used because the question did not say; always shown to the user. */
export interface Assumption {
  field: string;
  value: string | number | boolean;
  reason: string;
  source: string;
}

/** A Profile with every gap filled. */
export interface ResolvedProfile {
  useCase: UseCase;
  requestsPerMonth: number;
  inputTokensPerRequest: number;
  cachedInputTokensPerRequest: number;
  outputTokensPerRequest: number;
  /** Voice only; null for other use cases. */
  voice: {
    callsPerMonth: number;
    minutesPerCall: number;
    smsPerCall: number;
    ttsCharactersPerCall: number;
  } | null;
  compliance: Compliance[];
  team: Team;
  customization: Customization;
  quality: QualityNeed;
  latency: LatencyNeed;
  lifecycleControl: boolean;
  monthlyBudgetUsd: number | null;
  monthlyRevenueUsd: number | null;
  cloud: Cloud;
  gpusOnHand: GpusOnHand | null;
  currentModel: string | null;
  candidateModels: string[];
  horizonMonths: number;
  hybridSelfHostedShare: number | null;
  peakToAverageRatio: number;
}

export interface ResolvedProfileWithAssumptions {
  profile: ResolvedProfile;
  assumptions: Assumption[];
}

/** Fills every field the question left out from the catalog's documented defaults, and lists each one used. */
export function resolveProfile(p: Profile, catalog: Catalog): ResolvedProfileWithAssumptions {
  const assumptions: Assumption[] = [];
  const pick = <T extends string | number | boolean>(
    field: string,
    given: T | undefined,
    defaultKey = field,
  ): T => {
    if (given !== undefined) return given;
    const d = catalog.defaultFor(defaultKey);
    assumptions.push({ field, value: d.value, reason: d.reason, source: d.source });
    return d.value as T;
  };
  const useCase = pick<UseCase>("useCase", p.useCase);
  const isVoice = useCase === "voice";
  // Work that can wait is spread over the day, so reserved GPUs need no daytime peak headroom.
  const isBatch = useCase === "batch" || p.latency === "batch";

  let requestsPerMonth: number;
  let voice: ResolvedProfile["voice"] = null;
  if (isVoice) {
    const callsPerMonth = p.callsPerMonth ?? p.requestsPerMonth ?? perDay(p, catalog, assumptions);
    const calls = pick<number>("callsPerMonth", callsPerMonth);
    voice = {
      callsPerMonth: calls,
      minutesPerCall: pick<number>("minutesPerCall", p.minutesPerCall),
      smsPerCall: pick<number>("smsPerCall", p.smsPerCall),
      ttsCharactersPerCall: pick<number>("ttsCharactersPerCall", p.ttsCharactersPerCall),
    };
    // One NLU request per call unless the question gave a request volume of its own.
    requestsPerMonth = p.requestsPerMonth ?? calls;
  } else {
    requestsPerMonth = pick<number>(
      "requestsPerMonth",
      p.requestsPerMonth ?? perDay(p, catalog, assumptions),
    );
  }

  const inputTokensPerRequest = pick<number>(
    "inputTokensPerRequest",
    p.inputTokensPerRequest,
    isVoice ? "voiceInputTokensPerCall" : "inputTokensPerRequest",
  );
  const outputTokensPerRequest = pick<number>(
    "outputTokensPerRequest",
    p.outputTokensPerRequest ?? (useCase === "embeddings" ? 0 : undefined),
    isVoice ? "voiceOutputTokensPerCall" : "outputTokensPerRequest",
  );
  const cached = pick<number>("cachedInputTokensPerRequest", p.cachedInputTokensPerRequest);

  // Saying nothing about compliance is read as "none"; that is an assumption worth showing.
  if (p.compliance === undefined) pick<string>("compliance", undefined);
  // Likewise for what the question could have said and changes which rules can apply.
  if (p.monthlyBudgetUsd === undefined) pick<string>("monthlyBudgetUsd", undefined);
  if (p.monthlyRevenueUsd === undefined) pick<string>("monthlyRevenueUsd", undefined);
  if (p.gpusOnHand === undefined) pick<string>("gpusOnHand", undefined);
  if (p.currentModel === undefined) pick<string>("currentModel", undefined);

  const profile: ResolvedProfile = {
    useCase,
    requestsPerMonth,
    inputTokensPerRequest,
    cachedInputTokensPerRequest: Math.min(cached, inputTokensPerRequest),
    outputTokensPerRequest,
    voice,
    compliance: p.compliance ?? [],
    team: pick<Team>("team", p.team),
    customization: pick<Customization>("customization", p.customization),
    quality: pick<QualityNeed>("quality", p.quality),
    latency: pick<LatencyNeed>("latency", p.latency),
    lifecycleControl: pick<boolean>("lifecycleControl", p.lifecycleControl),
    monthlyBudgetUsd: p.monthlyBudgetUsd ?? null,
    monthlyRevenueUsd: p.monthlyRevenueUsd ?? null,
    cloud: pick<Cloud>("cloud", p.cloud),
    gpusOnHand: p.gpusOnHand ?? null,
    currentModel: p.currentModel ?? null,
    candidateModels: p.candidateModels ?? [],
    horizonMonths: pick<number>("horizonMonths", p.horizonMonths),
    hybridSelfHostedShare: p.hybridSelfHostedShare ?? null,
    peakToAverageRatio: pick<number>(
      "peakToAverageRatio",
      p.peakToAverageRatio,
      isBatch ? "batchPeakToAverageRatio" : "peakToAverageRatio",
    ),
  };
  return { profile, assumptions };
}

/** Monthly volume from a daily one, with the days-per-month convention reported as an assumption. */
function perDay(p: Profile, catalog: Catalog, assumptions: Assumption[]): number | undefined {
  if (p.requestsPerDay === undefined) return undefined;
  const d = catalog.defaultFor("daysPerMonth");
  assumptions.push({ field: "daysPerMonth", value: d.value, reason: d.reason, source: d.source });
  return p.requestsPerDay * Number(d.value);
}

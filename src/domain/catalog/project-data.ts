import apiModelTiers from "./data/api-model-tiers.json" with { type: "json" };
import batchDiscounts from "./data/batch-discounts.json" with { type: "json" };
import candidates from "./data/candidates.json" with { type: "json" };
import defaults from "./data/defaults.json" with { type: "json" };
import embeddings from "./data/embeddings.json" with { type: "json" };
import gpuInstances from "./data/gpu-instances.json" with { type: "json" };
import hostedPrices from "./data/hosted-prices.json" with { type: "json" };
import lifecycle from "./data/lifecycle.json" with { type: "json" };
import openWeightModels from "./data/open-weight-models.json" with { type: "json" };
import privateCloud from "./data/private-cloud.json" with { type: "json" };
import seedFlatEstimates from "./data/seed-flat-estimates.json" with { type: "json" };
import seedGpuInstances from "./data/seed-gpu-instances.json" with { type: "json" };
import seedVoicePrices from "./data/seed-voice-prices.json" with { type: "json" };
import throughput from "./data/throughput.json" with { type: "json" };
import voicePrices from "./data/voice-prices.json" with { type: "json" };
import { type ProjectData, ProjectDataSchema } from "./schema.js";

/** The project data shipped with the product, validated once when first loaded. */
export const BUILTIN_DATA: ProjectData = ProjectDataSchema.parse({
  gpuInstances: [...seedGpuInstances.gpuInstances, ...gpuInstances.gpuInstances],
  openWeightModels: openWeightModels.openWeightModels,
  throughput: throughput.throughput,
  voicePrices: [...voicePrices.voicePrices, ...seedVoicePrices.voicePrices],
  embeddings: embeddings.embeddings,
  lifecycle: lifecycle.lifecycle,
  hostedPrices: hostedPrices.hostedPrices,
  batchDiscounts: batchDiscounts.batchDiscounts,
  flatEstimates: seedFlatEstimates.flatEstimates,
  candidates: candidates.candidates,
  privateCloud: privateCloud.privateCloud,
  apiModelTiers: apiModelTiers.apiModelTiers,
  defaults: defaults.defaults,
});

import { SEED } from "../seeds.js";
import type { Rule } from "./types.js";

const S001 = SEED.s001;
const S002 = SEED.s002;
const S003 = SEED.s003;

/** Constraints no cost can buy out of: where data may go, and what the model must allow. */
export const HARD_RULES: readonly Rule[] = [
  {
    id: "offline.air-gapped",
    factor: "offline",
    when: ({ p }) => p.compliance.includes("air-gapped"),
    require: ["local"],
    priority: 100,
    rationale:
      "Air-gapped or offline systems cannot call any hosted service: the model runs on your own hardware.",
    source: `${S002} (Offline Requirements); ${S001} (Local: air-gapped systems); ${S003} (offline_capable)`,
  },
  {
    id: "compliance.government",
    factor: "compliance",
    when: ({ p }) => p.compliance.includes("government"),
    require: ["self-hosted", "local"],
    priority: 90,
    rationale:
      "Government contracts need full control of the data path: run the model on infrastructure you operate.",
    source: `${S002} (Strict Compliance: government contracts; Scenario 4)`,
  },
  {
    id: "compliance.strict",
    factor: "compliance",
    when: ({ p }) => p.compliance.includes("hipaa") || p.compliance.includes("sox"),
    exclude: ["api", "hybrid"],
    priority: 80,
    rationale:
      "HIPAA or SOX data stays out of public APIs: self-host, or use a private-cloud deployment covered by your cloud's BAA (with a signed OpenAI BAA the API can qualify too).",
    source: `${S003} (Decision Flowchart: strict data privacy → self-host or private cloud); ${S002} (Strict Compliance: HIPAA, SOX)`,
    evidence: ({ p }) => ({ compliance: p.compliance.join(", ") }),
  },
  {
    id: "compliance.data-sovereignty",
    factor: "compliance",
    when: ({ p }) => p.compliance.includes("data-sovereignty"),
    exclude: ["api", "hybrid"],
    priority: 80,
    rationale:
      "Data that cannot leave the country or network stays in your own account and region, or on your hardware.",
    source: `${S002} (Data Sovereignty: cannot send data outside country/network)`,
  },
  {
    id: "customization.full-training",
    factor: "customization",
    when: ({ p }) => p.customization === "full-training",
    require: ["self-hosted", "local"],
    priority: 70,
    rationale:
      "Training from scratch or changing the architecture needs an open-source model (weights, training code and data), run on your own GPUs; open-weight models such as Llama only allow adapters.",
    source: `${S001} (Fine-Tuning Scenarios: train from scratch / modify architecture → open source only)`,
  },
];

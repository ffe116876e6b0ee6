import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

/** The product's Prometheus metrics, one registry per process (no global state, so tests stay apart). */
export interface Metrics {
  registry: Registry;
  /** Answers computed and stored, by surface (slack, teams, console) and verdict; counted before posting. */
  questions: Counter<"surface" | "verdict">;
  /** Seconds to read a question, run the engine, phrase and store the answer; posting it is not included. */
  answerSeconds: Histogram<"surface">;
  /** How each answer was phrased: the provider that answered, or why the template stood in. */
  phraserOutcomes: Counter<"provider" | "outcome">;
  /** LLM tokens used for phrasing and extraction. */
  llmTokens: Counter<"provider" | "model" | "direction">;
  digestsPosted: Counter<"platform">;
  digestsFailed: Counter<"platform" | "reason">;
  /** Errors returned by the Slack Web API or the Bot Connector. */
  platformApiErrors: Counter<"platform" | "method" | "code">;
}

export function createMetrics(withDefaults = true): Metrics {
  const registry = new Registry();
  if (withDefaults) collectDefaultMetrics({ register: registry, prefix: "llm_advisor_" });
  const registers = [registry];
  return {
    registry,
    questions: new Counter({
      name: "llm_advisor_questions_total",
      help: "Questions and follow-ups answered (computed and stored), by surface and verdict; counted before the answer is posted, so answers whose posting failed are included",
      labelNames: ["surface", "verdict"],
      registers,
    }),
    answerSeconds: new Histogram({
      name: "llm_advisor_answer_seconds",
      help: "Seconds to compute an answer: reading the question, the engine, phrasing and storing it; posting to Slack or Teams is not included",
      labelNames: ["surface"],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 8, 13],
      registers,
    }),
    phraserOutcomes: new Counter({
      name: "llm_advisor_phraser_outcomes_total",
      help: "Phrasing outcomes by provider and outcome",
      labelNames: ["provider", "outcome"],
      registers,
    }),
    llmTokens: new Counter({
      name: "llm_advisor_llm_tokens_total",
      help: "LLM tokens used",
      labelNames: ["provider", "model", "direction"],
      registers,
    }),
    digestsPosted: new Counter({
      name: "llm_advisor_digests_posted_total",
      help: "Digests posted",
      labelNames: ["platform"],
      registers,
    }),
    digestsFailed: new Counter({
      name: "llm_advisor_digests_failed_total",
      help: "Digests that failed to post, by reason; reason posted-after-takeover counts a post that landed after another process took the period over, so it may have been posted twice",
      labelNames: ["platform", "reason"],
      registers,
    }),
    platformApiErrors: new Counter({
      name: "llm_advisor_platform_api_errors_total",
      help: "Slack and Teams API errors",
      labelNames: ["platform", "method", "code"],
      registers,
    }),
  };
}

/** Digests: the chat commands, the scheduler and its pure parts, for the surfaces and main.ts. */
export {
  DIGEST_HELP,
  type DigestActor,
  type DigestCommand,
  type DigestCommandDeps,
  type DigestReply,
  handleDigestCommand,
  subscribeToAnswer,
} from "./commands.js";
export { type ComposeInput, composeDigest } from "./compose.js";
export { digestText } from "./digest-view.js";
export type { DigestModel } from "./model.js";
export { type ActualSpend, type CostsSource, createOpenAiCostsSdk, OpenAiCosts } from "./openai-costs.js";
export { latestRun, nextRun } from "./periods.js";
export type { DigestMessage, DigestPoster } from "./poster.js";
export { renderDigest } from "./render-digest.js";
export { type DigestPlace, digestReplyText } from "./reply-text.js";
export { describeSchedule, normalizeTimezone, parseSchedule } from "./schedule.js";
export {
  createDigestScheduler,
  type Delivered,
  type DeliveryOutcome,
  type DigestScheduler,
  type DigestSchedulerDeps,
} from "./scheduler.js";

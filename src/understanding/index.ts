export { conceptAskedAbout } from "./detect-concept.js";
export { applyFollowUp } from "./follow-up.js";
export type {
  ChangeValue,
  FactValue,
  FollowUpResult,
  ModelLookup,
  ProfileChange,
  UnderstandResult,
  Understood,
} from "./types.js";
export { MAX_QUESTION_CHARS } from "./types.js";
export { understand } from "./understand.js";

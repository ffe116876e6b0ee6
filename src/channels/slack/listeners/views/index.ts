import { QUESTION_MODAL_ID } from "../../blocks/question-modal.js";
import type { AdvisorApp } from "../../context.js";
import { questionSubmitted } from "./question-submitted.js";

export function register(app: AdvisorApp): void {
  app.view(QUESTION_MODAL_ID, questionSubmitted);
}

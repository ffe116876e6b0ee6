import type { SlackApi } from "../api.js";
import { type ModalOrigin, questionModal } from "../blocks/question-modal.js";

/** Opens the question form; the trigger id is valid for three seconds after the click or command. */
export async function openQuestionForm(api: SlackApi, triggerId: string, origin: ModalOrigin): Promise<void> {
  await api.openView(triggerId, questionModal(origin));
}

import type { AssistantThreadContextChangedMiddleware } from "@slack/bolt";

/** The channel the user is viewing beside the assistant changed: answers do not depend on it. */
export const assistantThreadContextChanged: AssistantThreadContextChangedMiddleware = async () => undefined;

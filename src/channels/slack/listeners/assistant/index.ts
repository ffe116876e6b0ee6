import { Assistant } from "@slack/bolt";
import type { AdvisorApp } from "../../context.js";
import { directMessage } from "./direct-message.js";
import { assistantThreadContextChanged } from "./thread-context-changed.js";
import { assistantThreadStarted } from "./thread-started.js";
import { assistantUserMessage } from "./user-message.js";

/**
 * Direct messages: the Assistant takes DM threads (assistant_thread_started, message.im in a thread);
 * top-level DM messages reach the message listener.
 * @see https://docs.slack.dev/tools/bolt-js/concepts/ai-apps
 */
export function register(app: AdvisorApp): void {
  app.assistant(
    new Assistant({
      threadStarted: assistantThreadStarted,
      threadContextChanged: assistantThreadContextChanged,
      userMessage: assistantUserMessage,
    }),
  );
  app.message(directMessage);
}

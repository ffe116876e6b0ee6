import type { AdvisorApp } from "../context.js";
import * as actions from "./actions/index.js";
import * as assistant from "./assistant/index.js";
import * as commands from "./commands/index.js";
import * as events from "./events/index.js";
import * as views from "./views/index.js";

/** Every listener of the app, one feature folder each (STYLE 6). */
export function registerListeners(app: AdvisorApp): void {
  commands.register(app);
  actions.register(app);
  views.register(app);
  events.register(app);
  assistant.register(app);
}

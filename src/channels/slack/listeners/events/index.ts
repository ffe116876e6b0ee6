import type { AdvisorApp } from "../../context.js";
import { appHomeOpened } from "./app-home-opened.js";
import { appMention } from "./app-mention.js";
import { channelThreadMessage } from "./message.js";

export function register(app: AdvisorApp): void {
  app.message(channelThreadMessage);
  app.event("app_mention", appMention);
  app.event("app_home_opened", appHomeOpened);
}

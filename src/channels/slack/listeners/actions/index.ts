import type { BlockAction, ButtonAction } from "@slack/bolt";
import { ASK_FROM_HOME_ACTION } from "../../blocks/home-view.js";
import type { AdvisorApp } from "../../context.js";
import { ANSWER_ACTION_PATTERN, answerButton } from "./answer-button.js";
import { askFromHome } from "./ask-from-home.js";

export function register(app: AdvisorApp): void {
  app.action<BlockAction<ButtonAction>>(ANSWER_ACTION_PATTERN, answerButton);
  app.action<BlockAction<ButtonAction>>(ASK_FROM_HOME_ACTION, askFromHome);
}

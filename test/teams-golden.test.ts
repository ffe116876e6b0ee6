import { describe, expect, it } from "vitest";
import { answerWithDetail, detailCard } from "../src/channels/teams/messages.js";
import { advise } from "../src/domain/advise.js";
import { buildCatalog } from "../src/domain/catalog/catalog.js";
import type { Profile } from "../src/domain/profile.js";
import { templateSummary } from "../src/phrasing/index.js";
import { answerView } from "../src/render/answer-view.js";
import { adviceJson } from "../src/render/json.js";
import { answerCards } from "../src/render/teams/answer-card.js";
import type { StoredAnswer } from "../src/store/index.js";

/**
 * The Teams cards, pinned as golden files (STYLE 23): the answer card and the two details, for the
 * README's HIPAA question on the golden answers' date. Figures are asserted by hand elsewhere; these
 * pin wording and layout. Regenerate after an intended change with
 * `npx vitest run test/teams-golden.test.ts --update`.
 */

const TODAY = "2026-11-21";
const catalog = buildCatalog({ pricesAt: new Date(`${TODAY}T12:00:00Z`) });
const PROFILE: Profile = {
  requestsPerMonth: 500_000,
  inputTokensPerRequest: 800,
  outputTokensPerRequest: 200,
  compliance: ["hipaa"],
  team: "none",
  currentModel: "gpt-4o-mini",
};

function answered() {
  const r = advise(PROFILE, catalog, { today: TODAY });
  if (!r.ok) throw new Error("the golden profile no longer advises");
  const stored: StoredAnswer = {
    id: "answer-golden",
    thread: { platform: "teams", workspaceId: "tenant", channelId: "19:channel", threadId: "1" },
    userId: "user",
    question: null,
    profile: PROFILE,
    advice: adviceJson(r.value),
    messageRef: null,
    createdAt: new Date(`${TODAY}T12:00:00Z`),
  };
  return { stored, summary: templateSummary(r.value) };
}

const json = (x: unknown) => `${JSON.stringify(x, null, 2)}\n`;

describe("golden Teams cards", () => {
  it("the answer card, in a channel", async () => {
    const { stored, summary } = answered();
    const cards = answerCards(answerView(stored.advice), summary, stored.id, "channel");
    await expect(json(cards)).toMatchFileSnapshot("golden/teams-answer-card.json");
  });

  it("the answer card with the cost breakdown opened in it", async () => {
    const { stored, summary } = answered();
    await expect(json(answerWithDetail(stored, "breakdown", summary, "channel"))).toMatchFileSnapshot(
      "golden/teams-breakdown-card.json",
    );
  });

  it("the migration plan on its own card, in a chat", async () => {
    const { stored } = answered();
    await expect(json(detailCard(stored, "plan", "chat"))).toMatchFileSnapshot("golden/teams-plan-card.json");
  });
});

import type { Advice } from "../src/domain/advice.js";
import { advise } from "../src/domain/advise.js";
import { buildCatalog } from "../src/domain/catalog/catalog.js";
import type { Profile } from "../src/domain/profile.js";
import { understand } from "../src/understanding/understand.js";
import { measure, type Row } from "./report.js";

/** A mixed set of questions covering every use case and the main decision factors. */
export const QUESTIONS = [
  "100k messages a month, 500 in / 200 out tokens, on gpt-4o-mini",
  "500k requests/month, 800 in / 200 out tokens, HIPAA, no ML team, on gpt-4o-mini today",
  "2M requests a month with a small DevOps team",
  "intent classification, 300k calls a month, we want to pin model versions, small DevOps team",
  "voice assistant, 50,000 calls a month, 3 minutes per call",
  "air-gapped, 200k requests a month, ML team",
  "embeddings for semantic search, 1M documents a month",
  "real-time agents, 5M requests a month",
  "domain Q&A over our docs, fine-tuning with LoRA, ML team, 1M requests a month",
  "50M requests a month on gpt-4o, ML team, GDPR",
];

/** A question at the length limit, repeating facts: the parser's worst case. */
const LONG_QUESTION = "we have 2 A100s, 500k requests a month, gpt-4o or llama 3.1 70b? "
  .repeat(160)
  .slice(0, 10_000);

export async function bench(): Promise<Row[]> {
  const catalog = buildCatalog({ pricesAt: new Date("2026-11-21T12:00:00Z") });
  const profiles: Profile[] = QUESTIONS.map((q) => {
    const u = understand(q, catalog);
    if (u.kind !== "advice") throw new Error(`bench question not understood as advice: ${q}`);
    return u.profile;
  });
  const advices: Advice[] = profiles.map((p) => {
    const r = advise(p, catalog, { today: "2026-11-21" });
    if (!r.ok) throw new Error("bench profile rejected");
    return r.value;
  });
  let i = 0;
  let j = 0;
  let k = 0;
  return measure("advise (10 mixed questions, round robin)", [
    ["baseline: JSON.stringify(the same Advice)", () => JSON.stringify(advices[i++ % advices.length])],
    [
      "advise(profile, catalog)",
      () => advise(profiles[j++ % profiles.length] as Profile, catalog, { today: "2026-11-21" }),
    ],
    ["understand(10,000-character question)", () => understand(LONG_QUESTION, catalog)],
    [
      "understand(text) + advise()",
      () => {
        const u = understand(QUESTIONS[k++ % QUESTIONS.length] as string, catalog);
        return u.kind === "advice" ? advise(u.profile, catalog, { today: "2026-11-21" }) : u;
      },
    ],
  ]);
}

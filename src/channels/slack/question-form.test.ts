import { describe, expect, it } from "vitest";
import { buildCatalog } from "../../domain/catalog/catalog.js";
import { COMPLIANCE, CUSTOMIZATIONS, TEAMS, USE_CASES } from "../../domain/profile.js";
import { understand } from "../../understanding/index.js";
import { FIELD } from "./blocks/question-modal.js";
import { type QuestionFormState, readOrigin, readQuestionForm } from "./question-form.js";

const catalog = buildCatalog({ pricesAt: new Date("2026-11-21T12:00:00Z") });

const text = (value: string) => ({ value: { value } });
const one = (value: string) => ({ value: { selected_option: { value } } });

function question(state: QuestionFormState): string {
  const r = readQuestionForm(state, catalog);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.question;
}

function profileOf(state: QuestionFormState) {
  const u = understand(question(state), catalog);
  if (u.kind !== "advice") throw new Error(`not read as a question: ${u.kind}`);
  return { profile: u.profile, unused: u.unused };
}

describe("the question form's words", () => {
  it.each(USE_CASES)("use case %s is read back as that use case", (useCase) => {
    expect(profileOf({ [FIELD.useCase]: one(useCase) }).profile.useCase).toBe(useCase);
  });

  it.each(TEAMS)("team %s is read back", (team) => {
    expect(profileOf({ [FIELD.team]: one(team) }).profile.team).toBe(team);
  });

  it.each(CUSTOMIZATIONS)("customization %s is read back", (c) => {
    expect(profileOf({ [FIELD.customization]: one(c) }).profile.customization).toBe(c);
  });

  it("reads every compliance box, volume, tokens and the current model, leaving nothing unread", () => {
    const { profile, unused } = profileOf({
      [FIELD.volume]: text("1.5M"),
      [FIELD.inputTokens]: text("800"),
      [FIELD.outputTokens]: text("200"),
      [FIELD.compliance]: { value: { selected_options: COMPLIANCE.map((value) => ({ value })) } },
      [FIELD.currentModel]: text("gpt-4o-mini"),
    });
    expect(profile).toMatchObject({
      requestsPerMonth: 1_500_000,
      inputTokensPerRequest: 800,
      outputTokensPerRequest: 200,
      currentModel: "gpt-4o-mini",
    });
    expect([...(profile.compliance ?? [])].sort()).toEqual([...COMPLIANCE].sort());
    expect(unused).toEqual([]);
  });
});

describe("form validation", () => {
  it("gives one inline error per wrong field, keyed by block id", () => {
    const r = readQuestionForm(
      {
        [FIELD.volume]: text("-3"),
        [FIELD.inputTokens]: text("many"),
        [FIELD.outputTokens]: text("3000000"),
        [FIELD.currentModel]: text("gpt-4o-minnie"),
      },
      catalog,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors).sort()).toEqual([
      "current_model",
      "input_tokens",
      "output_tokens",
      "volume",
    ]);
    expect(r.errors.current_model).toContain("Did you mean gpt-4o-mini");
  });

  it("refuses a volume past what the engine models, and an empty form", () => {
    const big = readQuestionForm({ [FIELD.volume]: text("1e15") }, catalog);
    expect(big.ok === false && big.errors.volume).toContain("At most 100,000,000,000");
    expect(readQuestionForm({}, catalog)).toEqual({
      ok: false,
      errors: { [FIELD.useCase]: "Fill in at least one field." },
    });
  });

  it("reads where to answer from private_metadata, and a direct message when it is unreadable", () => {
    expect(readOrigin(JSON.stringify({ channelId: "C1" }))).toEqual({ channelId: "C1" });
    expect(readOrigin("{not json")).toEqual({ channelId: null });
    expect(readOrigin(JSON.stringify({ channelId: 42 }))).toEqual({ channelId: null });
  });
});

import { z } from "zod";
import type { Catalog } from "../../domain/catalog/catalog.js";
import {
  type COMPLIANCE,
  type CUSTOMIZATIONS,
  LIMITS,
  type TEAMS,
  type USE_CASES,
} from "../../domain/profile.js";
import { parseNumber } from "../../understanding/numbers.js";
import { FIELD, FIELD_ACTION, type ModalOrigin } from "./blocks/question-modal.js";

/**
 * The question form's values → the question's words, which then go through the same understanding
 * as a typed question; or the inline errors Slack shows under each wrong field.
 */

const Selected = z.object({ value: z.string() }).nullish();
const FieldValue = z.object({
  value: z.string().nullish(),
  selected_option: Selected,
  selected_options: z.array(z.object({ value: z.string() })).nullish(),
});

/** The parts of `view.state.values` the form reads (STYLE 14: checked at the edge). */
export const QuestionFormStateSchema = z.record(z.string(), z.record(z.string(), FieldValue));
export type QuestionFormState = z.infer<typeof QuestionFormStateSchema>;

export const ModalOriginSchema = z.object({ channelId: z.string().min(1).max(64).nullable() });

/** The origin in `private_metadata`; a missing or bad one sends the answer to a direct message. */
export function readOrigin(privateMetadata: string): ModalOrigin {
  try {
    const r = ModalOriginSchema.safeParse(JSON.parse(privateMetadata));
    return r.success ? r.data : { channelId: null };
  } catch {
    return { channelId: null };
  }
}

/** The words the understanding layer reads for each choice (tested against it). */
const USE_CASE_WORDS: Record<(typeof USE_CASES)[number], string> = {
  chat: "a chat assistant",
  classification: "intent classification",
  summarization: "summarization of documents",
  rag: "RAG question answering over our documents",
  code: "code generation",
  voice: "a voice assistant",
  embeddings: "embeddings for semantic search",
  vision: "vision on images",
  batch: "batch processing",
};
const COMPLIANCE_WORDS: Record<(typeof COMPLIANCE)[number], string> = {
  gdpr: "GDPR",
  hipaa: "HIPAA",
  sox: "SOX",
  government: "government clients",
  "data-sovereignty": "data sovereignty",
  "air-gapped": "air-gapped",
};
const TEAM_WORDS: Record<(typeof TEAMS)[number], string> = {
  none: "no ML team",
  "small-devops": "a small DevOps team",
  "ml-team": "an ML team",
};
const CUSTOMIZATION_WORDS: Record<(typeof CUSTOMIZATIONS)[number], string> = {
  none: "no fine-tuning",
  rag: "RAG",
  "fine-tuning": "fine-tuning",
  "full-training": "training our own model from scratch",
};

export type FormResult = { ok: true; question: string } | { ok: false; errors: Record<string, string> };

const pick = <K extends string>(words: Record<K, string>, v: string | undefined): string | undefined =>
  v !== undefined && v in words ? words[v as K] : undefined;

/** Reads the submitted form; `errors` is keyed by block id, as `response_action: "errors"` wants. */
export function readQuestionForm(
  state: QuestionFormState,
  catalog: Pick<Catalog, "resolveModel">,
): FormResult {
  const field = (blockId: string) => state[blockId]?.[FIELD_ACTION];
  const typed = (blockId: string) => field(blockId)?.value?.trim() || undefined;
  const errors: Record<string, string> = {};
  const parts: string[] = [];

  const useCase = pick(USE_CASE_WORDS, field(FIELD.useCase)?.selected_option?.value);
  if (useCase) parts.push(useCase);

  const volume = typed(FIELD.volume);
  if (volume !== undefined) {
    const n = parseNumber(volume.replace(/\s*(requests?|a month|per month|\/\s*month)\s*$/i, ""));
    if (n === undefined || !Number.isFinite(n) || n <= 0)
      errors[FIELD.volume] = "Give a number of requests a month, such as 500000, 500k or 2M.";
    else if (n > LIMITS.requestsPerMonth)
      errors[FIELD.volume] =
        `At most ${LIMITS.requestsPerMonth.toLocaleString("en-US")} requests a month; is there a typo?`;
    else parts.push(`${Math.round(n)} requests a month`);
  }

  for (const [blockId, words] of [
    [FIELD.inputTokens, "input tokens"],
    [FIELD.outputTokens, "output tokens"],
  ] as const) {
    const raw = typed(blockId);
    if (raw === undefined) continue;
    const n = parseNumber(raw.replace(/\s*tokens?\s*$/i, ""));
    if (n === undefined || !Number.isInteger(n) || n < 0 || n > LIMITS.tokensPerRequest)
      errors[blockId] =
        `Give a whole number of ${words} per request, from 0 to ${LIMITS.tokensPerRequest.toLocaleString("en-US")}.`;
    else parts.push(`${n} ${words}`);
  }

  const compliance = (field(FIELD.compliance)?.selected_options ?? [])
    .map((o) => pick(COMPLIANCE_WORDS, o.value))
    .filter((w): w is string => w !== undefined);
  if (compliance.length > 0) parts.push(compliance.join(", "));

  const team = pick(TEAM_WORDS, field(FIELD.team)?.selected_option?.value);
  if (team) parts.push(team);
  const customization = pick(CUSTOMIZATION_WORDS, field(FIELD.customization)?.selected_option?.value);
  if (customization) parts.push(customization);

  const model = typed(FIELD.currentModel);
  if (model !== undefined) {
    const r = catalog.resolveModel(model);
    if (!r.ok) {
      const maybe = r.error.suggestions?.slice(0, 3) ?? [];
      errors[FIELD.currentModel] =
        `I do not know the model "${model.slice(0, 60)}".${maybe.length > 0 ? ` Did you mean ${maybe.join(", ")}?` : ""}`;
    } else parts.push(`currently using ${model}`);
  }

  const notes = typed(FIELD.notes);
  if (notes) parts.push(notes);

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (parts.length === 0) return { ok: false, errors: { [FIELD.useCase]: "Fill in at least one field." } };
  return { ok: true, question: parts.join(", ") };
}

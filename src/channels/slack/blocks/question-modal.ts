import type { InputBlock, ModalView, PlainTextOption } from "@slack/types";
import type { COMPLIANCE, CUSTOMIZATIONS, TEAMS, USE_CASES } from "../../../domain/profile.js";
import { clip, SLACK_LIMITS } from "../../../render/slack/limits.js";

/** The question form: the Profile's main fields, opened by `/llm-advise` alone and by the Home tab. */

export const QUESTION_MODAL_ID = "question_modal";
/** Every input's action id; the block id tells the fields apart. */
export const FIELD_ACTION = "value";

export const FIELD = {
  useCase: "use_case",
  volume: "volume",
  inputTokens: "input_tokens",
  outputTokens: "output_tokens",
  compliance: "compliance",
  team: "team",
  customization: "customization",
  currentModel: "current_model",
  notes: "notes",
} as const;

export const USE_CASE_LABELS: Record<(typeof USE_CASES)[number], string> = {
  chat: "Chat assistant",
  classification: "Classification / intent",
  summarization: "Summarization",
  rag: "RAG / Q&A over documents",
  code: "Code generation",
  voice: "Voice assistant",
  embeddings: "Embeddings / search",
  vision: "Vision",
  batch: "Batch processing",
};

export const COMPLIANCE_LABELS: Record<(typeof COMPLIANCE)[number], string> = {
  gdpr: "GDPR",
  hipaa: "HIPAA",
  sox: "SOX",
  government: "Government",
  "data-sovereignty": "Data sovereignty",
  "air-gapped": "Air-gapped",
};

export const TEAM_LABELS: Record<(typeof TEAMS)[number], string> = {
  none: "No ML or DevOps team",
  "small-devops": "A small DevOps team",
  "ml-team": "An ML team",
};

export const CUSTOMIZATION_LABELS: Record<(typeof CUSTOMIZATIONS)[number], string> = {
  none: "None (off the shelf)",
  rag: "RAG",
  "fine-tuning": "Fine-tuning / LoRA",
  "full-training": "Training from scratch",
};

/** Where to post the answer once the form is submitted. */
export interface ModalOrigin {
  /** The channel the command ran in; null from the Home tab (the answer goes to a direct message). */
  channelId: string | null;
}

const plain = (text: string) => ({ type: "plain_text" as const, text, emoji: true });
const option = (value: string, label: string): PlainTextOption => ({ text: plain(label), value });

function select(blockId: string, label: string, labels: Record<string, string>): InputBlock {
  return {
    type: "input",
    block_id: blockId,
    optional: true,
    label: plain(label),
    element: {
      type: "static_select",
      action_id: FIELD_ACTION,
      placeholder: plain("Choose"),
      options: Object.entries(labels).map(([v, l]) => option(v, l)),
    },
  };
}

function text(
  blockId: string,
  label: string,
  placeholder: string,
  hint?: string,
  multiline = false,
): InputBlock {
  return {
    type: "input",
    block_id: blockId,
    optional: true,
    label: plain(label),
    element: {
      type: "plain_text_input",
      action_id: FIELD_ACTION,
      placeholder: plain(placeholder),
      multiline,
      max_length: multiline ? 1000 : 100,
    },
    ...(hint ? { hint: plain(hint) } : {}),
  };
}

/** The modal; `private_metadata` carries where the answer goes. */
export function questionModal(origin: ModalOrigin): ModalView {
  return {
    type: "modal",
    callback_id: QUESTION_MODAL_ID,
    private_metadata: clip(JSON.stringify(origin), 3000),
    title: plain("LLM advisor"),
    submit: plain("Ask"),
    close: plain("Cancel"),
    blocks: [
      {
        type: "section",
        block_id: "intro",
        text: {
          type: "mrkdwn",
          text: clip(
            "Which LLM should you run, and where? Fill in what you know; anything left empty is assumed and listed in the answer.",
            SLACK_LIMITS.sectionText,
          ),
        },
      },
      select(FIELD.useCase, "Use case", USE_CASE_LABELS),
      text(FIELD.volume, "Requests a month", "500k", "A number such as 500000, 500k or 2M"),
      text(FIELD.inputTokens, "Input tokens per request", "800"),
      text(FIELD.outputTokens, "Output tokens per request", "200"),
      {
        type: "input",
        block_id: FIELD.compliance,
        optional: true,
        label: plain("Compliance"),
        element: {
          type: "checkboxes",
          action_id: FIELD_ACTION,
          options: Object.entries(COMPLIANCE_LABELS).map(([v, l]) => option(v, l)),
        },
      },
      select(FIELD.team, "Team", TEAM_LABELS),
      select(FIELD.customization, "Customization", CUSTOMIZATION_LABELS),
      text(FIELD.currentModel, "Current model", "gpt-4o-mini", "The model you run today, if any"),
      text(FIELD.notes, "Anything else", "Latency, budget, cloud, GPUs on hand…", undefined, true),
    ],
  };
}

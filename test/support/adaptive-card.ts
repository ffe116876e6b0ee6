import { readFileSync } from "node:fs";
import { Ajv, type ErrorObject } from "ajv";
import draft06 from "ajv/dist/refs/json-schema-draft-06.json" with { type: "json" };
import formats from "ajv-formats";

/**
 * Validates cards against the published Adaptive Cards 1.5 schema (test/schemas/README.md says where
 * it comes from). Teams adds one top-level property, `msteams` (e.g. `{ width: "Full" }`), which the
 * generic schema does not know; it is allowed here and nothing else is.
 * @see https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-format#full-width-adaptive-card
 */
const file = new URL("../schemas/adaptive-card-1.5.json", import.meta.url);
const { id, ...schema } = JSON.parse(readFileSync(file, "utf8")) as {
  id: string;
  definitions: { AdaptiveCard: { properties: Record<string, unknown> } };
};
schema.definitions.AdaptiveCard.properties.msteams = {
  type: "object",
  properties: { width: { enum: ["Full"] } },
  additionalProperties: true,
};

// The file names itself with draft-04's "id"; Ajv knows draft-06's "$id" only.
Object.assign(schema, { $id: id });
// The schema is draft-06 and uses keywords of its own ("version", "features"), hence strict: false.
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addMetaSchema(draft06);
// ajv-formats is CommonJS with its plugin on `default`.
formats.default(ajv);
const validate = ajv.compile(schema);

/** The card's problems, one line each; empty when it is a valid Adaptive Card 1.5. */
export function adaptiveCardProblems(card: unknown): string[] {
  if (validate(card)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || "/"} ${e.message ?? ""}`);
}

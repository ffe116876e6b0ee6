import type { Catalog } from "../domain/catalog/catalog.js";
import type { ConceptId } from "../domain/concepts.js";
import type { GpusOnHand, Profile, ProfileField } from "../domain/profile.js";

/** The catalog calls understanding needs: typed model names, "did you mean", and days a month for rates. */
export type ModelLookup = Pick<Catalog, "resolveModel" | "knownModelNames" | "numberDefault">;

/** A value one fact sets; lists appear for "no compliance needs" ([]) and the model lists. */
export type FactValue = string | number | boolean | GpusOnHand | readonly string[];

/** One fact taken from the text, with the exact span it came from, so a reply can say "I read: …". */
export interface Understood {
  field: ProfileField;
  value: FactValue;
  /** The words as typed. */
  text: string;
  /** How the value was derived when it is not the typed figure ("÷ 12 from a yearly figure"). */
  note?: string;
}

export type UnderstandResult =
  | { kind: "advice"; profile: Profile; understood: Understood[]; unused: string[] }
  | { kind: "concept"; conceptId: ConceptId }
  | { kind: "empty" }
  | { kind: "invalid"; problems: string[] };

/** A value before or after a follow-up: what the engine would use, defaults included; null when none applies. */
export type ChangeValue = FactValue | null;

export interface ProfileChange {
  field: ProfileField;
  from: ChangeValue;
  to: ChangeValue;
}

export type FollowUpResult =
  | {
      kind: "delta";
      profile: Profile;
      changes: ProfileChange[];
      understood: Understood[];
      unused: string[];
    }
  | { kind: "concept"; conceptId: ConceptId }
  | { kind: "empty" }
  | { kind: "invalid"; problems: string[] };

/** The longest question read; past it the text is refused, not truncated. */
export const MAX_QUESTION_CHARS = 10_000;

import { createHash } from "node:crypto";

/** JSON with object keys sorted at every level, so equal data has one text (and one hash). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/** SHA-256 of the canonical JSON, hex. */
export const jsonHash = (value: unknown): string =>
  createHash("sha256").update(canonicalJson(value)).digest("hex");

import type { z } from "zod";
import type { Logger } from "../logging.js";
import { CorruptRowError, InvalidRecordError } from "./errors.js";
import type { Row } from "./executor.js";

/** "advice.options.0.model: Invalid input: expected string", the first issue only: enough to find the row's fault. */
function firstProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "does not match its schema";
  const path = issue.path.map(String).join(".");
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** A stored row → a checked value; a mismatch is a CorruptRowError naming the table and the key. */
export function readRow<S extends z.ZodType>(
  schema: S,
  table: string,
  row: Row,
  toValue: (row: Row) => unknown,
  key: (row: Row) => string,
): z.infer<S> {
  const parsed = schema.safeParse(toValue(row));
  if (!parsed.success) throw new CorruptRowError(table, key(row), firstProblem(parsed.error));
  return parsed.data;
}

/** Like readRow for lists: a corrupt row is logged and left out, so one bad row does not hide the rest. */
export function readRows<S extends z.ZodType>(
  logger: Logger,
  schema: S,
  table: string,
  rows: readonly Row[],
  toValue: (row: Row) => unknown,
  key: (row: Row) => string,
): Array<z.infer<S>> {
  const out: Array<z.infer<S>> = [];
  for (const row of rows) {
    try {
      out.push(readRow(schema, table, row, toValue, key));
    } catch (error) {
      if (!(error instanceof CorruptRowError)) throw error;
      logger.error(
        { table: error.table, key: error.key, error: error.message },
        "store skipped a corrupt row",
      );
    }
  }
  return out;
}

/** Checks a value before writing it; a mismatch is a caller's bug, reported as InvalidRecordError. */
export function checked<S extends z.ZodType>(schema: S, what: string, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new InvalidRecordError(what, firstProblem(parsed.error));
  return parsed.data;
}

/** Dates from either driver (both return Date for timestamptz; a string is accepted for safety). */
export const asDate = (v: unknown): unknown => (typeof v === "string" ? new Date(v) : v);

export const json = (value: unknown): string => JSON.stringify(value);

/** Clamps a caller's page size to something a chat surface can show and a query can afford. */
export const clampLimit = (limit: number | undefined, fallback: number, max = 200): number =>
  Math.max(1, Math.min(max, Math.trunc(limit ?? fallback)));

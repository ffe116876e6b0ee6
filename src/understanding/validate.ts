import type { z } from "zod";
import { type Profile, ProfileSchema } from "../domain/profile.js";
import { formatNumber } from "./numbers.js";
import { MAX_QUESTION_CHARS, type Understood } from "./types.js";

export type Checked = { ok: true; profile: Profile } | { ok: false; problems: string[] };

/** One line per problem, naming the words it came from when the text gave them. */
function describe(issue: z.core.$ZodIssue, profile: Profile, understood: readonly Understood[]): string {
  const field = issue.path[0];
  const source = understood.find((u) => u.field === field);
  const value = typeof field === "string" ? (profile as Record<string, unknown>)[field] : undefined;
  const said = source ? source.text : typeof value === "number" ? formatNumber(value) : undefined;
  if (issue.code === "too_big" && said !== undefined) {
    const max = typeof issue.maximum === "number" ? ` (max ${formatNumber(issue.maximum)})` : "";
    return `${said} is beyond what this tool models${max}`;
  }
  if (issue.code === "custom" || said === undefined) return issue.message;
  return `${issue.message}: "${said}"`;
}

/** Validates a Profile built from text; a refusal lists every problem, not just the first. */
export function checkProfile(profile: Profile, understood: readonly Understood[]): Checked {
  const parsed = ProfileSchema.safeParse(profile);
  if (parsed.success) return { ok: true, profile: parsed.data };
  const problems = [...new Set(parsed.error.issues.map((i) => describe(i, profile, understood)))];
  return { ok: false, problems };
}

/** The refusal for text past MAX_QUESTION_CHARS, or undefined. */
export function tooLong(text: string): string | undefined {
  if (text.length <= MAX_QUESTION_CHARS) return undefined;
  return `question too long (${formatNumber(text.length)} characters; the limit is ${formatNumber(MAX_QUESTION_CHARS)})`;
}

const COUNTED: ReadonlySet<string> = new Set(["requestsPerMonth", "requestsPerDay", "callsPerMonth"]);

/**
 * Figures the schema allows but a question cannot mean: a volume of zero (nothing to cost), a
 * fraction of a request, zero minutes a call. One line each, naming the words.
 */
export function volumeProblems(understood: readonly Understood[]): string[] {
  const out: string[] = [];
  for (const u of understood) {
    if (typeof u.value !== "number") continue;
    if (COUNTED.has(u.field) && u.value === 0)
      out.push(`"${u.text}" is a volume of zero, which costs nothing; give a volume above zero`);
    else if (COUNTED.has(u.field) && !Number.isInteger(u.value))
      out.push(`"${u.text}": requests and calls are whole; give a whole number`);
    else if (u.field === "minutesPerCall" && u.value === 0)
      out.push(`"${u.text}": a call of zero minutes costs nothing; give the minutes per call`);
  }
  return [...new Set(out)];
}

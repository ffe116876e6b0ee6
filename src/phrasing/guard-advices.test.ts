import { describe, expect, it } from "vitest";
import { adviceFor, HIPAA_QUESTION, SMALL_API_QUESTION } from "../../test/fixtures/advice.js";
import type { Advice } from "../domain/advice.js";
import { adviceFacts, type Facts } from "./facts.js";
import { createGuard } from "./guard.js";
import { templateSummary } from "./template.js";

/** One Advice of each kind, from questions the engine reads; the verdict each gives is checked first. */
const ADVICES: Array<[string, string, Advice["verdict"]]> = [
  ["api", SMALL_API_QUESTION, "api"],
  ["self-hosted", "50M requests a month on gpt-4o, ML team, GDPR", "self-hosted"],
  ["private-cloud", HIPAA_QUESTION, "private-cloud"],
  [
    "hybrid",
    "customer chat needing high accuracy, 5M requests a month, ML team, $10k monthly revenue",
    "hybrid",
  ],
  ["voice", "voice assistant, 50,000 calls a month, 3 minutes per call", "api"],
  ["local", "air-gapped, 200k requests a month, ML team", "local"],
  ["a question without a figure", "help me pick an LLM", "api"],
];

/** What a careful LLM writes: the facts' figures as given, in other words than the template's. */
function paraphrase(f: Facts): string {
  const [top, second] = f.options;
  const out: string[] = [];
  if (top) out.push(`We recommend ${f.verdictLabel}: ${top.model} for ${top.monthly} a month.`);
  if (second) out.push(`The next best is ${second.model} at ${second.monthly} a month.`);
  const be = f.breakEven;
  if (be && "requestsPerMonth" in be)
    out.push(
      `Self-hosting breaks even at ${be.requestsPerMonth} requests a month (${be.monthlyCost}), and at ${f.requestsPerMonth} you are ${be.position === "past it" ? "past it" : `${be.timesBelow} below it`}.`,
    );
  for (const r of f.retirements.slice(0, 1))
    out.push(`${r.model} retires on ${r.retiresOn}${r.inDays !== null ? `, in ${r.inDays} days` : ""}.`);
  return out.join(" ");
}

describe("the guard on every kind of Advice", () => {
  it.each(ADVICES)("passes the template's own summary (%s)", (_, question, verdict) => {
    const a = adviceFor(question);
    expect(a.verdict).toBe(verdict);
    expect(createGuard(a).check(templateSummary(a))).toMatchObject({ ok: true });
  });

  it.each(ADVICES)("passes an LLM's paraphrase that keeps the facts' figures (%s)", (_, question) => {
    const a = adviceFor(question);
    expect(createGuard(a).check(paraphrase(adviceFacts(a)))).toMatchObject({ ok: true });
  });
});

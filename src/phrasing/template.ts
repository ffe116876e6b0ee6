import type { Advice } from "../domain/advice.js";
import { adviceFacts, type FactRetirement, type Facts } from "./facts.js";
import type { PhraseRequest, Phraser, PhraserOutput } from "./types.js";

/**
 * The summary without an LLM: 3-5 sentences from the Advice's facts (verdict, top option and its
 * monthly cost, runner-up, break-even against the volume, the strongest reason, retirements). Every
 * figure is the engine's, formatted by src/domain/format.ts, so it passes the numbers guard by
 * construction (a test checks that).
 */
export function templateSummary(a: Advice): string {
  return factsSummary(adviceFacts(a));
}

const sentence = (s: string): string => {
  const t = s.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
};

function retirementSentence(rs: readonly FactRetirement[]): string | null {
  if (rs.length === 0) return null;
  // Models retiring on the same day for the same replacement read as one sentence.
  const groups = new Map<string, FactRetirement[]>();
  for (const r of rs) {
    const key = `${r.retiresOn}|${r.replacement ?? ""}|${r.inDays ?? ""}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const parts = [...groups.values()].map((g) => {
    const first = g[0] as FactRetirement;
    const names = g.map((r) => r.model).join(" and ");
    const verb = first.inDays !== null && first.inDays < 0 ? "retired" : g.length > 1 ? "retire" : "retires";
    const when =
      first.inDays !== null && first.inDays >= 0
        ? `on ${first.retiresOn} (in ${first.inDays} day${first.inDays === 1 ? "" : "s"})`
        : `on ${first.retiresOn}`;
    return `${names} ${verb} ${when}${first.replacement ? `, replaced by ${first.replacement}` : ""}`;
  });
  return sentence(`Note: ${parts.join("; ")}`);
}

export function factsSummary(f: Facts): string {
  const out: string[] = [];
  const [top, second] = f.options;
  out.push(
    top
      ? sentence(`Recommendation: ${f.verdictLabel}: ${top.model} (${top.where}) at ${top.monthly} a month`)
      : sentence(`Recommendation: ${f.verdictLabel}; no option could be priced`),
  );
  if (second) {
    const kind = second.kind === top?.kind ? "" : `, as ${second.kind}`;
    out.push(sentence(`Runner-up${kind}: ${second.model} (${second.where}) at ${second.monthly} a month`));
  }
  const be = f.breakEven;
  if (be && "never" in be) {
    out.push(sentence(`Self-hosting ${be.selfHosted} never costs less than ${be.api} here: ${be.never}`));
  } else if (be) {
    const where =
      be.position === "no volume"
        ? "no volume was given, so how far you are from it is not said"
        : be.position === "past it"
          ? `at ${f.requestsPerMonth} requests a month you are past it`
          : `at ${f.requestsPerMonth} requests a month you are ${be.timesBelow} below it`;
    const meets = be.costs
      ? `becomes cheaper than ${be.api} at ${be.requestsPerMonth} requests a month (${be.costs.selfHosted} against ${be.costs.api})`
      : `costs the same as ${be.api} at ${be.requestsPerMonth} requests a month (${be.monthlyCost})`;
    out.push(sentence(`Self-hosting ${be.selfHosted} ${meets}; ${where}`));
  }
  const reason = f.reasons[0];
  if (reason) out.push(sentence(`Main reason: ${reason}`));
  const retiring = retirementSentence(f.retirements);
  if (retiring) out.push(retiring);
  return out.join(" ");
}

/** The always-available phraser: no network, deterministic, instant. */
export const templatePhraser: Phraser = {
  name: "template",
  model: "template",
  async phrase(request: PhraseRequest): Promise<PhraserOutput> {
    return { text: templateSummary(request.advice) };
  },
};

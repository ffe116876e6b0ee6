import type { Advice } from "../domain/advice.js";
import { advise } from "../domain/advise.js";
import type { Catalog } from "../domain/catalog/catalog.js";
import type { DomainIssue } from "../domain/errors.js";
import { formatCount } from "../domain/format.js";
import type { Profile } from "../domain/profile.js";
import {
  type AnswerBudget,
  extractProfile,
  type Outcome,
  type PhraseOptions,
  type PhrasingResult,
  type PhrasingService,
  streamPhrasing,
} from "../phrasing/index.js";
import { type AdviceJson, adviceJson } from "../render/json.js";
import type { Understood } from "../understanding/types.js";

/** What every surface needs to answer: the engine's catalog, the phraser, and today's date. */
export interface AnswerDeps {
  catalog: Catalog;
  phrasing: PhrasingService;
  /** Whether unread fragments may be sent to the LLM for structured extraction. */
  extraction: boolean;
  today: () => string;
}

export interface ProfileAnswer {
  profile: Profile;
  advice: Advice;
  contract: AdviceJson;
  summary: PhrasingResult;
  /** When streaming: the streamed text must be replaced by `summary.text` (the guard refused it late). */
  replaceStreamed: boolean;
  /** Facts read, including any the LLM extraction added. */
  understood: Understood[];
  /** What could not be used: the parser's leftovers, and figures the LLM gave that the user never typed. */
  unused: string[];
  /** How the LLM extraction went; null when none was asked for. */
  extraction: { outcome: Outcome } | null;
}

export interface AnswerOptions {
  /** The user's words, passed to the LLM as quoted data and used for extraction. */
  question?: string;
  unused?: readonly string[];
  understood?: readonly Understood[];
  /** Streams the phrased summary; `replace` at the end means the shown text must become the final one. */
  onSummaryDelta?: (text: string) => void | Promise<void>;
  signal?: AbortSignal;
}

/**
 * Profile → Advice → phrased summary → the JSON contract, shared by the CLI, the console, Slack and
 * Teams. When the parser left words unread and extraction is on, the configured LLM may read them;
 * what the user typed always wins. Extraction and phrasing share one budget.
 */
export async function answerProfile(
  profile: Profile,
  deps: AnswerDeps,
  opts: AnswerOptions = {},
): Promise<{ ok: true; value: ProfileAnswer } | { ok: false; issues: DomainIssue[] }> {
  const budget = deps.phrasing.answerBudget(opts.signal);
  try {
    return await answerWithin(profile, deps, opts, budget);
  } finally {
    budget.dispose();
  }
}

async function answerWithin(
  profile: Profile,
  deps: AnswerDeps,
  opts: AnswerOptions,
  budget: AnswerBudget,
): Promise<{ ok: true; value: ProfileAnswer } | { ok: false; issues: DomainIssue[] }> {
  let result = advise(profile, deps.catalog, { today: deps.today() });
  let chosen = profile;
  let understood = [...(opts.understood ?? [])];
  const unused = [...(opts.unused ?? [])];
  let extraction: ProfileAnswer["extraction"] = null;
  if (result.ok && deps.extraction && deps.phrasing.configured && unused.length > 0 && opts.question) {
    const x = await extractProfile(deps.phrasing, opts.question, profile, { signal: opts.signal, budget });
    extraction = { outcome: x.ok ? "llm" : x.outcome };
    if (x.ok)
      for (const r of x.refused)
        unused.push(
          `${r.field} = ${typeof r.value === "number" ? formatCount(r.value) : r.value} from ${x.provider}: no such figure in the question, so the default stands`,
        );
    const richer =
      x.ok && x.added.length > 0 ? advise(x.profile, deps.catalog, { today: deps.today() }) : null;
    if (x.ok && richer?.ok) {
      result = richer;
      chosen = x.profile;
      const note = `read by ${x.provider} (${x.model}) from what the parser could not use`;
      understood = [
        ...understood,
        ...x.added.map((a) => ({
          field: a.field,
          value: a.value,
          text: (opts.unused ?? []).join(", "),
          note,
        })),
      ];
    }
  }
  if (!result.ok) return { ok: false, issues: result.error };
  const phrase = { question: opts.question, signal: opts.signal, budget };
  const phrased = opts.onSummaryDelta
    ? await streamSummary(deps.phrasing, result.value, opts, phrase)
    : { result: await deps.phrasing.phrase(result.value, phrase), replace: false };
  return {
    ok: true,
    value: {
      profile: chosen,
      advice: result.value,
      contract: adviceJson(result.value),
      summary: phrased.result,
      replaceStreamed: phrased.replace,
      understood,
      unused,
      extraction,
    },
  };
}

async function streamSummary(
  service: PhrasingService,
  advice: Advice,
  opts: AnswerOptions,
  phrase: PhraseOptions,
): Promise<{ result: PhrasingResult; replace: boolean }> {
  for await (const event of streamPhrasing(service, advice, phrase)) {
    if (event.kind === "delta") await opts.onSummaryDelta?.(event.text);
    else return { result: event.result, replace: event.replace };
  }
  return { result: await service.phrase(advice, phrase), replace: true };
}

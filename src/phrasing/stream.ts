import type { Advice } from "../domain/advice.js";
import { ProviderResponseError } from "./errors.js";
import { DEFAULT_RETRY, withRetry } from "./retry.js";
import type { PhrasingService, Run } from "./service.js";
import type {
  PhraseOptions,
  PhraseRequest,
  Phraser,
  PhrasingResult,
  StreamEvent,
  StreamPart,
  TokenUsage,
} from "./types.js";

/**
 * How one provider's stream ended: its text passed; it failed before anything was shown (the next
 * provider may try); or it failed after text was shown (the template must replace it).
 */
type StreamEnd = { kind: "accepted"; result: PhrasingResult } | { kind: "failed" } | { kind: "broken" };

/** A sentence ends at . ! or ? followed by whitespace that has arrived (so "$2,858." + "53" is not cut), or at a line break. */
const BOUNDARY = /[.!?]+["')\]]*\s+|\n+/g;

/** Where the text can be cut: after its last complete sentence. */
export function releasable(text: string): number {
  let end = 0;
  for (const m of text.matchAll(BOUNDARY)) end = m.index + m[0].length;
  return end;
}

/** A provider that cannot stream answers in one piece. */
const asStream = (p: Phraser) =>
  async function* (request: PhraseRequest, signal: AbortSignal): AsyncIterable<StreamPart> {
    const out = await p.phrase(request, signal);
    yield { kind: "text", text: out.text };
    if (out.usage) yield { kind: "usage", usage: out.usage };
  };

const delta = (text: string): StreamEvent => ({ kind: "delta", text });
const done = (result: PhrasingResult, replace: boolean): StreamEvent => ({ kind: "done", result, replace });

/**
 * One provider's stream, released sentence by sentence: each sentence is shown only once the text up
 * to it has passed the guard, so an invented number is never shown. The whole text is checked again
 * at the end (the verdict must be named somewhere).
 */
async function* streamOne(
  svc: PhrasingService,
  p: Phraser,
  run: Run,
): AsyncGenerator<StreamEvent, StreamEnd> {
  const stream = p.stream?.bind(p) ?? asStream(p);
  const stop = new AbortController();
  const signal = AbortSignal.any([run.signal, stop.signal]);
  let requests = 0;
  let text = "";
  let released = 0;
  let usage: TokenUsage | undefined;
  let settled = false;
  let it: AsyncIterator<StreamPart> | undefined;
  const ended = (): StreamEnd => (released > 0 ? { kind: "broken" } : { kind: "failed" });
  try {
    // Retries stop at the first piece: after it, a retry would repeat what was shown.
    const first = await withRetry(
      () => {
        requests += 1;
        it = stream({ advice: run.advice, prompt: run.prompt }, signal)[Symbol.asyncIterator]();
        return it.next();
      },
      {
        policy: svc.options.retry ?? DEFAULT_RETRY,
        timing: svc.timing,
        deadline: run.deadline,
        signal: run.signal,
      },
    );
    for (let next = first; !next.done; next = await (it as AsyncIterator<StreamPart>).next()) {
      const part = next.value;
      if (part.kind === "usage") {
        usage = part.usage;
        continue;
      }
      text += part.text;
      const upto = releasable(text);
      if (upto <= released) continue;
      const check = run.guard.check(text.slice(0, upto), false);
      if (!check.ok) {
        stop.abort();
        settled = true;
        svc.rejected(run, p, check, requests);
        return ended();
      }
      yield delta(text.slice(released, upto));
      released = upto;
    }
    // A stream may end quietly when the budget aborts it (the openai SDK's does): that is a timeout, not an answer.
    run.signal.throwIfAborted();
    settled = true;
    if (!text.trim()) throw new ProviderResponseError("no text");
    svc.breaker(p).success();
    svc.countTokens(p, usage);
  } catch (e) {
    settled = true;
    svc.failed(run, p, e, requests, "phrasing");
    return ended();
  } finally {
    if (!settled) svc.breaker(p).release();
    stop.abort();
    await it?.return?.().catch(() => undefined);
  }
  const final = run.guard.check(text, true);
  if (!final.ok) {
    svc.rejected(run, p, final, requests);
    return ended();
  }
  if (text.length > released) yield delta(text.slice(released));
  return { kind: "accepted", result: svc.accepted(run, p, text, usage, requests) };
}

/**
 * An Advice phrased as a stream, for Slack's chat streaming and Teams' 1:1 streaming: cache, breaker,
 * budget and fallback as for `PhrasingService.phrase`, with text shown as it arrives. See StreamEvent
 * for how a surface shows it.
 */
export async function* streamPhrasing(
  svc: PhrasingService,
  advice: Advice,
  opts: PhraseOptions,
): AsyncGenerator<StreamEvent> {
  const run = svc.begin(advice, opts);
  try {
    for (const p of svc.providers) {
      if (svc.outOfTime(run, p)) break;
      const cached = svc.cached(p, run);
      if (cached) {
        yield delta(cached.text);
        yield done(cached, false);
        return;
      }
      if (!svc.breaker(p).tryAcquire()) {
        svc.record(run, p, "circuit-open", 0);
        continue;
      }
      const end = yield* streamOne(svc, p, run);
      if (end.kind === "accepted") {
        yield done(end.result, false);
        return;
      }
      if (end.kind === "broken") {
        yield done(svc.fallback(run), true);
        return;
      }
    }
    const result = svc.fallback(run);
    yield delta(result.text);
    yield done(result, false);
  } finally {
    run.dispose();
  }
}

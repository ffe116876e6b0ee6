import { CONCEPTS, type Concept } from "../domain/concepts.js";
import type { Profile } from "../domain/profile.js";
import type { Logger } from "../logging.js";
import type { Metrics } from "../metrics.js";
import type { PhrasingResult } from "../phrasing/index.js";
import type { AnswerActionId } from "../render/answer-actions.js";
import { chartInputFromAdvice, chartPng } from "../render/chart.js";
import { changeNote } from "../render/detail-views.js";
import type { Store, StoredAnswer, ThreadKey } from "../store/index.js";
import { applyFollowUp, understand } from "../understanding/index.js";
import type { Understood } from "../understanding/types.js";
import { type AnswerDeps, answerProfile } from "./answer-profile.js";

/**
 * One conversation turn, the same on every surface: a question or a follow-up in a thread becomes
 * a stored answer; a button on an answer becomes a detail, a what-if or a chart. Surfaces only
 * translate their payloads into these calls and render what comes back.
 */
export interface ConversationDeps extends AnswerDeps {
  store: Store;
  logger: Logger;
  metrics: Pick<Metrics, "questions" | "answerSeconds">;
  now: () => Date;
}

export interface Incoming {
  thread: ThreadKey;
  userId: string;
  text: string;
  /** Keep the question's words with the answer (App Home lists them). */
  keepQuestion?: boolean;
  onSummaryDelta?: (text: string) => void | Promise<void>;
  signal?: AbortSignal;
}

export interface Answered {
  kind: "answer";
  answer: StoredAnswer;
  summary: PhrasingResult;
  replaceStreamed: boolean;
  understood: Understood[];
  unused: string[];
  /** For a follow-up: what changed and what it did to the answer; null for a new question. */
  change: string | null;
}

export type Turn =
  | Answered
  | { kind: "concept"; concept: Concept }
  | { kind: "help" }
  /** A clear, specific message for the user; nothing was stored. */
  | { kind: "rejected"; message: string };

/**
 * A follow-up from which nothing was read ("thanks!", "ok", a remark to a colleague): no Profile
 * field changed and no question was asked, so nothing was stored or phrased. Only `converse` returns it.
 */
export interface NothingRead {
  kind: "nothing-read";
  /** The words that were not understood, for a surface that wants to quote them. */
  unused: string[];
}

export type ActionResult =
  | { kind: "breakdown"; answer: StoredAnswer }
  | { kind: "plan"; answer: StoredAnswer }
  | { kind: "chart"; answer: StoredAnswer; png: Uint8Array; title: string }
  | { kind: "subscribe"; answer: StoredAnswer }
  | { kind: "what-if"; turn: Turn }
  | { kind: "rejected"; message: string };

const HELP = /^\s*(help|\?|usage|how does this work\??)\s*$/i;
const SCALE: Record<string, string> = { "what-if-10x": "10x the volume", "what-if-0.1x": "0.1x the volume" };

export class Conversation {
  constructor(private readonly deps: ConversationDeps) {}

  /**
   * A message: a new question, or a follow-up when the thread already has an answer. A follow-up
   * that reads nothing is answered in full (the thread's answer again); `converse` reports it instead.
   */
  async turn(msg: Incoming, surface: string): Promise<Turn> {
    const turn = await this.run(msg, surface, false);
    if (turn.kind === "nothing-read") throw new Error("a follow-up read nothing although told to answer");
    return turn;
  }

  /**
   * Like `turn`, but a follow-up from which nothing was read (no Profile change, no question) comes
   * back as `nothing-read`, without storing an answer, so the surface can stay silent or say what it
   * can change.
   */
  async converse(msg: Incoming, surface: string): Promise<Turn | NothingRead> {
    return this.run(msg, surface, true);
  }

  private async run(msg: Incoming, surface: string, reportNothing: boolean): Promise<Turn | NothingRead> {
    if (HELP.test(msg.text)) return { kind: "help" };
    return this.timed(surface, async () => {
      const thread = await this.deps.store.threads.getThread(msg.thread);
      return thread
        ? this.followUp(msg, thread.profile, thread.latestAnswerId, reportNothing)
        : this.ask(msg);
    });
  }

  /** Counts an answered turn by surface and verdict, and how long it took. */
  private async timed<T extends Turn | NothingRead>(surface: string, run: () => Promise<T>): Promise<T> {
    const started = this.deps.now().getTime();
    const turn = await run();
    if (turn.kind === "answer") {
      this.deps.metrics.questions.inc({ surface, verdict: turn.answer.advice.verdict });
      this.deps.metrics.answerSeconds.observe({ surface }, (this.deps.now().getTime() - started) / 1000);
    }
    return turn;
  }

  private async ask(msg: Incoming): Promise<Turn> {
    const u = understand(msg.text, this.deps.catalog);
    switch (u.kind) {
      case "empty":
        return { kind: "help" };
      case "invalid":
        return { kind: "rejected", message: u.problems.join("; ") };
      case "concept":
        return conceptTurn(u.conceptId);
      case "advice":
        return this.answer(msg, u.profile, u.understood, u.unused, null);
    }
  }

  private async followUp(
    msg: Incoming,
    previous: Profile,
    previousAnswerId: string,
    reportNothing: false,
  ): Promise<Turn>;
  private async followUp(
    msg: Incoming,
    previous: Profile,
    previousAnswerId: string,
    reportNothing: boolean,
  ): Promise<Turn | NothingRead>;
  private async followUp(
    msg: Incoming,
    previous: Profile,
    previousAnswerId: string,
    reportNothing: boolean,
  ): Promise<Turn | NothingRead> {
    const f = applyFollowUp(previous, msg.text, this.deps.catalog);
    switch (f.kind) {
      case "empty":
        return reportNothing ? { kind: "nothing-read", unused: [] } : { kind: "help" };
      case "invalid":
        return { kind: "rejected", message: f.problems.join("; ") };
      case "concept":
        return conceptTurn(f.conceptId);
      case "delta": {
        if (reportNothing && f.understood.length === 0 && f.changes.length === 0)
          return { kind: "nothing-read", unused: f.unused };
        const before = await this.deps.store.threads.getAnswer(previousAnswerId);
        return this.answer(
          msg,
          f.profile,
          f.understood,
          f.unused,
          before ? { before, changes: f.changes } : null,
        );
      }
    }
  }

  private async answer(
    msg: Incoming,
    profile: Profile,
    understood: Understood[],
    unused: string[],
    previous: { before: StoredAnswer; changes: Array<{ field: string; from: unknown; to: unknown }> } | null,
  ): Promise<Turn> {
    const r = await answerProfile(profile, this.deps, {
      question: msg.text,
      unused,
      understood,
      onSummaryDelta: msg.onSummaryDelta,
      signal: msg.signal,
    });
    if (!r.ok) return { kind: "rejected", message: r.issues.map((i) => i.message).join("; ") };
    const answer = await this.deps.store.threads.saveAnswer({
      thread: msg.thread,
      userId: msg.userId,
      question: msg.keepQuestion ? msg.text : null,
      profile: r.value.profile,
      advice: r.value.contract,
    });
    return {
      kind: "answer",
      answer,
      summary: r.value.summary,
      replaceStreamed: r.value.replaceStreamed,
      understood: r.value.understood,
      // answerProfile adds the figures an LLM read that the question did not contain.
      unused: r.value.unused,
      change: previous ? changeNote(previous.changes, previous.before.advice, r.value.contract) : null,
    };
  }

  /** A button on a stored answer; works after a restart since everything comes from the store. */
  async action(
    answerId: string,
    action: AnswerActionId,
    actor: { userId: string },
    surface: string,
  ): Promise<ActionResult> {
    const answer = await this.deps.store.threads.getAnswer(answerId);
    if (!answer)
      return { kind: "rejected", message: "That answer is no longer stored; ask the question again." };
    switch (action) {
      case "breakdown":
        return { kind: "breakdown", answer };
      case "plan":
        return { kind: "plan", answer };
      case "subscribe":
        return { kind: "subscribe", answer };
      case "chart": {
        const input = chartInputFromAdvice(answer.advice);
        if (!input)
          return {
            kind: "rejected",
            message:
              "No self-hosted option could be sized for this answer, so there is no break-even to chart.",
          };
        return {
          kind: "chart",
          answer,
          png: await chartPng(input),
          title: `${input.title}: ${input.apiLabel} vs ${input.selfHostedLabel}`,
        };
      }
      case "what-if-10x":
      case "what-if-0.1x": {
        // Scales the volume of the answer the button sits on, even if the thread moved on since.
        const msg: Incoming = { thread: answer.thread, userId: actor.userId, text: SCALE[action] ?? "" };
        const turn = await this.timed(surface, () => this.followUp(msg, answer.profile, answer.id, false));
        return { kind: "what-if", turn };
      }
    }
  }
}

function conceptTurn(id: string): Turn {
  const concept = CONCEPTS.find((c) => c.id === id);
  return concept
    ? { kind: "concept", concept }
    : { kind: "rejected", message: "I could not find that explanation." };
}

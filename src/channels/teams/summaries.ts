/**
 * The summary each recent answer was posted with (the phrased text and what a follow-up changed), so
 * that a card updated in place by Cost breakdown or Migration plan keeps it. The store keeps answers,
 * not their phrasing, so this is per process and bounded; an answer it does not know gets its detail
 * in the thread instead (messages.ts's answerWithDetail).
 */
export class RecentSummaries {
  private readonly byAnswer = new Map<string, string>();

  constructor(private readonly capacity = 1000) {}

  remember(answerId: string, summary: string): void {
    this.byAnswer.delete(answerId);
    this.byAnswer.set(answerId, summary);
    // A Map iterates in insertion order: the first key is the least recently posted answer.
    if (this.byAnswer.size > this.capacity) {
      const oldest = this.byAnswer.keys().next().value;
      if (oldest !== undefined) this.byAnswer.delete(oldest);
    }
  }

  get(answerId: string): string | null {
    return this.byAnswer.get(answerId) ?? null;
  }
}

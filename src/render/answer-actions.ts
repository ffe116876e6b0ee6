/** The buttons under every answer, shared by Slack and Teams so both offer the same actions. */
export const ANSWER_ACTIONS = [
  { id: "breakdown", label: "Cost breakdown" },
  { id: "what-if-10x", label: "What if 10× volume" },
  { id: "what-if-0.1x", label: "What if 0.1× volume" },
  { id: "plan", label: "Migration plan" },
  { id: "chart", label: "Break-even chart" },
  { id: "subscribe", label: "Subscribe this channel to a digest" },
] as const;

export type AnswerActionId = (typeof ANSWER_ACTIONS)[number]["id"];

/** What a button carries: the stored answer it belongs to and what to do; state lives in the store. */
export interface AnswerActionValue {
  answerId: string;
  action: AnswerActionId;
}

export const isAnswerAction = (x: string): x is AnswerActionId => ANSWER_ACTIONS.some((a) => a.id === x);

/** "seeds/003_b115a8f15225916a.txt (Decision Flowchart)" → "seed 003 (Decision Flowchart)": short enough for chat. */
export const shortSource = (source: string): string =>
  source.replace(/seeds\/(\d{3})_[0-9a-f]+\.txt/g, "seed $1");

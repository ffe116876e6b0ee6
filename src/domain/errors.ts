/**
 * The domain's expected failures, as data with a stable code. Edges turn them into replies;
 * the domain never throws them (STYLE 17, 18).
 */
export type DomainIssueCode =
  | "unknown-model"
  | "not-a-chat-model"
  | "invalid-profile"
  | "no-throughput-data"
  | "does-not-fit"
  | "no-price";

export interface DomainIssue {
  code: DomainIssueCode;
  /** One line a person can act on, with no internals. */
  message: string;
  /** The field or model the issue is about. */
  subject?: string;
  /** For unknown-model: close matches the user may have meant. */
  suggestions?: string[];
}

export const issue = (
  code: DomainIssueCode,
  message: string,
  extra: Partial<DomainIssue> = {},
): DomainIssue => ({
  code,
  message,
  ...extra,
});

/** The CLI's failures: a stable code, the exit status, and one line for the user (STYLE 17). */
export type CliErrorCode = "usage" | "invalid-input" | "unknown-model" | "config" | "internal";

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_BAD_INPUT = 2;

export class CliError extends Error {
  readonly code: CliErrorCode;
  readonly exitCode: number;
  /** What the user reads on stderr: one line, no internals. */
  readonly userMessage: string;

  constructor(code: CliErrorCode, userMessage: string) {
    super(userMessage);
    this.name = "CliError";
    this.code = code;
    this.userMessage = userMessage.replace(/\s*\n\s*/g, " ");
    this.exitCode = code === "internal" ? EXIT_INTERNAL : EXIT_BAD_INPUT;
  }
}

export const badInput = (message: string): CliError => new CliError("invalid-input", message);

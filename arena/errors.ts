/**
 * A user error at the CLI edge (bad flag, unknown game or agent, malformed config). The CLI prints its message on
 * one line and exits with code 2; no stack trace.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** "unknown game 'x'; valid choices: a, b, c" */
export function unknownChoice(what: string, given: string, choices: readonly string[]): UsageError {
  return new UsageError(`unknown ${what} '${given}'; valid choices: ${choices.join(', ')}`);
}

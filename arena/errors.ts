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
  return new UsageError(`unknown ${what} '${given}'; valid choices: ${choices.length > 0 ? choices.join(', ') : '(none)'}`);
}

/** Exit codes of the CLI (the README's table): 1 a failed command or a regression, 2 a usage error. */
export const EXIT_INCOMPLETE = 3;
export const EXIT_INTERRUPTED = 130;
/** A run that stopped because a budget cap (usd, tokens, matches, hours) was about to be passed; raise it to resume. */
export const EXIT_BUDGET = 4;

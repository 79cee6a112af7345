/**
 * The endpoint or the network failed in a way that retries did not fix (or that retrying cannot fix: a bad key,
 * a bad model name). Never a decision and never a loss: the match runners end the match with status `error`,
 * reason `infrastructure` (they recognise the error by its `name`). Messages and causes are already redacted.
 */
export class InfrastructureError extends Error {
  override readonly name = 'InfrastructureError';
  /** HTTP status of the last failed attempt, if the server answered. */
  readonly status: number | undefined;
  /** Attempts made, the first included. */
  readonly attempts: number;

  constructor(message: string, options: { cause?: unknown; status?: number; attempts?: number } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.status = options.status;
    this.attempts = options.attempts ?? 1;
  }
}

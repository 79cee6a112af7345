/**
 * Secret hygiene: API keys travel only in the Authorization header. Any text that may leave the transport (error
 * messages, causes, server error bodies) goes through `redact` first.
 */
const BEARER = /Bearer\s+[A-Za-z0-9._~+/=-]+/g;

/** Replaces every occurrence of each secret (and any bearer token) with `[redacted]`. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  return out.replace(BEARER, 'Bearer [redacted]');
}

/**
 * A safe stand-in for a caught error: same name, redacted message, the `code` kept (ECONNRESET, UND_ERR_SOCKET),
 * and the chain of causes rebuilt the same way. Other properties are dropped, since they may hold headers.
 */
export function redactError(err: unknown, secrets: readonly string[], depth = 0): Error {
  if (!(err instanceof Error)) return new Error(redact(String(err), secrets));
  const cause = depth < 4 && err.cause !== undefined ? redactError(err.cause, secrets, depth + 1) : undefined;
  const copy = new Error(redact(err.message, secrets), cause === undefined ? undefined : { cause });
  copy.name = err.name;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') Object.assign(copy, { code });
  copy.stack = `${copy.name}: ${copy.message}`;
  return copy;
}

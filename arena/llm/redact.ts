/**
 * Secret hygiene: API keys travel only in the Authorization header. Every text that leaves the transport (reply
 * content, reasoning, refusal, tool calls, error messages, causes, server error bodies) goes through `redact` first,
 * against every key the arena holds (all configured keys, not just the endpoint's own; see `addSecrets`).
 */
const BEARER = /Bearer\s+[A-Za-z0-9._~+/=-]+/g;

/** Shorter values are not treated as secrets (they would blank out ordinary text). */
const MIN_SECRET = 4;

const known = new Set<string>();

/** Registers keys the arena holds (e.g. every configured model's key), so that replies from any endpoint are cleaned of them. */
export function addSecrets(values: Iterable<string | null | undefined>): void {
  for (const value of values) if (typeof value === 'string' && value.length >= MIN_SECRET) known.add(value);
}

/** Every registered key, plus `extra`, longest first (so a key that contains another is removed whole). */
export function secretsWith(extra: readonly (string | null)[] = []): string[] {
  const all = new Set(known);
  for (const value of extra) if (value !== null && value.length >= MIN_SECRET) all.add(value);
  return [...all].sort((a, b) => b.length - a.length);
}

function removeSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= MIN_SECRET && out.includes(secret)) out = out.split(secret).join('[redacted]');
  }
  return out;
}

/** Replaces every occurrence of each secret (and any bearer token) with `[redacted]`. For error text. */
export function redact(text: string, secrets: readonly string[]): string {
  return removeSecrets(text, secrets).replace(BEARER, 'Bearer [redacted]');
}

/**
 * A parsed reply body with every secret removed from every string in it (keys of objects included): content,
 * reasoning, refusal and tool-call arguments alike, whatever JSON escaping the server used. Model text is otherwise
 * left exactly as sent (no bearer-token pattern: only known secrets are removed).
 */
export function redactJson(value: unknown, secrets: readonly string[]): unknown {
  if (secrets.length === 0) return value;
  if (typeof value === 'string') return removeSecrets(value, secrets);
  if (Array.isArray(value)) return value.map((item) => redactJson(item, secrets));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[removeSecrets(key, secrets)] = redactJson(item, secrets);
    return out;
  }
  return value;
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

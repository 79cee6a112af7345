import pRetry, { AbortError as StopRetrying } from 'p-retry';
import { completionSchema, toChatResult, type ChatResult } from './chat.js';
import { InfrastructureError } from './infrastructure-error.js';
import { endpointLimit } from './limiter.js';
import { redact, redactError, redactJson, secretsWith } from './redact.js';
import { StreamAssembler, StreamError } from './stream.js';
import { createParser } from 'eventsource-parser';
import { httpPost, readText, type HttpResponse } from './http-client.js';

/** How to reach one endpoint and how hard to try. */
export interface TransportOptions {
  /** API root; `/chat/completions` is appended. */
  readonly baseUrl: string;
  /** Sent only as `Authorization: Bearer ...`; null for servers without keys. */
  readonly apiKey: string | null;
  /** Name of the variable the key came from, for error hints (never the key itself). */
  readonly apiKeyEnv: string | null;
  /** Per attempt, covering the whole response body. */
  readonly timeoutMs: number;
  /** Retries after the first attempt. */
  readonly retries: number;
  readonly retryBaseMs: number;
  readonly retryMaxMs: number;
  /** Requests in flight on this base URL (shared, see limiter.ts). */
  readonly concurrency: number;
  /** Ask for server-sent events (`stream: true`, usage in the last chunk) and assemble them. */
  readonly stream?: boolean;
  /** Streaming: the longest wait for the next bytes before the attempt fails (separate from `timeoutMs`, the whole attempt). */
  readonly idleTimeoutMs?: number;
}

/** One failed attempt, classified. Retryable: timeouts, dropped connections, 408/409/429, 5xx, malformed bodies. */
class AttemptFailure extends Error {
  override readonly name = 'AttemptFailure';
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
    readonly retryAfterMs?: number,
    cause?: Error,
  ) {
    super(message, cause === undefined ? undefined : { cause });
  }
}

const RETRYABLE_STATUS = new Set([408, 409, 429]);

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUS.has(status) || status >= 500;
}

/** Response headers, read by name (a fetch `Headers`, or a lower-cased header record wrapped by `headerReader`). */
export interface HeaderReader {
  get(name: string): string | null;
}

/** Reads the lower-cased header record of a node response like `Headers` (repeated headers joined by ', '). */
export function headerReader(headers: Readonly<Record<string, string | string[] | undefined>>): HeaderReader {
  return {
    get: (name) => {
      const value = headers[name.toLowerCase()];
      return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
    },
  };
}

/** Milliseconds a server asked us to wait (`retry-after-ms`, or `retry-after` in seconds or as an HTTP date). */
export function retryAfterMs(headers: HeaderReader, now: number = Date.now()): number | undefined {
  const ms = Number(headers.get('retry-after-ms') ?? Number.NaN);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers.get('retry-after');
  if (value === null) return undefined;
  const seconds = Number(value);
  if (value.trim() !== '' && Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/**
 * Delay before retry number `retry` (1-based): exponential from `base`, jittered over its upper half, at least the
 * server's Retry-After, and never more than `max`.
 */
export function backoffMs(retry: number, base: number, max: number, serverAsked = 0, random: number = Math.random()): number {
  const exp = Math.min(max, base * 2 ** (retry - 1));
  return Math.min(max, Math.max(exp / 2 + (random * exp) / 2, serverAsked));
}

function serverMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } | string; message?: unknown };
    const err = parsed.error;
    const message = typeof err === 'string' ? err : typeof err?.message === 'string' ? err.message : parsed.message;
    if (typeof message === 'string') return message.slice(0, 300);
  } catch {
    // Not JSON: fall through to the raw text.
  }
  return body.replace(/\s+/g, ' ').trim().slice(0, 300);
}

function statusFailure(status: number, headers: HeaderReader, body: string, options: TransportOptions, secrets: readonly string[]): AttemptFailure {
  const said = redact(serverMessage(redact(body, secrets)), secrets);
  const hint = status === 401 || status === 403 ? ` (check the key in ${options.apiKeyEnv ?? 'the configured environment variable'})` : '';
  const message = `HTTP ${status}${said ? `: ${said}` : ''}${hint}`;
  return new AttemptFailure(message, isRetryableStatus(status), status, retryAfterMs(headers));
}

function describeNetworkError(err: unknown): string {
  const cause = err instanceof Error ? err.cause : undefined;
  const inner = cause instanceof Error ? cause : err instanceof Error ? err : undefined;
  const code = (inner as { code?: unknown } | undefined)?.code;
  const text = inner?.message ?? String(err);
  return typeof code === 'string' ? `${code}: ${text}` : text;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  const err = new Error(reason instanceof Error ? reason.message : 'aborted');
  err.name = 'AbortError';
  return err;
}

/** How long a stream may stay open after its [DONE] event before its connection is closed. */
const DONE_GRACE_MS = 1000;

/**
 * Reads a server-sent-event body into a ChatResult. `touch` is called whenever bytes arrive (the idle timer).
 * Secrets are removed from the assembled reply, so a key split across deltas is found too.
 */
async function readStream(response: HttpResponse, secrets: readonly string[], touch: () => void, started: number): Promise<ChatResult> {
  const assembler = new StreamAssembler();
  let finished = false;
  let failure: AttemptFailure | undefined;
  const parser = createParser({
    onEvent: (event) => {
      if (finished || failure !== undefined) return;
      if (event.data.trim() === '[DONE]') {
        finished = true;
        return;
      }
      try {
        assembler.add(event.data);
      } catch (err) {
        const said = redact(err instanceof Error ? err.message : String(err), secrets).slice(0, 300);
        failure = new AttemptFailure(err instanceof StreamError ? `error event mid-stream: ${said}` : `a streamed event that is not JSON: ${redact(event.data, secrets).slice(0, 120)}`, true, response.statusCode);
      }
    },
  });
  const decoder = new TextDecoder();
  // After [DONE] the rest of the body is still read, so the connection goes back to the pool; a server that keeps
  // the stream open longer than DONE_GRACE_MS after it has its connection closed instead.
  let grace: ReturnType<typeof setTimeout> | undefined;
  try {
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      if (finished) continue;
      touch();
      parser.feed(decoder.decode(chunk, { stream: true }));
      if (failure !== undefined) break;
      if (finished) grace = setTimeout(() => response.body.destroy(), DONE_GRACE_MS);
    }
  } catch (err) {
    // A body cut short after [DONE] (by the grace timer or the server) loses nothing.
    if (!finished) throw err;
  } finally {
    clearTimeout(grace);
    if (!response.body.destroyed && !response.body.readableEnded) response.body.destroy();
  }
  if (failure !== undefined) throw failure;
  if (!assembler.complete) throw new AttemptFailure(`HTTP ${response.statusCode}: the stream ended without a completion`, true, response.statusCode);
  return redactJson(assembler.result(performance.now() - started), secrets) as ChatResult;
}

async function attempt(url: string, init: { headers: Record<string, string>; body: string }, options: TransportOptions, secrets: readonly string[], signal?: AbortSignal): Promise<ChatResult> {
  if (signal?.aborted) throw new StopRetrying(abortError(signal));
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  const onAbort = (): void => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  const started = performance.now();
  let idle: ReturnType<typeof setTimeout> | undefined;
  let idled = false;
  const touch = (): void => {
    if (options.stream !== true || options.idleTimeoutMs === undefined) return;
    clearTimeout(idle);
    idle = setTimeout(() => {
      idled = true;
      controller.abort();
    }, options.idleTimeoutMs);
  };
  try {
    touch();
    // Node's client on keep-alive pools (http-client.ts), redirects followed; it asks for no compressed encoding, so
    // bodies arrive as sent. Each attempt is bounded by `timeoutMs` (and, streaming, `idleTimeoutMs`) here.
    const response = await httpPost(url, init.headers, init.body, controller.signal);
    touch();
    const status = response.statusCode;
    const ok = status >= 200 && status < 300;
    const headers = headerReader(response.headers);
    if (ok && options.stream === true && (headers.get('content-type') ?? '').includes('text/event-stream')) {
      return await readStream(response, secrets, touch, started);
    }
    const body = await readText(response.body);
    const latency = performance.now() - started;
    if (!ok) throw statusFailure(status, headers, body, options, secrets);
    let payload: unknown;
    try {
      payload = JSON.parse(body) as unknown;
    } catch {
      throw new AttemptFailure(`HTTP ${status} with a body that is not JSON: ${redact(body, secrets).slice(0, 120)}`, true, status);
    }
    // The one place a reply is built: every secret is removed before anything parses, caches, traces or shows it.
    const parsed = completionSchema.safeParse(redactJson(payload, secrets));
    if (!parsed.success) {
      const said = redact(serverMessage(redact(body, secrets)), secrets);
      throw new AttemptFailure(`HTTP ${status} without a usable completion: ${said}`, true, status);
    }
    return toChatResult(parsed.data, latency, 0);
  } catch (err) {
    if (err instanceof AttemptFailure) throw err;
    if (signal?.aborted) throw new StopRetrying(abortError(signal));
    if (idled) throw new AttemptFailure(`no data for ${options.idleTimeoutMs ?? 0} ms while streaming (idle timeout)`, true);
    if (controller.signal.aborted) throw new AttemptFailure(`no complete response within ${options.timeoutMs} ms`, true);
    throw new AttemptFailure(`connection failed (${redact(describeNetworkError(err), secrets)})`, true, undefined, undefined, redactError(err, secrets));
  } finally {
    clearTimeout(timer);
    clearTimeout(idle);
    signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * POSTs one chat-completions request. The single place where remote failures are handled: retryable failures are
 * retried with jittered exponential backoff (honouring Retry-After) up to `retries` times; then, or at once for
 * other 4xx statuses, an InfrastructureError is thrown (redacted, with the last failure as `cause`). Aborting
 * `signal` rejects with an `AbortError` and is never retried. Concurrency is limited per base URL, counting only
 * attempts in flight (not backoff waits).
 */
export async function postChat(options: TransportOptions, body: Readonly<Record<string, unknown>>, caller?: AbortSignal): Promise<ChatResult> {
  // One listener on the caller's signal per request, however many attempts and waits it takes: a signal shared by
  // many requests in flight (a whole tournament's) must not collect a listener per attempt.
  const local = caller === undefined ? undefined : new AbortController();
  const forward = (): void => local?.abort(caller?.reason);
  if (caller?.aborted) forward();
  else caller?.addEventListener('abort', forward, { once: true });
  try {
    return await postChatOnce(options, body, local?.signal);
  } finally {
    caller?.removeEventListener('abort', forward);
  }
}

async function postChatOnce(options: TransportOptions, body: Readonly<Record<string, unknown>>, signal?: AbortSignal): Promise<ChatResult> {
  const url = `${options.baseUrl}/chat/completions`;
  const secrets = secretsWith([options.apiKey]);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.apiKey !== null) headers['authorization'] = `Bearer ${options.apiKey}`;
  // Streaming is how the reply travels, not what is asked: it is added here, outside the request the cache keys on.
  const sent = options.stream === true ? { ...body, stream: true, stream_options: { include_usage: true } } : body;
  const init = { headers, body: JSON.stringify(sent) };
  const limit = endpointLimit(options.baseUrl, options.concurrency);
  let attempts = 0;
  try {
    const result = await pRetry(
      () => {
        attempts++;
        return limit(() => attempt(url, init, options, secrets, signal));
      },
      {
        retries: options.retries,
        minTimeout: 0,
        maxTimeout: 0,
        factor: 1,
        randomize: false,
        ...(signal === undefined ? {} : { signal }),
        shouldRetry: (err) => err instanceof AttemptFailure && err.retryable,
        onFailedAttempt: async (err) => {
          if (!(err instanceof AttemptFailure) || !err.retryable || err.retriesLeft <= 0) return;
          await sleep(backoffMs(err.attemptNumber, options.retryBaseMs, options.retryMaxMs, err.retryAfterMs), signal);
        },
      },
    );
    return { ...result, retries: attempts - 1 };
  } catch (err) {
    if (signal?.aborted) throw abortError(signal);
    if (err instanceof Error && err.name === 'AbortError') throw err;
    if (err instanceof AttemptFailure) {
      const tail = err.retryable ? ` (gave up after ${attempts} attempt${attempts === 1 ? '' : 's'})` : '';
      throw new InfrastructureError(`${options.baseUrl}: ${err.message}${tail}`, {
        cause: err,
        attempts,
        ...(err.status === undefined ? {} : { status: err.status }),
      });
    }
    throw new InfrastructureError(`${options.baseUrl}: ${redact(err instanceof Error ? err.message : String(err), secrets)}`, { cause: redactError(err, secrets), attempts });
  }
}

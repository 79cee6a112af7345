import { Redis } from 'ioredis';
import { UsageError } from '../errors.js';

/** Redis could not be reached (at start, or lost for longer than the reconnect window): one line naming the URL. */
export class QueueUnavailableError extends UsageError {
  readonly queueUnavailable = true;
}

/** The URL as it may be shown: a password in it is replaced by `***`. */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return '(unparsable URL)';
  }
}

/** Checks the form of a Redis URL (`redis://host:port[/db]` or `rediss://` for TLS). */
export function checkRedisUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`--redis expects a URL such as redis://127.0.0.1:6379, got '${displayUrl(url)}'`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new UsageError(`--redis expects a redis:// or rediss:// URL, got '${displayUrl(url)}'`);
  }
  return url;
}

function reason(err: unknown): string {
  const e = err as { code?: unknown; message?: unknown } | undefined;
  const message = typeof e?.message === 'string' && e.message !== '' ? e.message : String(err);
  return typeof e?.code === 'string' && !message.includes(e.code) ? `${e.code}: ${message}` : message;
}

/**
 * Connects once, without retrying, and pings: resolves when Redis answers, else throws a QueueUnavailableError
 * naming the URL. Nothing is written anywhere.
 */
export async function checkRedis(url: string, timeoutMs = 5000): Promise<void> {
  checkRedisUrl(url);
  const client = new Redis(url, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  let last: unknown;
  client.on('error', (err) => (last = err));
  try {
    await client.connect();
    await client.ping();
  } catch (err) {
    throw new QueueUnavailableError(`cannot reach Redis at ${displayUrl(url)}: ${reason(last ?? err)}`);
  } finally {
    client.disconnect();
  }
}

/**
 * A long-lived connection for BullMQ (blocking commands wait, so no per-request retry limit). While Redis is away
 * it reconnects for `giveUpMs`, then gives up: `lost` is called once with a one-line message naming the URL.
 */
export function connectRedis(url: string, options: { readonly giveUpMs?: number; readonly lost?: (message: string) => void } = {}): Redis {
  const giveUpMs = options.giveUpMs ?? 15_000;
  let downSince: number | undefined;
  let last: unknown;
  let told = false;
  const client = new Redis(url, {
    maxRetriesPerRequest: null,
    retryStrategy: () => {
      downSince ??= Date.now();
      if (Date.now() - downSince > giveUpMs) return null;
      return 250;
    },
  });
  client.on('error', (err) => (last = err));
  client.on('ready', () => (downSince = undefined));
  client.on('end', () => {
    if (told) return;
    told = true;
    options.lost?.(`lost Redis at ${displayUrl(url)} (unreachable for ${Math.round(giveUpMs / 1000)} s): ${last === undefined ? 'connection closed' : reason(last)}`);
  });
  return client;
}

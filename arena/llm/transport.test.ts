import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InfrastructureError } from './infrastructure-error.js';
import { startTestServer, type TestServer } from './test-server.js';
import { backoffMs, isRetryableStatus, postChat, retryAfterMs, type TransportOptions } from './transport.js';

let server: TestServer;
let options: TransportOptions;
const body = { model: 'm', messages: [{ role: 'user', content: 'hello there' }] };

beforeAll(async () => {
  server = await startTestServer();
  options = { baseUrl: server.url, apiKey: 'k-1234', apiKeyEnv: 'TEST_KEY', timeoutMs: 2000, retries: 3, retryBaseMs: 1, retryMaxMs: 20, concurrency: 8 };
});
afterAll(() => server.close());

async function failure(promise: Promise<unknown>): Promise<InfrastructureError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InfrastructureError);
  return err as InfrastructureError;
}

describe('postChat against the test server', () => {
  it('returns the content, tokens and latency of a well-formed answer', async () => {
    server.reset();
    server.setBehaviour({ kind: 'answer', text: '{"move": "b2"}', reasoning: 'centre is best' });
    const result = await postChat(options, body);
    expect(result.content).toBe('{"move": "b2"}');
    expect(result.reasoning).toBe('centre is best');
    expect(result.tokens).toEqual({ prompt: 3, completion: 4 + 4, reasoning: 4, reported: true });
    expect(result.retries).toBe(0);
    expect(Number.isInteger(result.latencyMs)).toBe(true);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.authorization).toBe('Bearer k-1234');
  });

  it('retries a 500 and then succeeds', async () => {
    server.reset();
    server.setBehaviour({ kind: 'sequence', steps: [{ kind: 'status', status: 500 }, { kind: 'status', status: 503 }, { kind: 'answer', text: 'ok' }] });
    const result = await postChat(options, body);
    expect(result.content).toBe('ok');
    expect(result.retries).toBe(2);
    expect(server.requests).toHaveLength(3);
  });

  it('honours Retry-After on a 429', async () => {
    server.reset();
    server.setBehaviour({ kind: 'sequence', steps: [{ kind: 'status', status: 429, retryAfter: '0.4' }, { kind: 'answer', text: 'ok' }] });
    const started = performance.now();
    const result = await postChat({ ...options, retryMaxMs: 5000 }, body);
    expect(result.retries).toBe(1);
    // A lower bound only: the client must not come back before the server said it may.
    expect(performance.now() - started).toBeGreaterThanOrEqual(390);
  });

  it('times out a hanging server, retries, then throws an InfrastructureError', async () => {
    server.reset();
    server.setBehaviour({ kind: 'hang' });
    const err = await failure(postChat({ ...options, timeoutMs: 150, retries: 1 }, body));
    expect(err.message).toMatch(/no complete response within 150 ms \(gave up after 2 attempts\)/);
    expect(err.attempts).toBe(2);
    expect(server.requests).toHaveLength(2);
  });

  it('retries a dropped connection', async () => {
    server.reset();
    server.setBehaviour({ kind: 'sequence', steps: [{ kind: 'drop' }, { kind: 'answer', text: 'ok' }] });
    expect((await postChat(options, body)).retries).toBe(1);
    server.reset();
    server.setBehaviour({ kind: 'drop' });
    const err = await failure(postChat(options, body));
    expect(err.message).toMatch(/connection failed .*gave up after 4 attempts/);
    expect(err.cause).toBeInstanceOf(Error);
    expect(server.requests).toHaveLength(4);
  });

  it('does not retry 4xx other than 408, 409 and 429', async () => {
    for (const status of [400, 401, 403, 404, 422]) {
      server.reset();
      server.setBehaviour({ kind: 'status', status });
      const err = await failure(postChat(options, body));
      expect(err.status).toBe(status);
      expect(server.requests).toHaveLength(1);
    }
    server.reset();
    server.setBehaviour({ kind: 'status', status: 401 });
    expect((await failure(postChat(options, body))).message).toMatch(/HTTP 401: .*check the key in TEST_KEY/);
  });

  it('retries 408 and 409 and gives up with the last status', async () => {
    for (const status of [408, 409]) {
      server.reset();
      server.setBehaviour({ kind: 'status', status });
      const err = await failure(postChat({ ...options, retries: 2 }, body));
      expect(err.status).toBe(status);
      expect(server.requests).toHaveLength(3);
    }
  });

  it('reads a 1 MB reply', async () => {
    server.reset();
    server.setBehaviour({ kind: 'large', json: '{"move": "a1"}' });
    const result = await postChat(options, body);
    expect(result.content.length).toBeGreaterThanOrEqual(1 << 20);
    expect(result.content.endsWith('{"move": "a1"}')).toBe(true);
  });

  it('stops at once when aborted, with an AbortError', async () => {
    server.reset();
    server.setBehaviour({ kind: 'hang' });
    const controller = new AbortController();
    const pending = postChat(options, body, controller.signal);
    setTimeout(() => controller.abort(), 50);
    const err: unknown = await pending.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).name).toBe('AbortError');
    expect(server.requests).toHaveLength(1);
  });

  it('keeps at most `concurrency` requests in flight per base URL, shared by every caller', async () => {
    const own = await startTestServer({ behaviour: { kind: 'slow', ms: 40 } });
    try {
      const a = { ...options, baseUrl: own.url, concurrency: 3 };
      const b = { ...a, concurrency: 5 };
      await Promise.all(Array.from({ length: 16 }, (_, i) => postChat(i % 2 === 0 ? a : b, body)));
      expect(own.requests).toHaveLength(16);
      expect(own.maxInFlight).toBeLessThanOrEqual(3);
      expect(own.maxInFlight).toBeGreaterThan(1);
    } finally {
      await own.close();
    }
  });
});

describe('retry policy pieces', () => {
  it('classifies statuses', () => {
    expect([408, 409, 429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 413, 422].some(isRetryableStatus)).toBe(false);
  });

  it('reads Retry-After as seconds, as a date, and retry-after-ms', () => {
    expect(retryAfterMs(new Headers({ 'retry-after': '3' }))).toBe(3000);
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '250' }))).toBe(250);
    expect(retryAfterMs(new Headers({ 'retry-after': new Date(10_000).toUTCString() }), 4000)).toBe(6000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'soon' }))).toBeUndefined();
    expect(retryAfterMs(new Headers())).toBeUndefined();
  });

  it('backs off exponentially with jitter in the upper half, honours the server, and caps', () => {
    expect(backoffMs(1, 100, 10_000, 0, 0)).toBe(50);
    expect(backoffMs(1, 100, 10_000, 0, 1)).toBe(100);
    expect(backoffMs(4, 100, 10_000, 0, 1)).toBe(800);
    expect(backoffMs(20, 100, 10_000, 0, 1)).toBe(10_000);
    expect(backoffMs(1, 100, 10_000, 3000, 0.5)).toBe(3000);
    expect(backoffMs(1, 100, 10_000, 60_000, 0.5)).toBe(10_000);
  });
});

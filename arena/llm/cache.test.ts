import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DirectoryCache, MemoryCache, requestKey, type CacheMode, type ResponseCache } from './cache.js';
import type { ChatResult } from './chat.js';
import { startTestServer, type TestServer } from './test-server.js';
import { context, moveRequest, planRequest, testAgent } from './test-helpers.js';

let server: TestServer;
let dir = '';
beforeAll(async () => {
  server = await startTestServer();
  dir = await mkdtemp(join(tmpdir(), 'arena-cache-'));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const result: ChatResult = {
  content: '{"move": "a1"}',
  reasoning: '',
  refusal: null,
  finishReason: 'stop',
  model: 'm',
  tokens: { prompt: 10, completion: 5, reasoning: 0, reported: true },
  latencyMs: 321,
  retries: 2,
};

describe('requestKey', () => {
  const body = { model: 'm', messages: [{ role: 'user', content: 'hi' }], temperature: 0.5 };
  it('ignores key order and changes with any ingredient', () => {
    const key = requestKey('http://a/v1', body, 's#0');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(requestKey('http://a/v1', { temperature: 0.5, messages: body.messages, model: 'm' }, 's#0')).toBe(key);
    expect(requestKey('http://b/v1', body, 's#0')).not.toBe(key);
    expect(requestKey('http://a/v1', body, 's#1')).not.toBe(key);
    expect(requestKey('http://a/v1', { ...body, temperature: 0.6 }, 's#0')).not.toBe(key);
    expect(requestKey('http://a/v1', { ...body, messages: [{ role: 'user', content: 'hi!' }] }, 's#0')).not.toBe(key);
  });
});

describe('DirectoryCache', () => {
  it('round-trips entries and treats missing or malformed files as misses', async () => {
    const cache = new DirectoryCache(join(dir, 'roundtrip'));
    const key = 'ab'.repeat(32);
    expect(await cache.get(key)).toBeUndefined();
    await cache.put(key, result);
    expect(await cache.get(key)).toEqual(result);
    await writeFile(join(dir, 'roundtrip', 'ab', `${key}.json`), '{"v": 1, "key": "nope"');
    expect(await cache.get(key)).toBeUndefined();
    await expect(cache.put('../../etc/passwd', result)).rejects.toThrow(/SHA-256/);
  });
});

/** Plays a few decisions (two of them identical requests) and returns what the agent decided. */
async function play(store: ResponseCache, mode: CacheMode, seed = 1, entry: Record<string, unknown> = {}): Promise<unknown[]> {
  const agent = testAgent(server.url, { cache: { store, mode }, entry });
  const ctx = context(seed);
  return [
    await agent.decideMove(moveRequest(), ctx),
    await agent.decideMove(moveRequest(), ctx),
    await agent.decideMove(moveRequest([4]), ctx),
    await agent.decidePlan(planRequest(), ctx),
  ];
}

function counting(): { kind: 'script'; reply: (body: unknown, index: number) => { text: string; usage: Record<string, number> } } {
  return { kind: 'script', reply: (_body, index) => ({ text: `{"plan": "p${index}", "move": "a${index + 1}"}`, usage: { prompt_tokens: 100 + index, completion_tokens: 7 } }) };
}

describe('the response cache in an agent', () => {
  it('replays identical decisions in read mode with zero requests', async () => {
    const store = new DirectoryCache(join(dir, 'replay'));
    server.reset();
    server.setBehaviour({ kind: 'slow', ms: 5, then: counting() });
    const first = await play(store, 'read-write');
    expect(server.requests).toHaveLength(4);
    // Identical requests within a match are distinct samples.
    expect((first[0] as { text: string }).text).not.toBe((first[1] as { text: string }).text);
    server.reset();
    server.setBehaviour({ kind: 'status', status: 500 });
    const again = await play(store, 'read');
    expect(server.requests).toHaveLength(0);
    expect(again).toEqual(first);
    expect(JSON.stringify(again)).toBe(JSON.stringify(first));
    const files = (await readdir(join(dir, 'replay'), { recursive: true })).filter((f) => f.endsWith('.json'));
    expect(files).toHaveLength(4);
  });

  it('keys samples by match unless the model shares them', async () => {
    const store = new MemoryCache();
    server.reset();
    server.setBehaviour(counting());
    await play(store, 'read-write', 1);
    await play(store, 'read-write', 2);
    expect(server.requests).toHaveLength(8);
    const shared = new MemoryCache();
    server.reset();
    await play(shared, 'read-write', 1, { sample_scope: 'global' });
    await play(shared, 'read-write', 2, { sample_scope: 'global' });
    expect(server.requests).toHaveLength(4);
  });

  it('write mode always asks and refreshes; read mode does not store misses; off ignores the store', async () => {
    const store = new MemoryCache();
    server.reset();
    server.setBehaviour(counting());
    await play(store, 'write');
    await play(store, 'write');
    expect(server.requests).toHaveLength(8);
    expect(store.size).toBe(4);
    const empty = new MemoryCache();
    await play(empty, 'read');
    await play(empty, 'off');
    expect(empty.size).toBe(0);
    expect(server.requests).toHaveLength(16);
  });

  it('counts cache hits and spends nothing on them', async () => {
    const store = new MemoryCache();
    server.reset();
    server.setBehaviour(counting());
    await play(store, 'read-write');
    const agent = testAgent(server.url, { cache: { store, mode: 'read' }, entry: { price: { input: 1, output: 1 } } });
    const decision = await agent.decideMove(moveRequest(), context(1));
    expect(agent.stats).toMatchObject({ decisions: 1, cacheHits: 1, requests: 0, spentUsd: 0 });
    expect(decision.usage.costUsd).toBeGreaterThan(0);
  });

  it('serves a cached answer without the key variable, and fails clearly on a miss', async () => {
    const store = new MemoryCache();
    server.reset();
    server.setBehaviour(counting());
    await play(store, 'read-write');
    const entry = { api_key_env: 'ARENA_TEST_ABSENT_KEY' };
    const agent = testAgent(server.url, { cache: { store, mode: 'read' }, entry });
    await expect(agent.decideMove(moveRequest(), context(1))).resolves.toMatchObject({ text: 'a1' });
    await expect(agent.decideMove(moveRequest([8]), context(1))).rejects.toThrow(/ARENA_TEST_ABSENT_KEY is not set and the answer is not in the cache/);
    expect(() => testAgent(server.url, { cache: { store, mode: 'write' }, entry })).toThrow(/ARENA_TEST_ABSENT_KEY is not set/);
  });
});

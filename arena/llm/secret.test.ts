import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DirectoryCache } from './cache.js';
import { addSecrets, redact, redactJson, secretsWith } from './redact.js';
import { startTestServer, type TestServer } from './test-server.js';
import { context, moveRequest, planRequest, testAgent } from './test-helpers.js';

const SECRET = 'sk-test-SECRET-1234567890';

let server: TestServer;
let dir = '';
beforeAll(async () => {
  server = await startTestServer();
  dir = await mkdtemp(join(tmpdir(), 'arena-secret-'));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

/** Everything observable about an error: message, stack, causes, own properties. */
function errorText(err: unknown): string {
  return `${inspect(err, { depth: 10, showHidden: true })}\n${err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err)}\n${JSON.stringify(err)}`;
}

describe('the API key', () => {
  it('reaches the server only in the Authorization header and appears nowhere else', async () => {
    const written: string[] = [];
    const out = process.stdout.write.bind(process.stdout);
    const err = process.stderr.write.bind(process.stderr);
    const capture = (chunk: unknown): boolean => {
      written.push(String(chunk));
      return true;
    };
    process.stdout.write = capture as typeof process.stdout.write;
    process.stderr.write = capture as typeof process.stderr.write;
    const seen: string[] = [];
    try {
      const cache = { store: new DirectoryCache(join(dir, 'cache')), mode: 'read-write' as const };
      const agent = testAgent(server.url, { cache, entry: { api_key_env: 'ARENA_FAKE_KEY', retries: 1 }, env: { ARENA_FAKE_KEY: SECRET } });
      seen.push(inspect(agent, { depth: 10, showHidden: true }), JSON.stringify(agent));
      server.setBehaviour({ kind: 'answer', text: '<think>hmm</think>{"plan": "x", "move": "b2"}' });
      seen.push(JSON.stringify(await agent.decideMove(moveRequest(), context())));
      server.setBehaviour({ kind: 'prose', json: '{"humans": []}' });
      seen.push(JSON.stringify(await agent.decidePlan(planRequest(), context())));
      for (const behaviour of [
        { kind: 'status', status: 401, echoAuth: true },
        { kind: 'status', status: 500, echoAuth: true },
        { kind: 'drop' },
        { kind: 'hang' },
      ] as const) {
        server.setBehaviour(behaviour);
        const timeout = behaviour.kind === 'hang' ? { timeout_s: 0.1 } : {};
        const failing = testAgent(server.url, { cache, entry: { api_key_env: 'ARENA_FAKE_KEY', retries: 1, ...timeout }, env: { ARENA_FAKE_KEY: SECRET } });
        const error: unknown = await failing.decideMove(moveRequest([behaviour.kind.length]), context()).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(Error);
        seen.push(errorText(error));
      }
    } finally {
      process.stdout.write = out;
      process.stderr.write = err;
    }
    const files = await readdir(join(dir, 'cache'), { recursive: true });
    for (const file of files.filter((f) => f.endsWith('.json'))) seen.push(await readFile(join(dir, 'cache', file), 'utf8'));
    seen.push(...written);

    // The test can fail: the key really was sent, and the server really echoed it in its 401 and 500 bodies.
    expect(server.requests.every((r) => r.authorization === `Bearer ${SECRET}`)).toBe(true);
    expect(seen.some((text) => text.includes('invalid key: Bearer [redacted]'))).toBe(true);
    expect(files.filter((f) => f.endsWith('.json')).length).toBe(2);
    for (const text of seen) expect(text).not.toContain(SECRET);
    expect(seen.join('\n')).not.toContain('SECRET-1234567890');
  });

  it('is removed from every string of a parsed reply, however the server escaped it, and other keys too', () => {
    const slashed = 'sk-with/slash+plus-99';
    addSecrets(['sk-other-endpoint-42']);
    const secrets = secretsWith([slashed]);
    const body = JSON.parse('{"content":"a sk-with\\/slash+plus-99 b","calls":[{"arguments":"{\\"k\\":\\"sk-other-endpoint-42\\"}"}],"n":3}') as unknown;
    expect(JSON.stringify(body)).toContain('sk-other-endpoint-42');
    expect(redactJson(body, secrets)).toEqual({ content: 'a [redacted] b', calls: [{ arguments: '{"k":"[redacted]"}' }], n: 3 });
    // model text is otherwise kept exactly: no bearer-token pattern in replies
    expect(redactJson('Bearer of news', secrets)).toBe('Bearer of news');
  });

  it('is redacted from any text, with bearer tokens', () => {
    expect(redact(`bad key ${SECRET} (Bearer ${SECRET})`, [SECRET])).toBe('bad key [redacted] (Bearer [redacted])');
    expect(redact('Authorization: Bearer abc.def-123', [])).toBe('Authorization: Bearer [redacted]');
  });
});

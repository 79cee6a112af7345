import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type ChatRequestBody, type TestServer } from '../arena/llm/test-server.js';
import { Store } from '../arena/store/store.js';

/**
 * A server that echoes API keys inside ordinary 200 replies (content, reasoning, refusal, tool-call arguments):
 * after a whole tournament with the response cache on and a static report written, no key appears in any byte the
 * arena wrote or printed: the store file, every trace decompressed, every cache row, stdout/stderr, the report.
 */

const KEY_A = 'sk-leak-AAAA-7f3e9c2b1d';
const KEY_B = 'sk-leak-BBBB-0a8d6e4f2c';

let server: TestServer;
let dir = '';
beforeAll(async () => {
  server = await startTestServer();
  dir = mkdtempSync(join(tmpdir(), 'arena-secret-replies-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A move with the key it was called with (and the other configured key) in every field of a 200 reply. */
function echoKeys(body: ChatRequestBody, _index: number, authorization: string | undefined) {
  const prompt = body.messages?.at(-1)?.content ?? '';
  const legal = /LEGAL MOVES \([^)]*\)\n(.*)/.exec(prompt)?.[1]?.split(', ') ?? [];
  const key = (authorization ?? '').replace(/^Bearer /, '');
  return {
    text: `<think>my key is ${key}</think>{"plan": "win; also ${key} and ${KEY_B}", "move": "${legal[0] ?? 'none'}"} ${key}`,
    reasoning: `I was called with ${authorization ?? ''}; the other key is ${KEY_B}`,
    refusal: `no refusal, but here is ${key}`,
    toolCalls: [{ name: 'leak', arguments: JSON.stringify({ key, other: KEY_B }) }],
  };
}

function arena(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['arena/cli/bin.js', ...args], { cwd: process.cwd(), env, maxBuffer: 64 << 20 }, (error, out, err) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, out, err });
    });
  });
}

function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

/** Every value in every table of a SQLite file, blobs also decompressed when they are gzip. */
function databaseTexts(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[];
    const out: string[] = [];
    for (const { name } of tables) {
      for (const row of db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]) {
        for (const value of Object.values(row)) {
          if (Buffer.isBuffer(value)) {
            out.push(value.toString('latin1'));
            if (value[0] === 0x1f && value[1] === 0x8b) out.push(gunzipSync(value).toString('utf8'));
          } else out.push(String(value));
        }
      }
    }
    return out;
  } finally {
    db.close();
  }
}

describe('API keys echoed in ordinary replies', () => {
  it('appear in no stored, traced, cached, printed or reported byte', async () => {
    server.setBehaviour('echo-a', { kind: 'script', reply: echoKeys });
    server.setBehaviour('echo-b', { kind: 'script', reply: echoKeys });
    const entry = (model: string, key: string) => ({ base_url: server.url, model, api_key_env: key, retries: 0, timeout_s: 20 });
    writeFileSync(join(dir, 'models.json'), JSON.stringify({ models: { 'echo-a': entry('echo-a', 'ARENA_LEAK_KEY_A'), 'echo-b': entry('echo-b', 'ARENA_LEAK_KEY_B') } }));
    const config = {
      name: 'leak',
      seed: 5,
      games: [{ id: 'tic-tac-toe', games: 2 }],
      agents: { a: 'llm:echo-a', b: 'llm:echo-b', random: 'random' },
      concurrency: { matches: 4, workers: 1 },
      cache: 'read-write',
    };
    writeFileSync(join(dir, 'tournament.json'), JSON.stringify(config));
    const store = join(dir, 'store', 'arena.db');
    const report = join(dir, 'report');
    const env = { ...process.env, ARENA_LEAK_KEY_A: KEY_A, ARENA_LEAK_KEY_B: KEY_B };

    const ran = await arena(['tournament', join(dir, 'tournament.json'), '--store', store, '--models', join(dir, 'models.json'), '--quiet', '--bootstrap', '20'], env);
    expect(ran.err).toBe('');
    expect(ran.code).toBe(0);
    // again, answered from the cache this time
    const cached = await arena(['tournament', join(dir, 'tournament.json'), '--store', store, '--models', join(dir, 'models.json'), '--quiet', '--bootstrap', '20'], env);
    expect(cached.code).toBe(0);
    const reported = await arena(['report', '--html', report, '--store', store, '--bootstrap', '20'], env);
    expect(reported.code).toBe(0);

    // The test can fail: the keys were sent, the server echoed them, and the replies were stored and cached.
    expect(server.requests.some((r) => r.authorization === `Bearer ${KEY_A}`)).toBe(true);
    expect(server.requests.some((r) => r.authorization === `Bearer ${KEY_B}`)).toBe(true);
    const opened = new Store(store, { readonly: true });
    let traces: string;
    try {
      const run = opened.listRuns()[0];
      expect(run).toBeDefined();
      expect(opened.counts(run?.id ?? '')).toMatchObject({ completed: 6, errors: 0 });
      traces = [...opened.traces(run?.id ?? '')].map((events) => JSON.stringify(events)).join('\n');
    } finally {
      opened.close();
    }
    expect(traces).toContain('[redacted]');
    expect(traces).toContain('win; also [redacted] and [redacted]');

    const texts = [ran.out, ran.err, cached.out, cached.err, reported.out, reported.err, traces, ...databaseTexts(store)];
    for (const file of [...filesUnder(join(dir, 'store')), ...filesUnder(report)]) texts.push(readFileSync(file).toString('latin1'));
    expect(texts.join('\n')).toContain('[redacted]');
    for (const key of [KEY_A, KEY_B]) {
      for (const text of texts) expect(text).not.toContain(key);
      expect(texts.join('\n')).not.toContain(key.slice(8));
    }
  });
});

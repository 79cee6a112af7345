import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from './support/cli.js';
import { startTestServer, type ChatRequestBody, type TestServer } from '../arena/llm/test-server.js';
import { traceBytes } from '../arena/manifest/compare.js';
import { Store } from '../arena/store/store.js';

/**
 * `arena reproduce` re-runs a run from its manifest: with the response cache every match trace is byte-identical
 * (measured wall times aside) and no request reaches the endpoint; a changed setup (decoding settings, arena
 * version) and a model that now reports another snapshot are warned about; leaderboards say where rows came from.
 */

const cli = runCliCaptured;

let snapshot = 'scripted-2026-01-01';
function firstLegal(body: ChatRequestBody): { text: string; servedModel: string } {
  const prompt = body.messages?.at(-1)?.content ?? '';
  const legal = /LEGAL MOVES \([^)]*\)\n(.*)/.exec(prompt)?.[1]?.split(', ') ?? [];
  return { text: `{"plan": "first free cell", "move": "${legal[0] ?? 'none'}"}`, servedModel: snapshot };
}

let server: TestServer;
let dir = '';
let db = '';
const models = (temperature: number): string => `models:\n  m:\n    base_url: ${server.url}\n    model: scripted\n    api_key_env: null\n    temperature: ${temperature}\n    retries: 0\n`;

beforeAll(async () => {
  server = await startTestServer();
  server.setBehaviour('scripted', { kind: 'script', reply: firstLegal });
  dir = mkdtempSync(join(tmpdir(), 'arena-reproduce-'));
  db = join(dir, 'arena.db');
  writeFileSync(join(dir, 'models.yaml'), models(0));
  writeFileSync(join(dir, 't.yaml'), `name: rep\nseed: 9\ngames:\n  - { id: tic-tac-toe, games: 2 }\n  - { id: turn-based, rounds: 2 }\nagents:\n  random: { spec: random, anchor: true }\n  model: llm:m\nconcurrency: { workers: 1 }\n`);
  const r = await cli(['tournament', join(dir, 't.yaml'), '--models', join(dir, 'models.yaml'), '--store', db, '--quiet', '--bootstrap', '10']);
  expect(r.code, r.err).toBe(0);
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('arena reproduce', () => {
  it('with the cache: byte-identical traces, no request to the endpoint, no warning, rows marked as cached', async () => {
    const before = server.requests.length;
    const r = await cli(['reproduce', 'rep', '--store', db, '--models', join(dir, 'models.yaml'), '--quiet']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/all \d+ match traces are byte-identical/);
    expect(r.err).not.toMatch(/warning: endpoint|warning: the (games|match seeds|cache)/);
    expect(server.requests.length).toBe(before);
    const store = new Store(db, { readonly: true });
    for (const m of store.matches('rep')) expect(traceBytes(store.trace('rep-reproduce', m.match_key) ?? [])).toBe(traceBytes(store.trace('rep', m.match_key) ?? []));
    store.close();
    const board = await cli(['leaderboard', 'rep-reproduce', '--store', db, '--bootstrap', '10']);
    expect(board.out).toMatch(/Provenance:\n {2}model: \d+ cached replies/);
    const fresh = await cli(['leaderboard', 'rep', '--store', db, '--bootstrap', '10']);
    expect(fresh.out).not.toContain('Provenance:');
  });

  it('warns about changed decoding settings, another arena version, and a model that now reports another snapshot', async () => {
    const exported = join(dir, 'export');
    expect((await cli(['export', '--run', 'rep', '--store', db, '--format', 'jsonl', '--out', exported])).code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(exported, 'manifest.json'), 'utf8')) as { arena: { version: string } };
    manifest.arena.version = '0.0.1';
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    writeFileSync(join(dir, 'models-hot.yaml'), models(0.7));
    snapshot = 'scripted-2026-06-30';
    const r = await cli(['reproduce', join(dir, 'manifest.json'), '--store', join(dir, 'fresh.db'), '--models', join(dir, 'models-hot.yaml'), '--quiet']);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('warning: the run was made with arena 0.0.1; this is');
    expect(r.err).toContain(`warning: endpoint 'm' decoding settings were {"temperature":0,"top_p":null,"max_tokens":null,"reasoning_effort":null}; now {"temperature":0.7`);
    expect(r.err).toContain("warning: endpoint 'm' now reports serving scripted-2026-06-30 (the run recorded scripted-2026-01-01)");
  });

  it('an imported run says so on its leaderboard', async () => {
    const target = join(dir, 'imported.db');
    expect((await cli(['import', join(dir, 'export'), '--store', target])).code).toBe(0);
    const board = await cli(['leaderboard', 'rep', '--store', target, '--bootstrap', '10', '--format', 'json']);
    const provenance = (JSON.parse(board.out) as { provenance: Record<string, string[]> }).provenance;
    expect(provenance['random']).toEqual([`imported from ${join(dir, 'export', 'matches.jsonl')}`]);
  });

  it('a regression run records its manifest too', async () => {
    writeFileSync(join(dir, 'regress.yaml'), 'target: random\ngates:\n  - { metric: wr, tolerance: 0.05 }\n');
    const r = await cli(['regress', join(dir, 'regress.yaml'), '--baseline', 'rep', '--candidate', 'llm:m:temperature=0.5', '--store', db, '--models', join(dir, 'models.yaml'), '--quiet', '--markdown', join(dir, 'r.md'), '--junit', join(dir, 'r.xml')]);
    expect([0, 1], r.err).toContain(r.code);
    const store = new Store(db, { readonly: true });
    const run = store.listRuns().find((x) => x.kind === 'regress');
    const manifest = store.runManifest(run?.id ?? '') as { seeds: { run: number; matches: Record<string, number> }; models: unknown[] } | undefined;
    const baseline = store.matches('rep', { status: 'completed' }).filter((m) => m.agent0 === 'random' || m.agent1 === 'random');
    store.close();
    expect(Object.keys(manifest?.seeds.matches ?? {}).sort()).toEqual(baseline.map((m) => m.match_key).sort());
    expect(manifest?.models).toHaveLength(2);
  });

  it('a manifest file that is not a manifest: one line, exit 2', async () => {
    writeFileSync(join(dir, 'bad.json'), '{"manifestVersion": 7}');
    const r = await cli(['reproduce', join(dir, 'bad.json'), '--store', db]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/manifest version 7 is newer/);
  });
});

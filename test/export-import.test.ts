import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from './support/cli.js';
import { startTestServer, type ChatRequestBody, type TestServer } from '../arena/llm/test-server.js';
import { Store } from '../arena/store/store.js';
import type { RunManifest } from '../arena/manifest/manifest.js';
import { parseCsv } from '../metrics/advgamebench/csv.js';
import { BATTLE_COLUMNS } from '../metrics/export/battles.js';
import { DECISION_COLUMNS, MATCH_COLUMNS } from '../metrics/export/rows.js';
import { inspectHeaderSchema, inspectLogSchema } from '../metrics/export/inspect-schema.js';
import { strFromU8, unzipSync } from 'fflate';

/**
 * A stored run with an LLM seat (the local OpenAI-compatible test server, which reports a dated snapshot id) goes
 * out in each table format and comes back: the manifest says what was run, the battle table matches the stored
 * results, and export → import gives the very same leaderboard. Bad input is one line, exit 2, nothing written.
 */

const cli = runCliCaptured;

function firstLegal(body: ChatRequestBody): { text: string; servedModel: string } {
  const prompt = body.messages?.at(-1)?.content ?? '';
  const legal = /LEGAL MOVES \([^)]*\)\n(.*)/.exec(prompt)?.[1]?.split(', ') ?? [];
  return { text: `{"plan": "first free cell", "move": "${legal[0] ?? 'none'}"}`, servedModel: 'scripted-2026-01-01' };
}

let server: TestServer;
let dir = '';
let db = '';
beforeAll(async () => {
  server = await startTestServer();
  server.setBehaviour('scripted', { kind: 'script', reply: firstLegal });
  dir = mkdtempSync(join(tmpdir(), 'arena-export-'));
  db = join(dir, 'arena.db');
  writeFileSync(join(dir, 'models.yaml'), `models:\n  m:\n    base_url: ${server.url}\n    model: scripted\n    api_key_env: null\n    temperature: 0\n    max_tokens: 256\n    retries: 0\n`);
  writeFileSync(
    join(dir, 't.yaml'),
    `name: fmt\nseed: 5\ngames:\n  - { id: tic-tac-toe, games: 1 }\n  - { id: turn-based, rounds: 2 }\nagents:\n  random: { spec: random, anchor: true }\n  greedy: greedy\n  model: llm:m\nconcurrency: { workers: 1 }\n`,
  );
  const r = await cli(['tournament', join(dir, 't.yaml'), '--models', join(dir, 'models.yaml'), '--store', db, '--quiet', '--bootstrap', '20']);
  expect(r.code, r.err).toBe(0);
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The leaderboard (ratings, metrics, usage) as JSON, and apart from it the provenance notes per agent. */
async function board(store: string, run: string): Promise<{ rows: string; provenance: Record<string, string[]> }> {
  const r = await cli(['leaderboard', run, '--store', store, '--format', 'json', '--bootstrap', '50']);
  expect(r.code, r.err).toBe(0);
  const { provenance, ...rest } = JSON.parse(r.out) as { provenance: Record<string, string[]> };
  return { rows: JSON.stringify(rest), provenance };
}

describe('run manifest', () => {
  it('arena runs --show prints what was run: build, node, seeds, endpoint, requested and returned model, decoding, cache', async () => {
    const r = await cli(['runs', '--store', db, '--show', 'fmt', '--json']);
    expect(r.code, r.err).toBe(0);
    const { manifest } = JSON.parse(r.out) as { manifest: RunManifest };
    expect(manifest.node).toBe(process.version);
    expect(manifest.seeds.run).toBe(5);
    const store = new Store(db, { readonly: true });
    expect(Object.keys(manifest.seeds.matches)).toHaveLength(store.counts('fmt').total);
    store.close();
    expect(manifest.models).toEqual([
      expect.objectContaining({ endpoint: 'm', requestedModel: 'scripted', returnedModels: ['scripted-2026-01-01'], decoding: { temperature: 0, top_p: null, max_tokens: 256, reasoning_effort: null } }),
    ]);
    expect(manifest.cache).toBe('read-write');
    expect(manifest.games.map((g) => g.game).sort()).toEqual(['tic-tac-toe@1', 'turn-based@1']);
    const yaml = await cli(['runs', '--store', db, '--show', 'fmt']);
    expect(yaml.out).toContain('returnedModels:');
  });
});

describe('export and import', () => {
  it('battles: one row per completed match, winners as stored, as CSV and JSONL, with the manifest', async () => {
    const out = join(dir, 'battles');
    const r = await cli(['export', '--run', 'fmt', '--store', db, '--format', 'battles', '--out', out]);
    expect(r.code, r.err).toBe(0);
    const csv = parseCsv(readFileSync(join(out, 'battles.csv'), 'utf8'));
    expect(csv[0]).toEqual(BATTLE_COLUMNS.map((c) => c.name));
    const jsonl = readFileSync(join(out, 'battles.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const store = new Store(db, { readonly: true });
    const completed = store.matches('fmt', { status: 'completed' });
    store.close();
    expect(jsonl).toHaveLength(completed.length);
    expect(csv.length - 1).toBe(completed.length);
    for (const m of completed) {
      const row = jsonl.find((b) => b['match_key'] === m.match_key);
      expect(row).toMatchObject({ model_a: m.agent0, model_b: m.agent1, winner: m.winner === 0 ? 'model_a' : m.winner === 1 ? 'model_b' : 'tie', seed: m.seed });
    }
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))).toMatchObject({ seeds: { run: 5 } });
  });

  it('jsonl and parquet: match and decision tables with a card naming every column; import gives the same leaderboard', async () => {
    const original = await board(db, 'fmt');
    for (const format of ['jsonl', 'parquet']) {
      const out = join(dir, `ds-${format}`);
      const r = await cli(['export', '--run', 'fmt', '--store', db, '--format', format, '--out', out]);
      expect(r.code, r.err).toBe(0);
      expect(readdirSync(out).sort()).toEqual(['README.md', `decisions.${format}`, 'manifest.json', `matches.${format}`].sort());
      const card = readFileSync(join(out, 'README.md'), 'utf8');
      for (const c of [...MATCH_COLUMNS, ...DECISION_COLUMNS]) expect(card).toContain(`| \`${c.name}\` |`);
      const decisions =
        format === 'jsonl'
          ? readFileSync(join(out, 'decisions.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)
          : ((await parquetReadObjects({ file: await asyncBufferFromFile(join(out, 'decisions.parquet')) })) as Record<string, unknown>[]);
      expect(decisions.some((d) => d['endpoint_model'] === 'scripted-2026-01-01' && d['agent'] === 'model')).toBe(true);
      expect(Object.keys(decisions[0] ?? {}).sort()).toEqual(DECISION_COLUMNS.map((c) => c.name).sort());
      const target = join(dir, `import-${format}.db`);
      const imp = await cli(['import', out, '--store', target]);
      expect(imp.code, imp.err).toBe(0);
      const imported = await board(target, 'fmt');
      expect(imported.rows).toBe(original.rows);
      expect(imported.provenance['random']).toEqual([`imported from ${join(out, `matches.${format}`)}`]);
    }
  });

  it('inspect: a .eval archive and a .json log of the run that Inspect\'s required fields validate, with the manifest', async () => {
    const file = join(dir, 'run.eval');
    const r = await cli(['export', '--run', 'fmt', '--store', db, '--format', 'inspect', '--out', file]);
    expect(r.code, r.err).toBe(0);
    const members = unzipSync(readFileSync(file));
    const header = inspectHeaderSchema.parse(JSON.parse(strFromU8(members['header.json'] as Uint8Array)));
    expect(header.eval.metadata).toMatchObject({ manifest: { seeds: { run: 5 } } });
    const samples = Object.keys(members).filter((n) => n.startsWith('samples/'));
    const store = new Store(db, { readonly: true });
    expect(samples).toHaveLength(store.counts('fmt').total);
    store.close();
    const json = join(dir, 'run.json');
    expect((await cli(['export', '--run', 'fmt', '--store', db, '--format', 'inspect', '--out', json])).code).toBe(0);
    const log = inspectLogSchema.parse(JSON.parse(readFileSync(json, 'utf8')));
    expect(log.samples).toHaveLength(samples.length);
    const bad = await cli(['export', '--run', 'fmt', '--store', db, '--format', 'inspect', '--out', join(dir, 'run.zip')]);
    expect(bad.code).toBe(2);
    expect(existsSync(join(dir, 'run.zip'))).toBe(false);
  });

  it('bad input: one line, exit 2, nothing written', async () => {
    const out = join(dir, 'never');
    const unknown = await cli(['export', '--run', 'fmt', '--store', db, '--format', 'csv-ish', '--out', out]);
    expect(unknown).toMatchObject({ code: 2 });
    expect(unknown.err.trim().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);

    const src = join(dir, 'ds-jsonl');
    const newer = join(dir, 'newer');
    const rows = readFileSync(join(src, 'matches.jsonl'), 'utf8').trim().split('\n');
    const bumped = rows.map((l, i) => (i === rows.length - 1 ? JSON.stringify({ ...JSON.parse(l), trace_version: 99 }) : l));
    await cli(['export', '--run', 'fmt', '--store', db, '--format', 'jsonl', '--out', newer]);
    writeFileSync(join(newer, 'matches.jsonl'), `${bumped.join('\n')}\n`);
    const target = join(dir, 'bad.db');
    const r = await cli(['import', newer, '--store', target]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^arena: .*trace version 99 is newer than this arena reads \(1\)/);
    expect(r.err.trim().split('\n')).toHaveLength(1);

    const broken = join(dir, 'broken');
    await cli(['export', '--run', 'fmt', '--store', db, '--format', 'parquet', '--out', broken]);
    const bytes = readFileSync(join(broken, 'matches.parquet'));
    writeFileSync(join(broken, 'matches.parquet'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    const c = await cli(['import', broken, '--store', target]);
    expect(c.code).toBe(2);
    expect(c.err).toMatch(/not a readable Parquet file/);
    const store = new Store(target, { readonly: true });
    expect(store.listRuns()).toEqual([]);
    store.close();

    const again = await cli(['export', '--run', 'fmt', '--store', db, '--format', 'battles', '--out', join(dir, 'battles')]);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/already exists/);
  });
});

import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from './support/cli.js';
import type { TraceEvent } from '../arena/trace/events.js';
import { change, planTrace } from '../metrics/testing/plan-trace.js';
import { syntheticTournament } from '../metrics/testing/tournament.js';

let dir = '';
let traces = '';

const cli = (...args: string[]): ReturnType<typeof runCliCaptured> => runCliCaptured(args);

const jsonl = (matches: readonly (readonly TraceEvent[])[]): string => matches.flat().map((e) => JSON.stringify(e)).join('\n') + '\n';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'metrics-cli-'));
  traces = join(dir, 'traces.jsonl');
  const matches = syntheticTournament({ seed: 3, matches: 24, agents: ['alpha', 'beta', 'gamma'] });
  const err = planTrace({ id: 'err', seats: ['alpha', 'beta'], rounds: 2, winners: [0, 0], status: 'error' });
  await writeFile(traces, jsonl([...matches, err]), 'utf8');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('arena metrics', () => {
  it('prints every agent and game with n, intervals, the Process Score and its weights', async () => {
    const { code, out } = await cli('metrics', traces, '--bootstrap', '100', '--weights', 'csr=0');
    expect(code).toBe(0);
    expect(out).toContain('24 matches scored; excluded (not scored): infrastructure 1');
    expect(out).toContain('Process Score weights: WR 1, CSR 0, 1−OBR 1, β 1');
    expect(out).toMatch(/alpha · tower-defense@1 · \d+ match/);
    expect(out).toMatch(/alpha · all games \(3, unweighted mean\)/);
    expect(out).toMatch(/ORR\s+\d\.\d{3}\s+\[\d\.\d{3}, \d\.\d{3}\]\s+\d+/);
  });

  it('correlates two metrics across agents and writes JSON, CSV and Markdown', async () => {
    const json = await cli('metrics', traces, '--bootstrap', '50', '--correlate', 'ORR,CSR', '--format', 'json');
    const parsed = JSON.parse(json.out) as { correlations: { scope: string; n: number }[]; games: unknown[] };
    expect(parsed.correlations.map((c) => c.scope)).toEqual(['auto-battler@1', 'tower-defense@1', 'turn-based@1', 'all games']);
    expect(parsed.correlations[3]?.n).toBe(3);
    const csv = await cli('metrics', traces, '--bootstrap', '50', '--format', 'csv');
    expect(csv.out.split('\n')[0]).toBe('profile,agent,game,metric,value,lo,hi,n,method,games,weights');
    const md = await cli('metrics', traces, '--bootstrap', '50', '--format', 'markdown');
    expect(md.out).toContain('| agent | game | metric | value | 95% interval | n |');
  });

  it('is reproducible with --seed', async () => {
    const a = await cli('metrics', traces, '--bootstrap', '50', '--seed', '8', '--format', 'json');
    const b = await cli('metrics', traces, '--bootstrap', '50', '--seed', '8', '--format', 'json');
    expect(a.out).toBe(b.out);
  });

  it('reports bad input as a usage error (exit 2) naming the file and line', async () => {
    const bad = join(dir, 'bad.jsonl');
    await writeFile(bad, '{"type":"match_start"\n', 'utf8');
    const r = await cli('metrics', bad);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${bad}:1: malformed JSON`);
    expect((await cli('metrics', traces, '--format', 'xml')).code).toBe(2);
    expect((await cli('metrics', traces, '--correlate', 'ORR')).code).toBe(2);
    expect((await cli('metrics', traces, '--correlate', 'ORR,nope')).err).toContain("unknown metric 'nope'");
    expect((await cli('metrics', dir)).err).toContain('--profile advgamebench');
  });
});

describe('arena export and the advgamebench profile', () => {
  it('exports the reference layout and scores it the same from CSVs as from traces', async () => {
    const out = join(dir, 'agb');
    const exp = await cli('export', '--format', 'advgamebench-csv', '--out', out, traces);
    expect(exp.code).toBe(0);
    expect(exp.out).toContain('not exported: infrastructure 1');
    expect((await readdir(out)).sort()).toEqual(['Auto-battler', 'Tower_Defense', 'Turn-based']);
    const fromTraces = await cli('metrics', '--profile', 'advgamebench', traces, '--bootstrap', '50', '--format', 'csv');
    const fromCsv = await cli('metrics', '--profile', 'advgamebench', out, '--bootstrap', '50', '--format', 'csv');
    expect(fromCsv.out).toBe(fromTraces.out);
    expect(fromCsv.out).toContain('advgamebench,alpha,Tower_Defense,win_rate,');
    expect((await cli('export', '--format', 'advgamebench-csv', '--out', out, traces)).code).toBe(2); // no overwrite
  });

  it('warns about names with "/" and budgets the evaluator does not use', async () => {
    const path = join(dir, 'slash.jsonl');
    await writeFile(path, jsonl([planTrace({ seats: ['org/m', 'b'], rounds: 2, winners: [0, 0], revisions: [change(60)] })]), 'utf8');
    const r = await cli('export', '--format', 'advgamebench-csv', '--out', join(dir, 'slash'), path);
    expect(r.err).toContain("model name 'org/m' contains '/'");
    expect(r.err).toContain('hard-codes 2000/1500');
  });
});

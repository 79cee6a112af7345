import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_ENTRY, EXTERNAL } from '../arena/cli/bundle/build.js';

const RECORDER = join('test', 'support', 'record-imports.mjs');

/**
 * Runs `arena/cli/bin.js` as `npx arena` does (plain `node`, no loader in NODE_OPTIONS), recording every module
 * the process and its worker threads import.
 */
function arena(args: string[], cwd = process.cwd()): { status: number | null; stdout: string; stderr: string; imports: string[] } {
  const log = join(mkdtempSync(join(tmpdir(), 'arena-imports-')), 'imports.log');
  const env: NodeJS.ProcessEnv = { ...process.env, ARENA_IMPORT_LOG: log };
  delete env.NODE_OPTIONS;
  const p = spawnSync(process.execPath, ['--import', join(process.cwd(), RECORDER), join(process.cwd(), 'arena/cli/bin.js'), ...args], { cwd, env, encoding: 'utf8' });
  const imports = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
  return { status: p.status, stdout: p.stdout, stderr: p.stderr, imports };
}

/** The heavy packages among the URLs (by package folder, whatever the node_modules path). */
function heavy(imports: readonly string[]): string[] {
  return EXTERNAL.filter((pkg) => imports.some((url) => url.includes(`/node_modules/${pkg}/`)));
}

describe('the built CLI', () => {
  it('runs with plain node from the bundle: no tsx, no TypeScript source', () => {
    const r = arena(['games']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('connect-four@1(rows=6,cols=7)');
    expect(r.imports).toContain(new URL(`file://${CLI_ENTRY}`).href);
    expect(r.imports.filter((u) => u.includes('/node_modules/tsx/') || u.endsWith('.ts'))).toEqual([]);
  });

  it.each([[['--help']], [['games']], [['rules', 'tower-defense', '--side', 'demon']], [['match', '--help']]])('%j loads none of the heavy packages', (args) => {
    const r = arena(args);
    expect(r.status).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(100);
    expect(heavy(r.imports)).toEqual([]);
  });

  it('a command that needs a heavy package loads it (the recorder sees packages the bundle imports)', () => {
    const r = arena(['runs', '--store', join(tmpdir(), 'arena-no-such-store.db')]);
    expect(r.status).toBe(2);
    expect(heavy(r.imports)).toEqual(['better-sqlite3']);
  });

  it('plays a 10-round Auto-battler match with built-in agents', () => {
    const r = arena(['match', '--game', 'auto-battler', '--seat', 'defender=counter', '--seat', 'invader=random', '--rounds', '10', '--seed', '7']);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').filter((l) => /^\d+\s/.test(l))).toHaveLength(11);
    expect(heavy(r.imports)).toEqual([]);
  });

  it('runs tournament matches in worker threads started from the bundle, and writes the web report', () => {
    const dir = mkdtempSync(join(tmpdir(), 'arena-bundle-'));
    writeFileSync(join(dir, 't.yaml'), 'name: t\nseed: 1\ngames:\n  - { id: tic-tac-toe, games: 1 }\nagents:\n  random: { spec: random, anchor: true }\n  greedy: greedy\n');
    const t = arena(['tournament', 't.yaml', '--store', 't.db', '--workers', '2', '--quiet', '--bootstrap', '10'], dir);
    expect(t.stderr).toBe('');
    expect(t.status).toBe(0);
    expect(t.stdout).toMatch(/2 completed, 0 errors of 2 matches/);
    expect(t.imports.filter((u) => u.endsWith('/dist/cli/worker-boot.js')).length).toBeGreaterThanOrEqual(1);
    expect(t.imports.filter((u) => u.includes('/node_modules/tsx/') || u.endsWith('.ts'))).toEqual([]);
    // The web app is bundled from its sources at run time: their path must resolve from dist/cli/.
    const report = arena(['report', '--html', 'site', '--store', 't.db', '--bootstrap', '10'], dir);
    expect(report.status).toBe(0);
    expect(readFileSync(join(dir, 'site', 'app.js'), 'utf8').length).toBeGreaterThan(10_000);
  });

  it('finds the shipped ONNX verifier from the bundle', () => {
    const r = arena(['verifier', 'eval', '--positions', '5', '--rollouts', '1']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/connect-four-verifier\.onnx/);
    expect(heavy(r.imports)).toContain('onnxruntime-node');
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProgressEvent, TraceEvent } from '../arena/trace/events.js';

/** Chess from the CLI as a user runs it: an engine match, then `arena progress` with the engine prover. */
function arena(args: readonly string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const r = spawnSync(process.execPath, [join(process.cwd(), 'arena/cli/bin.js'), ...args], { cwd, env, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('chess on the command line', () => {
  it('plays Stockfish against random and annotates every move with engine advantage, centipawn loss and intervals', () => {
    const dir = mkdtempSync(join(tmpdir(), 'arena-chess-cli-'));
    const match = arena(['match', '--game', 'chess', '--seat', '0=stockfish:depth=3', '--seat', '1=random', '--games', '2', '--seed', '3', '--out', 'm.jsonl'], dir);
    expect(match.stderr).toBe('');
    expect(match.code).toBe(0);
    expect(match.stdout).toContain('Match: 2 - 0');
    const progress = arena(['progress', 'm.jsonl', '--prover', 'engine:depth=5'], dir);
    expect(progress.code).toBe(0);
    expect(progress.stdout).toContain('progress under prover engine:depth=5');
    expect(progress.stdout).toMatch(/avg cp loss/);
    const events = readFileSync(join(dir, 'm.progress.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as TraceEvent);
    const moves = events.filter((e) => e.type === 'move');
    const steps = events.filter((e): e is ProgressEvent => e.type === 'progress');
    expect(steps).toHaveLength(moves.length);
    for (const s of steps) {
      expect(s.engine?.depth).toBeGreaterThan(0);
      expect(s.engine?.nodes).toBeGreaterThan(0);
      expect(s.advantage).toBeCloseTo(s.q - s.v, 12);
    }
  }, 180_000);

  it('a prover the game cannot use is a one-line usage error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'arena-chess-cli-'));
    expect(arena(['match', '--game', 'tic-tac-toe', '--seat', '0=random', '--seat', '1=random', '--out', 't.jsonl'], dir).code).toBe(0);
    const r = arena(['progress', 't.jsonl', '--prover', 'engine'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/engine capability/);
  }, 60_000);
});

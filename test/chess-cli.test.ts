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

  it('exports a match as PGN and imports the PGN back as traces with the same moves and results', () => {
    const dir = mkdtempSync(join(tmpdir(), 'arena-chess-cli-'));
    expect(arena(['match', '--game', 'chess', '--seat', '0=stockfish:depth=1', '--seat', '1=random', '--games', '2', '--seed', '5', '--out', 'm.jsonl'], dir).code).toBe(0);
    const exported = arena(['export', '--format', 'pgn', '--out', 'pgn', 'm.jsonl'], dir);
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    const pgn = readFileSync(join(dir, 'pgn', 'chess.pgn'), 'utf8');
    expect(pgn.match(/\[Event /g)).toHaveLength(2);
    // Exporting again into the same folder is refused (written whole or not at all), and --force replaces it.
    expect(arena(['export', '--format', 'pgn', '--out', 'pgn', 'm.jsonl'], dir).code).toBe(2);
    expect(arena(['export', '--format', 'pgn', '--out', 'pgn', '--force', 'm.jsonl'], dir).code).toBe(0);
    // A .pgn file is read as game records of the game whose record format it is; --out is required.
    expect(arena(['import', 'pgn/chess.pgn'], dir).stderr).toMatch(/--out/);
    const imported = arena(['import', 'pgn/chess.pgn', '--out', 'back.jsonl'], dir);
    expect(imported.code).toBe(0);
    const read = (file: string): TraceEvent[] => readFileSync(join(dir, file), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as TraceEvent);
    const movesOf = (events: TraceEvent[]): string[] => events.filter((e) => e.type === 'move').map((e) => (e.type === 'move' ? String(e.action) : ''));
    const endsOf = (events: TraceEvent[]): string[] => events.filter((e) => e.type === 'game_end').map((e) => (e.type === 'game_end' ? JSON.stringify(e.scores) : ''));
    const original = read('m.jsonl');
    const back = read('back.jsonl');
    expect(movesOf(back)).toEqual(movesOf(original));
    expect(endsOf(back).length).toBe(2);
  }, 180_000);
});

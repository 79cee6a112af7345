import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../arena/store/store.js';
import { runCliCaptured as cli } from './support/cli.js';

/**
 * `on_cap: cancel` through the CLI: two worker processes play search-heavy Connect Four matches; at the match cap
 * the matches in flight are abandoned, not finished. The run exits 4 naming the cap, the abandoned matches stay
 * pending and are never scored (no stored result, not on the leaderboard), and re-running with a higher cap plays
 * them and the rest.
 */
const dir = mkdtempSync(join(tmpdir(), 'arena-cancel-'));
const CAP = 6;

function config(onCap: 'finish' | 'cancel'): string {
  const path = join(dir, `${onCap}.yaml`);
  writeFileSync(
    path,
    [
      `name: cap-${onCap}`,
      'seed: 3',
      'games:',
      '  - { id: connect-four, games: 1 }',
      'agents:',
      '  slow: mcts:iterations=3000',
      '  random: random',
      '  greedy: greedy',
      'repetitions: 3',
      'concurrency: { workers: 2 }',
      `budget: { matches: ${CAP}, on_cap: ${onCap} }`,
      'cache: off',
      '',
    ].join('\n'),
  );
  return path;
}

function state(db: string, run: string) {
  const store = new Store(db, { readonly: true });
  try {
    const rows = store.matches(run);
    return {
      total: rows.length,
      completed: rows.filter((m) => m.status === 'completed').length,
      unscored: rows.filter((m) => m.status !== 'completed').map((m) => m.match_key),
      status: store.getRun(run)?.status,
    };
  } finally {
    store.close();
  }
}

describe('budget caps with on_cap: cancel', () => {
  it('abandons the matches in flight at the cap (exit 4), never scores them, and a higher cap continues', async () => {
    const db = join(dir, 'cancel.db');
    const file = config('cancel');
    const capped = await cli(['tournament', file, '--store', db, '--quiet', '--bootstrap', '0']);
    expect(capped.code).toBe(4);
    expect(capped.err).toMatch(new RegExp(`^Budget \\(exit 4\\): run 'cap-cancel' stopped at the matches cap \\(${CAP} matches; \\d+ spent\\)`, 'm'));
    const after = state(db, 'cap-cancel');
    expect(after.status).toBe('budget');
    // Matches in flight count against the cap, and at the cap they were cancelled: fewer than CAP finished.
    expect(after.completed).toBeLessThan(CAP);
    expect(after.completed).toBeGreaterThan(0);
    expect(after.unscored.length).toBe(after.total - after.completed);
    // The leaderboard counts only finished matches: each finished match gives two seats.
    const board = await cli(['leaderboard', 'cap-cancel', '--store', db, '--format', 'json']);
    expect(board.code).toBe(0);
    const rows = (JSON.parse(board.out) as { rows: { matches: number }[] }).rows;
    expect(rows.reduce((s, r) => s + r.matches, 0)).toBe(2 * after.completed);

    const resumed = await cli(['tournament', file, '--store', db, '--quiet', '--bootstrap', '0', '--budget-matches', '1000']);
    expect(resumed.code).toBe(0);
    const done = state(db, 'cap-cancel');
    expect(done).toMatchObject({ completed: done.total, unscored: [], status: 'completed' });
  }, 300_000);

  it('with on_cap: finish the same run lets the matches in flight end: exactly the cap is played', async () => {
    const db = join(dir, 'finish.db');
    const capped = await cli(['tournament', config('finish'), '--store', db, '--quiet', '--bootstrap', '0']);
    expect(capped.code).toBe(4);
    expect(state(db, 'cap-finish').completed).toBe(CAP);
  }, 300_000);
});

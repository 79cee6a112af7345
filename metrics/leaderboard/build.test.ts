import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../compute.js';
import { syntheticTournament } from '../testing/tournament.js';
import { costRows } from './cost.js';
import { buildLeaderboard, defaultAnchor, leaderboardRows, pairingsOf, scopeMetricRows } from './build.js';

describe('leaderboardRows, the one row builder of the CLI and the web server', () => {
  const matches = syntheticTournament({ seed: 11, matches: 40, agents: ['a', 'b', 'c', 'random'] });
  const options = { seed: 3, bootstrap: 200, anchor: 'random' };

  it('gives the rows of buildLeaderboard from pairings, metric rows and usage totals', () => {
    const board = buildLeaderboard(matches, options);
    const report = computeMetrics(matches, { seed: 3, bootstrap: 200 });
    const usage = new Map(board.rows.map((r) => [r.agent, { tokens: r.tokens, usd: r.spendUsd }]));
    expect(leaderboardRows(pairingsOf(matches), scopeMetricRows(report), usage, options, costRows(matches, { seed: 3, bootstrap: 200 }))).toEqual({ rows: board.rows, estimator: board.estimator });
  });

  it('pins the anchor only when it played, and ranks by rating then name', () => {
    const { rows } = leaderboardRows([{ a: 'x', b: 'y', score: 1 }, { a: 'y', b: 'x', score: 0.5 }], [], new Map(), { anchor: 'absent', bootstrap: 0 });
    expect(rows.map((r) => r.agent)).toEqual(['x', 'y']);
    expect(rows.map((r) => [r.tokens, r.spendUsd, r.matches])).toEqual([[0, 0, 0], [0, 0, 0]]);
    expect(defaultAnchor(rows)).toBe('x');
    expect(defaultAnchor([{ agent: 'z' }, { agent: 'random' }])).toBe('random');
    expect(defaultAnchor([])).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../compute.js';
import { syntheticTournament } from '../testing/tournament.js';
import { costRows } from './cost.js';
import { buildLeaderboard, defaultAnchor, leaderboardRows, overallPairings, pairingsOf, scopeMetricRows } from './build.js';

describe('leaderboardRows, the one row builder of the CLI and the web server', () => {
  const matches = syntheticTournament({ seed: 11, matches: 40, agents: ['a', 'b', 'c', 'random'] });
  const options = { seed: 3, bootstrap: 200, anchor: 'random' };

  it('gives the rows of buildLeaderboard from pairings, metric rows and usage totals', () => {
    const board = buildLeaderboard(matches, options);
    const report = computeMetrics(matches, { seed: 3, bootstrap: 200 });
    const usage = new Map(board.rows.map((r) => [r.agent, { tokens: r.tokens, usd: r.spendUsd }]));
    const byGame = new Map<string, ReturnType<typeof pairingsOf>>();
    for (const m of matches) {
      const game = m[0]?.type === 'match_start' ? m[0].spec.game : '?';
      byGame.set(game, [...(byGame.get(game) ?? []), ...pairingsOf([m])]);
    }
    const overall = overallPairings(byGame);
    expect(overall.crossGame?.games).toEqual([...byGame.keys()].sort());
    expect(board.crossGame).toEqual(overall.crossGame);
    expect(leaderboardRows(overall.pairings, scopeMetricRows(report), usage, options, costRows(matches, { seed: 3, bootstrap: 200 }))).toEqual({ rows: board.rows, estimator: board.estimator });
  });

  it('rates across games only the agents connected in every covered game, and says which', () => {
    // a and b meet in tower defense; random and c in auto-battler: the two pools never meet.
    const td = syntheticTournament({ seed: 2, matches: 12, agents: ['a', 'b'], games: ['tower-defense'] });
    const ab = syntheticTournament({ seed: 3, matches: 12, agents: ['random', 'c'], games: ['auto-battler'] }).map((m) => m.map((e) => (e.type === 'match_start' ? { ...e, matchId: `x${e.matchId}` } : e)));
    const board = buildLeaderboard([...td, ...ab], { bootstrap: 0 });
    expect(board.crossGame?.games).toHaveLength(1);
    expect(board.crossGame?.agents).toHaveLength(2);
    const rated = board.rows.filter((r) => r.rating !== null).map((r) => r.agent).sort();
    expect(rated).toEqual([...(board.crossGame?.agents ?? [])].sort());
    expect(board.rows.filter((r) => r.rating === null)).toHaveLength(2);
    expect(Object.keys(board.headToHead).sort()).toEqual(['auto-battler@1', 'tower-defense@1']);
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

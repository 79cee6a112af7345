import { describe, expect, it } from 'vitest';
import { syntheticTournament } from '../testing/tournament.js';
import { buildLeaderboard } from './build.js';
import { formatLeaderboard } from './format.js';

describe('formatLeaderboard', () => {
  // a and b meet in Tower Defense only; random and c in Auto-battler only: two pools that never meet.
  const td = syntheticTournament({ seed: 2, matches: 12, agents: ['a', 'b'], games: ['tower-defense'] });
  const ab = syntheticTournament({ seed: 3, matches: 12, agents: ['random', 'c'], games: ['auto-battler'] }).map((m) => m.map((e) => (e.type === 'match_start' ? { ...e, matchId: `x${e.matchId}` } : e)));
  const board = buildLeaderboard([...td, ...ab], { bootstrap: 20 });

  it('prints each game first, then the overall table, with what the overall ratings cover', () => {
    const text = formatLeaderboard(board, 'table');
    const at = (s: string) => text.indexOf(s);
    expect(at('auto-battler@1\n')).toBeGreaterThanOrEqual(0);
    expect(at('tower-defense@1\n')).toBeGreaterThan(at('auto-battler@1\n'));
    expect(at('Across games\n')).toBeGreaterThan(at('tower-defense@1\n'));
    const c = board.crossGame;
    expect(text).toContain(`Overall ratings cover ${c?.agents.join(', ')} in ${c?.games.join(', ')}, each game weighted equally`);
    expect(text).toContain(`not rated overall: ${c?.leftAgents.join(', ')}`);
    expect(text).toMatch(/# is the range of ranks the intervals allow/);
  });

  it('keeps one table for a single game, and says what it covers in JSON', () => {
    const one = buildLeaderboard(td, { bootstrap: 0 });
    expect(formatLeaderboard(one, 'table')).not.toContain('Across games');
    const json = JSON.parse(formatLeaderboard(board, 'json')) as { crossGame: { agents: string[] } };
    expect(json.crossGame.agents).toEqual(board.crossGame?.agents);
    const md = formatLeaderboard(board, 'markdown');
    expect(md).toContain('### Across games');
  });
});

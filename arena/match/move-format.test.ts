import { describe, expect, it } from 'vitest';
import type { Agent } from '../agents/agent.js';
import { ZERO_USAGE } from '../trace/usage.js';
import type { MoveMatchSpec } from '../trace/events.js';
import { formatMoveMatch } from './move-format.js';
import { runMoveMatch } from './move-match.js';

function scripted(replies: readonly string[]): Agent {
  let i = 0;
  return {
    id: 'scripted',
    kind: 'scripted',
    decideMove: () => Promise.resolve({ text: replies[Math.min(i++, replies.length - 1)] ?? '', usage: { ...ZERO_USAGE, wallMs: 500, promptTokens: 7 } }),
  };
}

const spec = (game: string, games: number): MoveMatchSpec => ({
  family: 'move',
  game,
  params: {},
  games,
  seed: 1,
  seats: [
    { side: 0, agent: 'llm:a', name: 'alpha' },
    { side: 1, agent: 'llm:b', name: 'beta' },
  ],
});

describe('formatMoveMatch', () => {
  it('shows moves, rejections, the final board, the result and the match summary', async () => {
    const events = await runMoveMatch(spec('tic-tac-toe', 1), [scripted(['a1', 'b1', 'c1']), scripted(['a1', 'a2', 'b2'])]);
    const text = formatMoveMatch(events);
    expect(text).toContain('tic-tac-toe@1  seed 1  1 game  seat 0 (alpha) vs seat 1 (beta)');
    expect(text).toContain('Game 1: seat 0 (alpha) plays X and moves first');
    expect(text).toContain('moves: 1. a1 a2!  2. b1 b2  3. c1');
    expect(text).toContain('rejected: ply 2, seat 1 (beta), attempt 1: move/occupied');
    expect(text).toContain(['      a b c', '    1 X X X', '    2 O O .', '    3 . . .'].join('\n'));
    expect(text).toContain('result: seat 0 (alpha) wins after 5 plies');
    expect(text).toContain('Match: 1 - 0 (wins 1-0, draws 0); winner seat 0 (alpha)');
    expect(text).toMatch(/Usage: seat 0 \(alpha\): 1\.50 s, 21 tokens; seat 1 \(beta\): 1\.50 s, 21 tokens/);
  });

  it('can show the board after every move, and reports forfeits and unscored matches', async () => {
    const events = await runMoveMatch(spec('connect-four', 2), [scripted(['4', 'x']), scripted(['4'])], { maxAttempts: 1 });
    const every = formatMoveMatch(events, { boards: 'every' });
    expect(every).toContain('ply 1: X plays 4');
    expect(every).toContain('seat 0 (alpha) forfeited');
    expect(every).toContain('Game 2: seat 1 (beta) plays X and moves first');
    const failed = formatMoveMatch([...events.slice(0, -1), { type: 'match_end', seq: 99, time: 0, round: 0, status: 'error', reason: 'infrastructure', wins: [0, 0], winner: null, score: [0, 0], usage: [ZERO_USAGE, ZERO_USAGE] }]);
    expect(failed).toContain('Match ended with status error (infrastructure); not scored');
    expect(formatMoveMatch([])).toBe('(not a move-match trace)');
  });
});

import { describe, expect, it } from 'vitest';
import { createConnectFour } from '../../../games/connect-four/index.js';
import type { MoveGame } from '../../../games/core/move-game.js';
import { createRng } from '../../../games/core/rng.js';
import { createTicTacToe, type TicTacToeState } from '../../../games/tic-tac-toe/index.js';
import { UsageError } from '../../errors.js';
import type { MoveRequest } from '../agent.js';
import { parseAgentSpec } from '../../spec/agent-spec.js';
import { moveAgentFactories } from './index.js';
import { playPureGame } from './self-play.js';
import { solveActions, solvedResult, solveValue } from '../../search/negamax.js';

const ttt = createTicTacToe();
const solver = () => moveAgentFactories.solver.create(parseAgentSpec('solver'));
const play = (cells: number[]): TicTacToeState => cells.reduce((s, c) => ttt.apply(s, c), ttt.initial());

function request<S, A>(game: MoveGame<S, A>, state: S): MoveRequest {
  return { kind: 'move', game: game as MoveGame, state, player: game.toMove(state), legal: game.legalActions(state), ply: 0, gameIndex: 0, attempt: 1, feedback: [] };
}

describe('exact solver', () => {
  it('values the empty tic-tac-toe board as a draw, visiting all 5,478 positions', () => {
    const memo = new Map<string, number>();
    expect(solvedResult(solveValue(ttt, ttt.initial(), memo))).toBe(0);
    expect(memo.size).toBe(5478);
    expect(solveActions(ttt, ttt.initial(), memo).map((x) => solvedResult(x.value))).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('knows won and lost positions and prefers the faster win', () => {
    // X: a1 b1, O: a2 b2, X to move: c1 wins now
    const s = play([0, 3, 1, 4]);
    const scored = solveActions(ttt, s);
    const best = scored.reduce((a, b) => (b.value > a.value ? b : a));
    expect(best.action).toBe(2);
    expect(solvedResult(best.value)).toBe(1);
    // after the corner opening, an edge reply loses for O
    expect(solvedResult(solveValue(ttt, play([0, 1])))).toBe(1);
    expect(solvedResult(solveValue(ttt, play([0, 4])))).toBe(0);
  });

  it('plays perfectly: never loses to random and always draws itself', async () => {
    for (let g = 0; g < 40; g++) {
      const root = createRng(`solver ${g}`);
      const ctxs = [{ rng: root.fork('seat0') }, { rng: root.fork('seat1') }] as const;
      const vsRandom = await playPureGame(ttt, [solver(), moveAgentFactories.random.create(parseAgentSpec('random'))], ctxs, (g % 2) as 0 | 1);
      expect(vsRandom.scores[0]).toBeGreaterThanOrEqual(0.5);
      const self = await playPureGame(ttt, [solver(), solver()], ctxs, 0);
      expect(self.scores).toEqual([0.5, 0.5]);
    }
  });

  it('reports its value and the positions it solved', async () => {
    const a = solver();
    const d = await a.decideMove?.(request(ttt, ttt.initial()), { rng: createRng(1) });
    expect(d?.meta?.result).toBe(0);
    // every position after the first move (the root itself is not stored)
    expect(d?.usage.simulations).toBe(5477);
    const again = await a.decideMove?.(request(ttt, play([4])), { rng: createRng(1) });
    expect(again?.usage.simulations).toBe(0);
  });

  it('is a UsageError on games too large to solve', async () => {
    const c4 = createConnectFour();
    await expect(solver().decideMove?.(request(c4, c4.initial()), { rng: createRng(1) })).rejects.toThrow(UsageError);
  });
});

import { describe, expect, it } from 'vitest';
import { createConnectFour, type ConnectFourState } from '../../../games/connect-four/index.js';
import type { MoveGame } from '../../../games/core/move-game.js';
import { createRng } from '../../../games/core/rng.js';
import { createTicTacToe } from '../../../games/tic-tac-toe/index.js';
import type { Agent, MoveRequest } from '../agent.js';
import { parseAgentSpec } from '../../spec/agent-spec.js';
import { moveAgentFactories } from './index.js';
import { playPureGame } from './self-play.js';

const c4 = createConnectFour();
const ttt = createTicTacToe();

function agent(text: string): Agent {
  const spec = parseAgentSpec(text);
  return moveAgentFactories[spec.kind as keyof typeof moveAgentFactories].create(spec);
}

function request<S, A>(game: MoveGame<S, A>, state: S): MoveRequest {
  return { kind: 'move', game: game as MoveGame, state, player: game.toMove(state), legal: game.legalActions(state), ply: 0, gameIndex: 0, attempt: 1, feedback: [] };
}

function c4State(moves: string): ConnectFourState {
  return moves.split(' ').filter(Boolean).reduce((s, m) => c4.apply(s, Number(m) - 1), c4.initial());
}

/** Plays games `from` to `to` of a series: MCTS against random, first player alternating; returns MCTS's scores. */
async function series<S, A>(game: MoveGame<S, A>, mcts: string, from: number, to: number): Promise<number[]> {
  const scores: number[] = [];
  for (let g = from; g < to; g++) {
    const root = createRng(`strength ${game.id} ${g}`);
    const result = await playPureGame(game, [agent(mcts), agent('random')], [{ rng: root.fork('seat0') }, { rng: root.fork('seat1') }], (g % 2) as 0 | 1);
    scores.push(result.scores[0]);
  }
  return scores;
}

describe('mcts strength (2,000 iterations against random, first player alternating)', () => {
  // 100 Connect Four games in four chunks of 25; at least 24 wins in each makes at least 96 of 100 (>= 95%).
  it.each([0, 25, 50, 75])('Connect Four games %i to +25: wins at least 24 of 25', async (from) => {
    const scores = await series(c4, 'mcts:iterations=2000', from, from + 25);
    expect(scores.filter((s) => s === 1).length).toBeGreaterThanOrEqual(24);
  });

  it.each([0, 50])('tic-tac-toe games %i to +50: never loses', async (from) => {
    const scores = await series(ttt, 'mcts:iterations=2000', from, from + 50);
    expect(scores.filter((s) => s === 0)).toEqual([]);
    expect(scores.filter((s) => s === 1).length).toBeGreaterThan(35);
  });
});

describe('mcts agent', () => {
  it('finds an immediate win and blocks an immediate loss', async () => {
    expect((await agent('mcts:iterations=1000').decideMove?.(request(c4, c4State('1 1 2 2 3 3')), { rng: createRng(1) }))?.action).toBe(3);
    expect((await agent('mcts:iterations=1000').decideMove?.(request(c4, c4State('1 5 2 5 3')), { rng: createRng(1) }))?.action).toBe(3);
  });

  it('counts its iterations as simulations and is reproducible from its seed', async () => {
    const req = request(c4, c4State('4'));
    const a = await agent('mcts:iterations=300').decideMove?.(req, { rng: createRng(3) });
    const b = await agent('mcts:iterations=300').decideMove?.(req, { rng: createRng(3) });
    expect(a?.usage.simulations).toBe(300);
    expect(a?.meta?.iterations).toBe(300);
    expect(a?.action).toBe(b?.action);
    expect(a?.meta).toEqual(b?.meta);
  });

  it('reuses the subtree of the moves played, unless reuse=0', async () => {
    for (const [spec, expectReuse] of [['mcts:iterations=2000', true], ['mcts:iterations=2000,reuse=0', false]] as const) {
      const a = agent(spec);
      const rng = createRng(4);
      const s0 = c4State('4');
      const first = await a.decideMove?.(request(c4, s0), { rng });
      const s2 = c4.apply(c4.apply(s0, first?.action as number), 3);
      const second = await a.decideMove?.(request(c4, s2), { rng });
      const reused = second?.meta?.reusedVisits as number;
      if (expectReuse) expect(reused).toBeGreaterThan(0);
      else expect(reused).toBe(0);
      // an unrelated position (a new game) starts a fresh tree
      const third = await a.decideMove?.(request(c4, c4State('1')), { rng });
      expect(third?.meta?.reusedVisits).toBe(0);
    }
  });

  it('stops on a time budget when only ms is given', async () => {
    const d = await agent('mcts:ms=30').decideMove?.(request(c4, c4.initial()), { rng: createRng(2) });
    expect(d?.usage.simulations).toBeGreaterThan(0);
    expect(d?.usage.simulations).toBe(d?.meta?.iterations);
    expect(c4.legalActions(c4.initial())).toContain(d?.action);
  });

  it('plays games without a fast board through the pure-method adapter', async () => {
    const { board: _omit, ...plain } = ttt;
    const game: MoveGame<unknown, unknown> = plain as MoveGame<unknown, unknown>;
    const s = [0, 3, 1, 4].reduce<unknown>((st, c) => game.apply(st, c), game.initial());
    const d = await agent('mcts:iterations=500').decideMove?.(request(game, s), { rng: createRng(1) });
    expect(d?.action).toBe(2);
  });
});

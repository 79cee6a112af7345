import { describe, expect, it } from 'vitest';
import { createConnectFour, type ConnectFourState } from '../../../games/connect-four/index.js';
import type { MoveGame } from '../../../games/core/move-game.js';
import { createRng } from '../../../games/core/rng.js';
import { createTicTacToe } from '../../../games/tic-tac-toe/index.js';
import { UsageError } from '../../errors.js';
import type { Agent, MoveRequest } from '../agent.js';
import { parseAgentSpec } from '../../spec/agent-spec.js';
import { greedyMove } from './greedy.js';
import { moveAgentFactories, moveAgentKinds } from './index.js';

const c4 = createConnectFour();
const ttt = createTicTacToe();

function agent(text: string): Agent {
  const spec = parseAgentSpec(text);
  return moveAgentFactories[spec.kind as keyof typeof moveAgentFactories].create(spec);
}

function request<S, A>(game: MoveGame<S, A>, state: S, ply = 0): MoveRequest {
  return { kind: 'move', game: game as MoveGame, state, player: game.toMove(state), legal: game.legalActions(state), ply, gameIndex: 0, attempt: 1, feedback: [] };
}

function c4State(moves: string): ConnectFourState {
  return moves.split(' ').filter(Boolean).reduce((s, m) => c4.apply(s, Number(m) - 1), c4.initial());
}

async function decide(a: Agent, req: MoveRequest, seed: number | string): Promise<unknown> {
  const d = await a.decideMove?.(req, { rng: createRng(seed) });
  return d?.action;
}

describe('move agent kinds', () => {
  it('lists random, greedy, mcts and solver for the move family, each with the error parameter', () => {
    expect(moveAgentKinds.map((k) => k.kind).sort()).toEqual(['greedy', 'mcts', 'random', 'solver']);
    for (const k of moveAgentKinds) {
      expect(k.families).toEqual(['move']);
      expect(k.params.some((p) => p.startsWith('error='))).toBe(true);
      expect(k.create(parseAgentSpec(k.kind), {}).decideMove).toBeTypeOf('function');
    }
  });

  it('rejects unknown parameters and out-of-range values with a UsageError', () => {
    expect(() => agent('greedy:depth=2')).toThrow(UsageError);
    expect(() => agent('mcts:iterations=0')).toThrow(UsageError);
    expect(() => agent('random:error=1.5')).toThrow(UsageError);
    expect(() => agent('mcts:c=abc')).toThrow(/c must be a number/);
  });
});

describe('random agent', () => {
  it('plays only legal moves, reproducibly from its seed, and covers them all', async () => {
    const a = agent('random');
    const req = request(c4, c4State('1 1 1 1 1 1'));
    const seen = new Set<unknown>();
    for (let i = 0; i < 100; i++) seen.add(await decide(a, req, i));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await decide(a, req, 'x')).toBe(await decide(a, req, 'x'));
  });

  it('reports its wall time and no simulations', async () => {
    const d = await agent('random').decideMove?.(request(ttt, ttt.initial()), { rng: createRng(1) });
    expect(d?.usage.simulations).toBe(0);
    expect(d?.usage.wallMs).toBeGreaterThanOrEqual(0);
  });
});

describe('greedy agent', () => {
  it('takes an immediate win', async () => {
    expect(await decide(agent('greedy'), request(c4, c4State('1 1 2 2 3 3')), 1)).toBe(3);
    const t = [0, 3, 1, 4].reduce((s, c) => ttt.apply(s, c), ttt.initial());
    expect(await decide(agent('greedy'), request(ttt, t), 1)).toBe(2);
  });

  it('blocks an immediate loss', async () => {
    expect(await decide(agent('greedy'), request(c4, c4State('1 5 2 5 3')), 1)).toBe(3);
    const t = [0, 4, 1].reduce((s, c) => ttt.apply(s, c), ttt.initial());
    expect(await decide(agent('greedy'), request(ttt, t), 1)).toBe(2);
  });

  it('opens Connect Four in the centre and tic-tac-toe in the centre', async () => {
    expect(await decide(agent('greedy'), request(c4, c4.initial()), 1)).toBe(3);
    expect(await decide(agent('greedy'), request(ttt, ttt.initial()), 1)).toBe(4);
  });

  it('never leaves the opponent an immediate win when a move avoids it (random positions)', () => {
    const rng = createRng(21);
    let checked = 0;
    for (let g = 0; g < 150; g++) {
      let s = c4.initial();
      while (!c4.isTerminal(s)) {
        const me = c4.toMove(s);
        const legal = c4.legalActions(s);
        const losing = (a: number): boolean => {
          const next = c4.apply(s, a);
          return !c4.isTerminal(next) && c4.legalActions(next).some((b) => c4.outcome(c4.apply(next, b))?.[1 - me] === 1);
        };
        const wins = legal.filter((a) => c4.outcome(c4.apply(s, a))?.[me] === 1);
        const choice = greedyMove(c4, s, legal, (items) => rng.pick(items));
        if (wins.length > 0) expect(wins).toContain(choice);
        else if (legal.some((a) => !losing(a))) expect(losing(choice)).toBe(false);
        checked++;
        s = c4.apply(s, rng.pick(legal));
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});

describe('error rate', () => {
  it('error=1 plays exactly like random on the same seed', async () => {
    const noisy = agent('greedy:error=1');
    const random = agent('random');
    for (let seed = 0; seed < 30; seed++) {
      const req = request(c4, c4State('4 4 3'));
      expect(await decide(noisy, req, seed)).toBe(await decide(random, req, seed));
    }
  });

  it('error=0 plays exactly like the base agent on the same seed', async () => {
    for (const base of ['greedy', 'mcts:iterations=50', 'random']) {
      const a = agent(`${base}:error=0`);
      const b = agent(base);
      const rng1 = createRng(5);
      const rng2 = createRng(5);
      const state = c4State('4 4 3 5');
      for (let i = 0; i < 5; i++) {
        const req = request(c4, state);
        const x = await a.decideMove?.(req, { rng: rng1 });
        const y = await b.decideMove?.(req, { rng: rng2 });
        expect(x?.action).toBe(y?.action);
      }
    }
  });

  it('error=0.5 mixes random moves (marked in meta) with the base agent', async () => {
    const a = agent('greedy:error=0.5');
    const rng = createRng(8);
    let marked = 0;
    for (let i = 0; i < 200; i++) {
      const d = await a.decideMove?.(request(c4, c4.initial()), { rng });
      if (d?.meta?.errorMove === true) marked++;
      else expect(d?.action).toBe(3);
    }
    expect(marked).toBeGreaterThan(70);
    expect(marked).toBeLessThan(130);
  });
});

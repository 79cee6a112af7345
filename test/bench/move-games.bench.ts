import type { Game } from 'boardgame.io';
import { RandomBot, Simulate } from 'boardgame.io/ai';
import { InitializeGame } from 'boardgame.io/internal';
import { parseAgentSpec } from '../../arena/spec/agent-spec.js';
import { moveAgentFactories } from '../../arena/agents/move/index.js';
import { fastRand } from '../../arena/search/rand.js';
import { connectFourBoardgame, createConnectFour } from '../../games/connect-four/index.js';
import type { MoveGame } from '../../games/core/move-game.js';
import { createRng } from '../../games/core/rng.js';
import { createTicTacToe, ticTacToeBoardgame } from '../../games/tic-tac-toe/index.js';
import type { BenchResult } from './types.js';

/**
 * Random playouts per second from the empty board, side by side in one run: the pure fast board, the pure
 * immutable methods, and boardgame.io's own `Simulate` with `RandomBot`; plus MCTS iterations per second.
 * Targets: the fast board at least 100x boardgame.io, and at least 100,000 Connect Four playouts per second.
 */

/**
 * Runs `step` (which returns the work it did) for about `ms` milliseconds of wall time; returns work per wall
 * second and per CPU second of this process (the latter is the one-core figure on a shared, busy machine).
 */
async function rates(ms: number, step: () => number | Promise<number>): Promise<{ wall: number; cpu: number }> {
  await step();
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  let work = 0;
  while (performance.now() - start < ms) work += await step();
  const cpu = process.cpuUsage(cpu0);
  return { wall: work / ((performance.now() - start) / 1000), cpu: work / ((cpu.user + cpu.system) / 1e6) };
}

async function rate(ms: number, step: () => number | Promise<number>): Promise<number> {
  return (await rates(ms, step)).wall;
}

function fastPlayouts<S, A>(game: MoveGame<S, A>): () => number {
  const root = game.board?.(game.initial());
  if (!root) throw new Error(`${game.id} has no fast board`);
  const rand = fastRand(createRng('bench'));
  return () => {
    for (let i = 0; i < 1000; i++) root.clone().rollout(rand);
    return 1000;
  };
}

function purePlayouts<S, A>(game: MoveGame<S, A>): () => number {
  const rng = createRng('bench pure');
  return () => {
    for (let i = 0; i < 100; i++) {
      let s = game.initial();
      while (!game.isTerminal(s)) s = game.apply(s, rng.pick(game.legalActions(s)));
    }
    return 100;
  };
}

function boardgamePlayouts(game: Game): () => Promise<number> {
  const enumerate = game.ai?.enumerate;
  if (!enumerate) throw new Error('game has no ai.enumerate');
  const bot = new RandomBot({ enumerate, seed: 'bench' });
  return async () => {
    await Simulate({ game, bots: bot, state: InitializeGame({ game }) });
    return 1;
  };
}

async function mctsIterations(game: MoveGame): Promise<number> {
  const agent = moveAgentFactories.mcts.create(parseAgentSpec('mcts:iterations=2000,reuse=0'));
  const rng = createRng('bench mcts');
  const request = { kind: 'move', game, state: game.initial(), player: 0, legal: game.legalActions(game.initial()), ply: 0, gameIndex: 0, attempt: 1, feedback: [] } as const;
  return rate(1500, async () => (await agent.decideMove?.(request, { rng }))?.usage.simulations ?? 0);
}

export async function bench(): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  const games: [string, MoveGame<unknown, number>, Game, string][] = [
    ['tic-tac-toe', createTicTacToe() as MoveGame<unknown, number>, ticTacToeBoardgame() as Game, 'one core'],
    ['connect-four 7x6', createConnectFour() as MoveGame<unknown, number>, connectFourBoardgame() as Game, 'one core; target >= 100,000'],
  ];
  for (const [name, rules, bgio, cpuNote] of games) {
    const { wall: fast, cpu: fastCpu } = await rates(1500, fastPlayouts(rules));
    const pure = await rate(1000, purePlayouts(rules));
    const slow = await rate(2000, boardgamePlayouts(bgio));
    out.push(
      { name: `${name}: random playouts, fast board`, value: Math.round(fast), unit: 'playouts/s' },
      { name: `${name}: random playouts, fast board, per CPU second`, value: Math.round(fastCpu), unit: 'playouts/s', note: cpuNote },
      { name: `${name}: random playouts, pure immutable rules`, value: Math.round(pure), unit: 'playouts/s' },
      { name: `${name}: random playouts, boardgame.io Simulate+RandomBot`, value: Math.round(slow), unit: 'playouts/s' },
      { name: `${name}: fast board / boardgame.io`, value: Math.round(fast / slow), unit: 'x', note: 'target >= 100x' },
      { name: `${name}: MCTS iterations (2,000 per move, empty board)`, value: Math.round(await mctsIterations(rules as MoveGame)), unit: 'iterations/s' },
    );
  }
  return out;
}

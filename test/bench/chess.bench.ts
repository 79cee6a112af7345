import { createEngineAgent } from '../../arena/agents/engine/agent.js';
import { moveAgentFactories } from '../../arena/agents/move/index.js';
import { runMoveMatch } from '../../arena/match/move-match.js';
import { annotateMatchWithEngine, DEFAULT_PROVER_DEPTH } from '../../arena/progress/index.js';
import { parseAgentSpec } from '../../arena/spec/agent-spec.js';
import type { MoveMatchSpec } from '../../arena/trace/events.js';
import { createChess } from '../../games/chess/index.js';
import type { BenchResult } from './types.js';

/**
 * Chess with Stockfish: engine analyses per second at the default annotation depth (positions of one engine game,
 * each analysed once, fresh engine), and the wall time of an annotated tournament: CHESS_BENCH_GAMES games
 * (default 100) of `stockfish:depth=2` against random, then every move annotated by the engine prover at the
 * default depth.
 */
export async function bench(): Promise<BenchResult[]> {
  const game = createChess();
  const games = Number(process.env['CHESS_BENCH_GAMES'] ?? 100);
  // Positions: one engine self-play game from a book opening.
  const selfPlay: MoveMatchSpec = { family: 'move', game: 'chess', params: { opening: 3, plies: 80 }, games: 1, seed: 1, seats: [{ side: 0, agent: 'a', name: 'a' }, { side: 1, agent: 'b', name: 'b' }] };
  const sf = () => createEngineAgent('stockfish', parseAgentSpec('stockfish:depth=3'));
  const positions = await runMoveMatch(selfPlay, [sf(), sf()]);
  const session = await game.engine!.open();
  let analyses = 0;
  const t0 = performance.now();
  try {
    let state = createChess({ opening: 3 }).initial();
    const rules = createChess({ opening: 3, plies: 80 });
    for (const e of positions) {
      if (e.type !== 'move') continue;
      await session.analyse(state, { depth: DEFAULT_PROVER_DEPTH });
      analyses++;
      const p = rules.parseAction(state, e.action);
      if (!p.ok) break;
      state = rules.apply(state, p.action);
    }
  } finally {
    await session.close();
  }
  const perSecond = analyses / ((performance.now() - t0) / 1000);

  const spec: MoveMatchSpec = { family: 'move', game: 'chess', params: {}, games, seed: 3, seats: [{ side: 0, agent: 'stockfish:depth=2', name: 'sf' }, { side: 1, agent: 'random', name: 'random' }] };
  const t1 = performance.now();
  const match = await runMoveMatch(spec, [createEngineAgent('stockfish', parseAgentSpec('stockfish:depth=2')), moveAgentFactories.random.create(parseAgentSpec('random'))]);
  const played = performance.now() - t1;
  const annotated = await annotateMatchWithEngine(match, { depth: DEFAULT_PROVER_DEPTH, name: `engine:depth=${DEFAULT_PROVER_DEPTH}` });
  const total = performance.now() - t1;
  const moves = match.filter((e) => e.type === 'move').length;
  return [
    { name: `chess: Stockfish analyses at depth ${DEFAULT_PROVER_DEPTH} (default annotation depth)`, value: Number(perSecond.toFixed(1)), unit: 'analyses/s', note: `${analyses} positions of one engine game` },
    { name: `chess: ${games} games stockfish:depth=2 vs random, played`, value: Number((played / 1000).toFixed(1)), unit: 's', note: `${moves} moves` },
    { name: `chess: the same ${games} games played and annotated at depth ${DEFAULT_PROVER_DEPTH}`, value: Number((total / 1000).toFixed(1)), unit: 's', note: `${annotated.analyses} analyses` },
  ];
}

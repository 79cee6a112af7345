import type { MoveBoard, MoveGame } from '../../games/core/move-game.js';
import { boardOf } from '../search/board.js';
import { UsageError } from '../errors.js';
import type { ProgressEstimate } from './estimate.js';
import type { Prover } from '../search/provers.js';

/** Expected final score of player 0 from `state` when both sides follow μ, memoised by state key. */
function value0<S, A>(game: MoveGame<S, A>, state: S, prover: Prover, memo: Map<string, number>): number {
  const key = game.key(state);
  const known = memo.get(key);
  if (known !== undefined) return known;
  const outcome = game.outcome(state);
  let v: number;
  if (outcome) {
    v = outcome[0];
  } else {
    const dist = prover.distribution?.(boardOf(game, state) as MoveBoard<unknown>);
    if (!dist) throw new UsageError(`prover '${prover.name}' has no exact action distribution`);
    v = 0;
    for (const { action, p } of dist) v += p * value0(game, game.apply(state, action as A), prover, memo);
  }
  memo.set(key, v);
  return v;
}

/**
 * Exact A^μ(s, a) by full expectation over μ's action distribution (random, greedy): only for games small enough
 * to enumerate (`solvable`). The reference the rollout estimates are tested against.
 */
export function exactProgress<S, A>(game: MoveGame<S, A>, state: S, action: A, prover: Prover, memo: Map<string, number> = new Map()): ProgressEstimate {
  const mover = game.toMove(state);
  const forMover = (v0: number): number => (mover === 0 ? v0 : 1 - v0);
  const q = forMover(value0(game, game.apply(state, action), prover, memo));
  const dist = prover.distribution?.(boardOf(game, state) as MoveBoard<unknown>) ?? [];
  let v = 0;
  for (const { action: a, p } of dist) v += p * forMover(value0(game, game.apply(state, a as A), prover, memo));
  return { prover: prover.name, rollouts: 0, q, v, advantage: q - v, stderr: 0 };
}

import type { MoveGame } from '../../games/core/move-game.js';

/** Magnitude of a won position; each ply to the end of the game costs 1, so faster wins and slower losses score higher. */
const WIN = 1_000_000;

/** Memoised exact values by state key, for one game (id and params). */
export type SolverMemo = Map<string, number>;

/**
 * Exact negamax value of `state` for the player to move: WIN - d for a win in d plies under best play, d - WIN
 * for a loss in d plies, 0 for a draw. `memo` (keyed by `game.key`) is filled as a side effect.
 */
export function solveValue<S, A>(game: MoveGame<S, A>, state: S, memo: SolverMemo = new Map()): number {
  const key = game.key(state);
  const known = memo.get(key);
  if (known !== undefined) return known;
  let value: number;
  const outcome = game.outcome(state);
  if (outcome) {
    const own = outcome[game.toMove(state)];
    value = own === 1 ? WIN : own === 0 ? -WIN : 0;
  } else {
    value = -Infinity;
    for (const a of game.legalActions(state)) value = Math.max(value, -solveValue(game, game.apply(state, a), memo));
    value -= Math.sign(value);
  }
  memo.set(key, value);
  return value;
}

/** Every legal action with its exact value for the player to move (see `solveValue`). */
export function solveActions<S, A>(game: MoveGame<S, A>, state: S, memo: SolverMemo = new Map()): { action: A; value: number }[] {
  return game.legalActions(state).map((action) => ({ action, value: -solveValue(game, game.apply(state, action), memo) }));
}

/** The game-theoretic result of a value: 1 win, 0 draw, -1 loss for the player to move. */
export function solvedResult(value: number): -1 | 0 | 1 {
  return value > 0 ? 1 : value < 0 ? -1 : 0;
}

import type { MoveBoard, MoveGame } from '../../games/core/move-game.js';
import type { Rng } from '../../games/core/rng.js';
import { fastRand } from '../search/rand.js';
import { solveActions, solvedResult } from '../search/negamax.js';
import { UsageError } from '../errors.js';
import { proverBoard } from '../search/board.js';
import { playOut, type Prover, type Rand } from '../search/provers.js';

/** A progress value A = q − v for one step, from the mover's point of view (scores 1 win, 0.5 draw, 0 loss). */
export interface ProgressEstimate {
  readonly prover: string;
  /** Rollouts per term: q and v each come from this many playouts (0 for exact values). */
  readonly rollouts: number;
  readonly q: number;
  readonly v: number;
  readonly advantage: number;
  /** Standard error of the advantage (0 for exact values). */
  readonly stderr: number;
}

function score(status: 0 | 1 | 2, mover: 0 | 1): number {
  return status === 2 ? 0.5 : status === mover ? 1 : 0;
}

/** Mean and standard error of the mean (sample variance, n − 1). */
function meanSe(sum: number, sumSq: number, n: number): { mean: number; var: number } {
  const mean = sum / n;
  const variance = n > 1 ? Math.max(0, (sumSq - n * mean * mean) / (n - 1)) : 0;
  return { mean, var: variance / n };
}

/** One playout score of `action` from `board` for `mover`, then μ for both sides. */
export function rolloutQ(board: MoveBoard<unknown>, action: unknown, prover: Prover, rand: Rand): number {
  const mover = board.toMove();
  const b = board.clone();
  b.play(action);
  return score(playOut(b, prover, rand), mover);
}

/** Monte-Carlo Q^μ(s, a) over `m` playouts: mean and standard error. */
export function estimateQ(board: MoveBoard<unknown>, action: unknown, prover: Prover, m: number, rand: Rand): { mean: number; se: number } {
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < m; i++) {
    const x = rolloutQ(board, action, prover, rand);
    sum += x;
    sumSq += x * x;
  }
  const r = meanSe(sum, sumSq, m);
  return { mean: r.mean, se: Math.sqrt(r.var) };
}

/** Exact progress under optimal play: A*(s, a) = Q*(s, a) − max_a' Q*(s, a') (so A* ≤ 0). */
export function exactOptimalProgress<S, A>(game: MoveGame<S, A>, state: S, action: A, memo: Map<string, number>): ProgressEstimate {
  const scored = solveActions(game, state, memo);
  const toScore = (value: number): number => (solvedResult(value) + 1) / 2;
  const key = JSON.stringify(action);
  const mine = scored.find((s) => JSON.stringify(s.action) === key);
  if (!mine) throw new RangeError(`action ${key} is not legal here`);
  const q = toScore(mine.value);
  const v = Math.max(...scored.map((s) => toScore(s.value)));
  return { prover: 'solver', rollouts: 0, q, v, advantage: q - v, stderr: 0 };
}

export interface EstimateOptions {
  /** Playouts per term (q and v each). */
  readonly rollouts: number;
  readonly rng: Rng;
  /** Memo of exact values, reused across calls of the solver prover on one game. */
  readonly memo?: Map<string, number>;
}

/**
 * Progress A^μ(s, a) = Q^μ(s, a) − V^μ(s) of `action` in `state`. Q from M playouts after the action, V from M
 * playouts whose first move is drawn from μ (an unbiased estimate of E_{a'~μ} Q^μ(s, a')); the two samples are
 * independent, so the standard error is √(se_q² + se_v²). The solver prover gives exact values (game must be
 * `solvable`). Seeded: equal inputs and seeds give equal estimates.
 */
export function estimateProgress<S, A>(game: MoveGame<S, A>, state: S, action: A, prover: Prover, options: EstimateOptions): ProgressEstimate {
  if (prover.exact) {
    if (game.solvable !== true) throw new UsageError(`prover 'solver' only works on games small enough to solve (the solvable capability), not ${game.id}`);
    return exactOptimalProgress(game, state, action, options.memo ?? new Map());
  }
  const m = options.rollouts;
  if (!Number.isInteger(m) || m < 1) throw new UsageError(`rollouts must be a positive integer, got ${m}`);
  const board = proverBoard(game, state);
  const rand = fastRand(options.rng);
  const q = estimateQ(board, action, prover, m, rand);
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < m; i++) {
    const x = rolloutQ(board, prover.choose(board, rand), prover, rand);
    sum += x;
    sumSq += x * x;
  }
  const v = meanSe(sum, sumSq, m);
  return { prover: prover.name, rollouts: m, q: q.mean, v: v.mean, advantage: q.mean - v.mean, stderr: Math.sqrt(q.se * q.se + v.var) };
}

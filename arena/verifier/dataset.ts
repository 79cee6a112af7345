import type { MoveGame } from '../../games/core/move-game.js';
import { fastRand } from '../search/rand.js';
import { proverBoard } from '../search/board.js';
import { mixedRng } from '../../games/core/rng.js';
import { estimateQ } from '../progress/estimate.js';
import type { Prover } from '../search/provers.js';

/** Rollout-labelled steps: one row per (state, legal move), grouped by state. */
export interface Dataset {
  readonly inputs: number;
  /** Rows (steps) and states. */
  readonly size: number;
  readonly states: number;
  /** Row-major encoded steps, `size` x `inputs`. */
  readonly x: Float32Array;
  /** Labels: Q^μ(s, a) in [0, 1] and A^μ(s, a) = Q^μ(s, a) − V^μ(s). */
  readonly q: Float32Array;
  readonly a: Float32Array;
  /** State index of each row (rows of a state are contiguous). */
  readonly group: Int32Array;
}

export interface DatasetOptions {
  /** States to label. */
  readonly positions: number;
  /** Playouts per (state, move). */
  readonly rollouts: number;
  readonly seed: number | string;
  /** The prover μ; it must have an exact action distribution (V^μ = Σ μ(a') Q^μ(s, a')). */
  readonly prover: Prover;
  /** Probability that a self-play move is the prover's rather than uniformly random (position diversity). */
  readonly proverShare?: number;
  /** Probability that a visited state is kept (spreads the sample over many games). */
  readonly keep?: number;
}

/**
 * Positions from seeded self-play (each move the prover's with probability `proverShare`, else uniform), every
 * legal move labelled with M playouts of μ, encoded with the game's tensor encoding. Deterministic for a seed.
 */
export function generateDataset<S, A>(game: MoveGame<S, A>, options: DatasetOptions): Dataset {
  const { prover } = options;
  const tensor = game.tensor;
  if (!tensor) throw new Error(`game '${game.id}' has no tensor encoding to train a verifier on`);
  if (!prover.distribution) throw new Error(`prover '${prover.name}' has no exact action distribution (use random or greedy)`);
  const rng = mixedRng(options.seed, 'positions');
  const rand = fastRand(mixedRng(options.seed, 'rollouts'));
  const playRand = fastRand(mixedRng(options.seed, 'self-play'));
  const share = options.proverShare ?? 0.5;
  const keep = options.keep ?? 0.35;
  const first = game.initial();
  const width = tensor.size;
  const rows: { x: Float32Array; q: number; a: number; group: number }[] = [];
  let states = 0;
  while (states < options.positions) {
    let state = first;
    while (!game.isTerminal(state) && states < options.positions) {
      const board = proverBoard(game, state);
      if (rng.chance(keep)) {
        const legal = game.legalActions(state);
        const qs = legal.map((a) => estimateQ(board, a, prover, options.rollouts, rand).mean);
        const dist = prover.distribution(board);
        let v = 0;
        for (const { action, p } of dist) v += p * (qs[legal.indexOf(action as A)] ?? 0);
        legal.forEach((a, i) => {
          const x = new Float32Array(width);
          tensor.encodeStep(state, a, x);
          rows.push({ x, q: qs[i] ?? 0, a: (qs[i] ?? 0) - v, group: states });
        });
        states++;
      }
      const legal = game.legalActions(state);
      const move = rng.chance(share) ? (prover.choose(board, playRand) as A) : (legal[playRand(legal.length)] as A);
      state = game.apply(state, move);
    }
  }
  const x = new Float32Array(rows.length * width);
  rows.forEach((r, i) => x.set(r.x, i * width));
  return {
    inputs: width,
    size: rows.length,
    states,
    x,
    q: Float32Array.from(rows.map((r) => r.q)),
    a: Float32Array.from(rows.map((r) => r.a)),
    group: Int32Array.from(rows.map((r) => r.group)),
  };
}

/** Rows of states [from, to): a held-out split by state, so no position is in both parts. */
export function sliceStates(d: Dataset, from: number, to: number): Dataset {
  let lo = 0;
  while (lo < d.size && (d.group[lo] as number) < from) lo++;
  let hi = lo;
  while (hi < d.size && (d.group[hi] as number) < to) hi++;
  return {
    inputs: d.inputs,
    size: hi - lo,
    states: to - from,
    x: d.x.slice(lo * d.inputs, hi * d.inputs),
    q: d.q.slice(lo, hi),
    a: d.a.slice(lo, hi),
    group: d.group.slice(lo, hi).map((g) => g - from),
  };
}

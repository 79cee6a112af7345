import type { MoveGame, TensorEncoding } from '../../games/core/move-game.js';
import { fastRand } from '../search/rand.js';
import { proverBoard } from '../search/board.js';
import { mixedRng } from '../../games/core/rng.js';
import { UsageError } from '../errors.js';
import { estimateQ, exactOptimalProgress, rolloutQ } from '../progress/estimate.js';
import { exactProgress } from '../progress/exact.js';
import type { Prover } from '../search/provers.js';

/** Rollout-labelled (or exactly labelled) steps: one row per (state, legal move), grouped by state. */
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
  /** Outcome labels Q^π(s, a) under the outcome policy π, when the dataset was drawn with one (ORM targets). */
  readonly o?: Float32Array;
  /** State index of each row (rows of a state are contiguous). */
  readonly group: Int32Array;
  /** Positions drawn but left out because the bounded solver gave up on them (exact labels of large games). */
  readonly skipped?: number;
}

export interface DatasetOptions {
  /** States to label. */
  readonly positions: number;
  /** Playouts per (state, move). */
  readonly rollouts: number;
  readonly seed: number | string;
  /**
   * The prover μ. With an exact action distribution, V^μ = Σ μ(a') Q^μ(s, a'); without one (mcts, best-of-K),
   * V^μ is estimated by M playouts whose first move is μ's; the solver needs `exact`.
   */
  readonly prover: Prover;
  /** Probability that a self-play move is the prover's rather than uniformly random (position diversity). */
  readonly proverShare?: number;
  /** Probability that a visited state is kept (spreads the sample over many games). */
  readonly keep?: number;
  /** Exact labels (games small enough to solve): full expectation over μ, or optimal values for the solver. */
  readonly exact?: boolean;
  /** Outcome policy π: adds outcome labels Q^π(s, a) (M playouts of π, or exact), the targets of an ORM. */
  readonly outcome?: Prover;
  /**
   * Keep each position once, counting a position and its symmetric images (the encoding's symmetries) as one, so
   * a held-out split by state shares no position, nor a mirror image of one, with training.
   */
  readonly unique?: boolean;
  /**
   * Exact labels of a game too large to solve whole (its `boundedSolve` capability): search nodes allowed per
   * position; positions that need more are skipped (counted in `Dataset.skipped`).
   */
  readonly budget?: number;
  /** The self-play policy's share of moves (`proverShare`) is played by this policy instead of μ. */
  readonly selfPlay?: Prover;
}

/** Default search nodes per position for bounded exact labels. */
export const DEFAULT_SOLVE_BUDGET = 200_000;

/** A key shared by a state and its symmetric images: the least sorted list of its encoded steps over symmetries. */
function canonicalKey(rows: readonly Float32Array[], symmetries: readonly Int32Array[]): string {
  const text = (x: ArrayLike<number>): string => Array.from(x, (v) => (v === 0 ? '0' : v === 1 ? '1' : String(v))).join('');
  let best = rows.map(text).sort().join('|');
  for (const perm of symmetries) {
    const key = rows.map((r) => text(Array.from(perm, (j) => r[j] as number))).sort().join('|');
    if (key < best) best = key;
  }
  return best;
}

/** Self-play games in a row that may add no new position before a `unique` draw stops short (small games). */
const STALE_GAMES = 2000;

/**
 * Positions from seeded self-play (each move the prover's with probability `proverShare`, else uniform), every
 * legal move labelled with M playouts of μ (or exactly), encoded with the game's tensor encoding. Deterministic
 * for a seed. With `unique`, a small game may run out of new positions: the dataset then has fewer states.
 */
export function generateDataset<S, A>(game: MoveGame<S, A>, options: DatasetOptions): Dataset {
  const { prover } = options;
  const tensor = game.tensor as TensorEncoding<S, A> | undefined;
  if (!tensor) throw new UsageError(`game '${game.id}' has no tensor encoding to train a verifier on`);
  const bounded = options.exact === true && game.solvable !== true;
  if (bounded && !(prover.exact && game.boundedSolve)) throw new UsageError(`exact labels need a game small enough to solve, or the solver prover on a game with a bounded solver, not ${prover.name} on ${game.id}`);
  if (bounded && options.outcome) throw new UsageError(`exact outcome labels need a game small enough to solve, not ${game.id}`);
  if (prover.exact && !options.exact) throw new UsageError(`prover '${prover.name}' is exact: label with exact values`);
  const player = options.selfPlay ?? prover;
  if (options.selfPlay?.exact) throw new UsageError(`self-play policy '${options.selfPlay.name}' is exact: give a rollout policy`);
  const rng = mixedRng(options.seed, 'positions');
  const rand = fastRand(mixedRng(options.seed, 'rollouts'));
  const playRand = fastRand(mixedRng(options.seed, 'self-play'));
  const outcomeRand = fastRand(mixedRng(options.seed, 'outcome-rollouts'));
  const share = options.proverShare ?? 0.5;
  const keep = options.keep ?? 0.35;
  const memo = new Map<string, number>();
  const outcomeMemo = new Map<string, number>();
  const seen = new Set<string>();
  const first = game.initial();
  const width = tensor.size;
  const rows: { x: Float32Array; q: number; a: number; o: number; group: number }[] = [];
  let states = 0;
  let stale = 0;
  let skipped = 0;
  while (states < options.positions && stale < STALE_GAMES) {
    let state = first;
    const before = states;
    while (!game.isTerminal(state) && states < options.positions) {
      const board = proverBoard(game, state);
      if (rng.chance(keep)) {
        const legal = game.legalActions(state);
        const xs = legal.map((a) => {
          const x = new Float32Array(width);
          tensor.encodeStep(state, a, x);
          return x;
        });
        const key = options.unique ? canonicalKey(xs, tensor.symmetries ?? []) : '';
        if (!options.unique || !seen.has(key)) {
          seen.add(key);
          const labels = bounded ? boundedLabels(game, state, legal, options.budget ?? DEFAULT_SOLVE_BUDGET) : label(game, state, legal, options, { board, rand, memo });
          if (labels) {
            const { qs, v } = labels;
            const os = options.outcome ? outcomeLabels(game, state, legal, options.outcome, options, outcomeRand, outcomeMemo) : null;
            legal.forEach((_, i) => rows.push({ x: xs[i] as Float32Array, q: qs[i] ?? 0, a: (qs[i] ?? 0) - v, o: os?.[i] ?? 0, group: states }));
            states++;
          } else skipped++;
        }
      }
      const legal = game.legalActions(state);
      // An exact prover has no moves to sample: without a self-play policy, its games are played uniformly.
      const move = rng.chance(share) && !(player === prover && prover.exact) ? (player.choose(board, playRand) as A) : (legal[playRand(legal.length)] as A);
      state = game.apply(state, move);
    }
    stale = states > before ? 0 : stale + 1;
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
    ...(options.outcome ? { o: Float32Array.from(rows.map((r) => r.o)) } : {}),
    group: Int32Array.from(rows.map((r) => r.group)),
    ...(bounded ? { skipped } : {}),
  };
}

/** Exact optimal labels from the game's bounded solver: Q* = (result + 1) / 2, V* = max Q*; null when it gave up. */
function boundedLabels<S, A>(game: MoveGame<S, A>, state: S, legal: readonly A[], budget: number): { qs: number[]; v: number } | null {
  const results = game.boundedSolve?.(state, legal, budget);
  if (!results) return null;
  const qs = results.map((r) => (r + 1) / 2);
  return { qs, v: Math.max(...qs) };
}

/** Q^μ of every legal move of a state, and V^μ(s). */
function label<S, A>(
  game: MoveGame<S, A>,
  state: S,
  legal: readonly A[],
  options: DatasetOptions,
  ctx: { board: ReturnType<typeof proverBoard>; rand: (n: number) => number; memo: Map<string, number> },
): { qs: number[]; v: number } {
  const { prover } = options;
  if (options.exact) {
    const steps = legal.map((a) => (prover.exact ? exactOptimalProgress(game, state, a, ctx.memo) : exactProgress(game, state, a, prover, ctx.memo)));
    return { qs: steps.map((s) => s.q), v: steps[0]?.v ?? 0 };
  }
  const qs = legal.map((a) => estimateQ(ctx.board, a, prover, options.rollouts, ctx.rand).mean);
  let v = 0;
  if (prover.distribution) {
    for (const { action, p } of prover.distribution(ctx.board)) v += p * (qs[legal.indexOf(action as A)] ?? 0);
  } else {
    for (let i = 0; i < options.rollouts; i++) v += rolloutQ(ctx.board, prover.choose(ctx.board, ctx.rand), prover, ctx.rand);
    v /= options.rollouts;
  }
  return { qs, v };
}

/** Outcome labels Q^π(s, a) of every legal move: M playouts of π after the move, or exact. */
function outcomeLabels<S, A>(game: MoveGame<S, A>, state: S, legal: readonly A[], policy: Prover, options: DatasetOptions, rand: (n: number) => number, memo: Map<string, number>): number[] {
  if (options.exact) return legal.map((a) => (policy.exact ? exactOptimalProgress(game, state, a, memo) : exactProgress(game, state, a, policy, memo)).q);
  const board = proverBoard(game, state);
  return legal.map((a) => estimateQ(board, a, policy, options.rollouts, rand).mean);
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
    ...(d.o ? { o: d.o.slice(lo, hi) } : {}),
    group: d.group.slice(lo, hi).map((g) => g - from),
  };
}

/**
 * The dataset with every state's symmetric images added (the encoding's symmetries; labels are invariant), each
 * image its own group: training data augmentation. Without symmetries the dataset is returned as is.
 */
export function augmentSymmetries(d: Dataset, symmetries: readonly Int32Array[]): Dataset {
  if (symmetries.length === 0) return d;
  const copies = symmetries.length + 1;
  const x = new Float32Array(d.x.length * copies);
  const idx: number[] = [];
  const group: number[] = [];
  let row = 0;
  for (let lo = 0; lo < d.size; ) {
    let hi = lo;
    while (hi < d.size && d.group[hi] === d.group[lo]) hi++;
    for (let k = 0; k < copies; k++) {
      for (let i = lo; i < hi; i++) {
        const src = d.x.subarray(i * d.inputs, (i + 1) * d.inputs);
        if (k === 0) x.set(src, row * d.inputs);
        else {
          const perm = symmetries[k - 1] as Int32Array;
          for (let j = 0; j < d.inputs; j++) x[row * d.inputs + j] = src[perm[j] as number] as number;
        }
        idx.push(i);
        group.push((d.group[lo] as number) * copies + k);
        row++;
      }
    }
    lo = hi;
  }
  const pick = (col: Float32Array): Float32Array => Float32Array.from(idx, (i) => col[i] as number);
  return { inputs: d.inputs, size: row, states: d.states * copies, x, q: pick(d.q), a: pick(d.a), ...(d.o ? { o: pick(d.o) } : {}), group: Int32Array.from(group) };
}

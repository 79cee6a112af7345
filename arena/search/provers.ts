import type { MoveBoard } from '../../games/core/move-game.js';
import { bestChild, iterate, newRoot } from './uct.js';
import { checkParams, numParam, parseAgentSpec, type AgentSpec } from '../spec/agent-spec.js';
import { unknownChoice, UsageError } from '../errors.js';
import { isTactical } from './board.js';

/** A uniform integer source in [0, n) (see arena/search/rand.ts). */
export type Rand = (n: number) => number;

/** One legal action with the probability that the prover plays it. */
export interface WeightedAction {
  readonly action: unknown;
  readonly p: number;
}

/**
 * A prover policy μ on the fast board path: both sides follow it after the step being scored. `choose` is called
 * only on running boards and never mutates the board it is given. `distribution`, when present, is μ's exact
 * action distribution (used for exact evaluation in small games). The exact solver is not a rollout policy: it
 * is marked `exact` and evaluated by negamax.
 */
export interface Prover {
  /** Canonical spec, recorded with every progress value, e.g. `mcts:iterations=400`. */
  readonly name: string;
  readonly exact: boolean;
  choose(board: MoveBoard<unknown>, rand: Rand): unknown;
  distribution?(board: MoveBoard<unknown>): WeightedAction[];
}

/** Plays μ from `board` (mutated) to the end; returns the final status (0, 1 winner, 2 draw). */
export function playOut(board: MoveBoard<unknown>, prover: Prover, rand: Rand): 0 | 1 | 2 {
  for (;;) {
    const s = board.status();
    if (s !== -1) return s;
    board.play(prover.choose(board, rand));
  }
}

/** Legal actions that win on the spot for the player to move. */
function winningMoves(board: MoveBoard<unknown>, legal: readonly unknown[]): unknown[] {
  const me = board.toMove();
  return legal.filter((a) => {
    const b = board.clone();
    b.play(a);
    return b.status() === me;
  });
}

/** Greedy candidate set: immediate wins; else moves leaving the opponent no immediate win; else every move. */
function greedyCandidates(board: MoveBoard<unknown>): unknown[] {
  if (isTactical(board)) return board.greedyCandidates();
  return genericGreedyCandidates(board);
}

/** The generic greedy candidates, by cloning (every game). Exported for the tactical board's agreement test. */
export function genericGreedyCandidates(board: MoveBoard<unknown>): unknown[] {
  const legal = board.legal();
  const wins = winningMoves(board, legal);
  if (wins.length > 0) return wins;
  const safe = legal.filter((a) => {
    const b = board.clone();
    b.play(a);
    return b.status() !== -1 || winningMoves(b, b.legal()).length === 0;
  });
  return safe.length > 0 ? safe : legal;
}

const randomProver: Prover = {
  name: 'random',
  exact: false,
  choose(board, rand) {
    const legal = board.legal();
    return legal[rand(legal.length)];
  },
  distribution(board) {
    const legal = board.legal();
    return legal.map((action) => ({ action, p: 1 / legal.length }));
  },
};

const greedyProver: Prover = {
  name: 'greedy',
  exact: false,
  choose(board, rand) {
    const c = greedyCandidates(board);
    return c[rand(c.length)];
  },
  distribution(board) {
    const c = greedyCandidates(board);
    return c.map((action) => ({ action, p: 1 / c.length }));
  },
};

/** With probability `error` a uniformly random legal move, else `inner`'s (a weaker prover of the same kind). */
function noisyProver(inner: Prover, error: number, name: string): Prover {
  const innerDist = inner.distribution?.bind(inner);
  return {
    name,
    exact: false,
    choose(board, rand) {
      // rand(1_000_000) draws the error coin on the project's integer source
      if (rand(1_000_000) < error * 1_000_000) return randomProver.choose(board, rand);
      return inner.choose(board, rand);
    },
    ...(innerDist
      ? {
          distribution(board: MoveBoard<unknown>): WeightedAction[] {
            const legal = board.legal();
            const mix = new Map<string, WeightedAction>(legal.map((action) => [JSON.stringify(action), { action, p: error / legal.length }]));
            for (const { action, p } of innerDist(board)) {
              const k = JSON.stringify(action);
              const at = mix.get(k);
              mix.set(k, { action, p: (at?.p ?? 0) + (1 - error) * p });
            }
            return [...mix.values()];
          },
        }
      : {}),
  };
}

function mctsProver(iterations: number, c: number, name: string): Prover {
  return {
    name,
    exact: false,
    choose(board, rand) {
      const root = newRoot(board.toMove());
      for (let i = 0; i < iterations; i++) iterate(root, board, c, rand);
      const best = bestChild(root);
      if (best) return best.action;
      const legal = board.legal();
      return legal[rand(legal.length)];
    },
  };
}

/** Best-of-K: K moves sampled from the base prover, each scored by `rollouts` random playouts; the best is kept. */
function bestOfProver(base: Prover, k: number, rollouts: number, name: string): Prover {
  return {
    name,
    exact: false,
    choose(board, rand) {
      const me = board.toMove();
      let best: unknown = undefined;
      let bestScore = -Infinity;
      for (let i = 0; i < k; i++) {
        const a = base.choose(board, rand);
        let score = 0;
        for (let r = 0; r < rollouts; r++) {
          const b = board.clone();
          b.play(a);
          const end = b.status() === -1 ? b.rollout(rand) : b.status();
          score += end === 2 ? 0.5 : end === me ? 1 : 0;
        }
        if (score > bestScore) {
          bestScore = score;
          best = a;
        }
      }
      return best;
    },
  };
}

const solverProver: Prover = {
  name: 'solver',
  exact: true,
  choose() {
    throw new Error('the solver prover is evaluated exactly, never rolled out');
  },
};

export const PROVER_KINDS = ['random', 'greedy', 'mcts', 'best', 'solver'] as const;

function fromSpec(spec: AgentSpec): Prover {
  switch (spec.kind) {
    case 'random':
      checkParams(spec, []);
      return randomProver;
    case 'greedy': {
      checkParams(spec, ['error']);
      const error = numParam(spec, 'error', 0, 0, 1);
      return error === 0 ? greedyProver : noisyProver(greedyProver, error, `greedy:error=${error}`);
    }
    case 'solver':
      checkParams(spec, []);
      return solverProver;
    case 'mcts': {
      checkParams(spec, ['iterations', 'c']);
      const iterations = Math.floor(numParam(spec, 'iterations', 100, 1, 1e7));
      const c = numParam(spec, 'c', Math.SQRT2, 0, 100);
      return mctsProver(iterations, c, spec.params.c === undefined ? `mcts:iterations=${iterations}` : `mcts:iterations=${iterations},c=${c}`);
    }
    case 'best': {
      checkParams(spec, ['k', 'base', 'rollouts']);
      const k = Math.floor(numParam(spec, 'k', 4, 1, 1000));
      const rollouts = Math.floor(numParam(spec, 'rollouts', 1, 1, 1000));
      const base = parseProver(spec.params.base ?? 'random');
      if (base.exact) throw new UsageError(`prover '${spec.text}': the base of best-of-K must be a rollout policy`);
      return bestOfProver(base, k, rollouts, `best:k=${k},base=(${base.name}),rollouts=${rollouts}`);
    }
    default:
      throw unknownChoice('prover', spec.kind, PROVER_KINDS);
  }
}

/**
 * Parses a prover spec: `random`, `greedy` (wins, blocks, else uniform), `greedy:error=E` (a uniformly random move with probability E, else greedy), `mcts:iterations=N[,c=C]`,
 * `best:k=K,base=(random),rollouts=1` (best-of-K of a base prover) or `solver` (exact; small games only).
 */
export function parseProver(text: string): Prover {
  return fromSpec(parseAgentSpec(text));
}

import type { MoveGame } from '../../../games/core/move-game.js';
import type { Rng } from '../../../games/core/rng.js';
import { estimateQ, exactOptimalProgress } from '../../progress/estimate.js';
import { UsageError } from '../../errors.js';
import { parseProver, type Prover } from '../../search/provers.js';
import { proverBoard } from '../../search/board.js';
import { fastRand } from '../../search/rand.js';

/** Verifier scores of candidate moves (distinct legal actions) in one state, from the mover's point of view. */
export interface VerifierScores {
  /** Outcome-style value of each candidate: Q(s, a), the value of the state it leads to. */
  readonly q: readonly number[];
  /**
   * Progress of each candidate under the verifier's prover, A^μ(s, a) = Q^μ(s, a) − V^μ(s); null for outcome-only
   * verifiers. V^μ(s) is the same for every candidate of a state, so it never changes the choice: verifiers that
   * do not model it use the candidates' mean Q^μ as the baseline.
   */
  readonly a: readonly number[] | null;
  /** Compute spent: rollouts (rollout verifiers) or network inferences (learned verifiers). */
  readonly simulations: number;
  /** Standard errors of q and a where known. */
  readonly se?: { readonly q: readonly number[]; readonly a: readonly number[] | null };
}

export interface MoveVerifier {
  /** Canonical description, recorded in every decision's meta. */
  readonly name: string;
  /** 'rollout' | 'orm' | 'onnx'. */
  readonly kind: string;
  score(game: MoveGame, state: unknown, actions: readonly unknown[], rng: Rng): Promise<VerifierScores>;
  close?(): Promise<void>;
}

function centred(values: readonly number[]): number[] {
  const mean = values.reduce((s, x) => s + x, 0) / Math.max(1, values.length);
  return values.map((x) => x - mean);
}

/**
 * Outcome reward model baseline: each candidate is scored by the value of the state it leads to, estimated by
 * `rollouts` uniformly random playouts. No progress term.
 */
export function ormVerifier(rollouts: number): MoveVerifier {
  const random = parseProver('random');
  return {
    name: `orm:rollouts=${rollouts}`,
    kind: 'orm',
    async score(game, state, actions, rng) {
      const board = proverBoard(game, state);
      const rand = fastRand(rng);
      const qs = actions.map((a) => estimateQ(board, a, random, rollouts, rand));
      return { q: qs.map((x) => x.mean), a: null, simulations: actions.length * rollouts, se: { q: qs.map((x) => x.se), a: null } };
    },
  };
}

/**
 * Process advantage verifier by rollouts: the outcome value Q (random playouts, as `orm`) plus the progress
 * A^μ of each candidate under the prover μ (`rollouts` playouts of μ after the candidate), centred on the
 * candidates' mean Q^μ. Costs 2 × rollouts per candidate.
 */
export function rolloutVerifier(rollouts: number, prover: Prover): MoveVerifier {
  const orm = ormVerifier(rollouts);
  return {
    name: `rollout:rollouts=${rollouts},prover=(${prover.name})`,
    kind: 'rollout',
    async score(game, state, actions, rng) {
      const base = await orm.score(game, state, actions, rng.fork('orm'));
      const board = proverBoard(game, state);
      const rand = fastRand(rng.fork('prover'));
      const qmu = actions.map((a) => estimateQ(board, a, prover, rollouts, rand));
      return {
        q: base.q,
        a: centred(qmu.map((x) => x.mean)),
        simulations: base.simulations + actions.length * rollouts,
        se: { q: base.se?.q ?? [], a: qmu.map((x) => x.se) },
      };
    },
  };
}

/**
 * The exact verifier (`verifier=exact`): Q*(s, a), the mover's game-theoretic value after each candidate (1 win,
 * 0.5 draw, 0 loss), and A*(s, a) = Q*(s, a) − max_a' Q*(s, a') (the progress under optimal play, the solver
 * prover's). Only for games small enough to solve (`solvable`); solved positions are memoised for the agent's life.
 * Simulations count one exact evaluation per candidate.
 */
export function exactVerifier(): MoveVerifier {
  const memo = new Map<string, number>();
  return {
    name: 'exact',
    kind: 'exact',
    async score(game, state, actions) {
      if (game.solvable !== true) throw new UsageError(`verifier exact only works on games small enough to solve (the solvable capability), not ${game.id}`);
      const steps = actions.map((a) => exactOptimalProgress(game, state, a, memo));
      return { q: steps.map((s) => s.q), a: steps.map((s) => s.advantage), simulations: actions.length };
    },
  };
}

import { adjudicate } from '../../games/core/adjudicate.js';
import type { PlanGame, PlanGameConfig, SideIndex } from '../../games/core/plan-game.js';
import type { Rng } from '../../games/core/rng.js';
import type { ProgressEstimate } from './estimate.js';

/** Adjudicated score of `side` playing raw plan `mine` against raw plan `theirs` (1 win, 0.5 no winner, 0 loss). */
export function planScore(game: PlanGame, config: PlanGameConfig, side: SideIndex, mine: unknown, theirs: unknown): number {
  const opp: SideIndex = side === 0 ? 1 : 0;
  const a = game.validate(side, mine ?? null, config);
  const b = game.validate(opp, theirs ?? null, config);
  const result = side === 0 ? game.simulate(a.plan, b.plan, config) : game.simulate(b.plan, a.plan, config);
  const costs: [number, number] = side === 0 ? [a.report.cost, b.report.cost] : [b.report.cost, a.report.cost];
  const { winner } = adjudicate(costs, config.budgets, result.winner);
  return winner === null ? 0.5 : winner === side ? 1 : 0;
}

export interface PlanProgressInput {
  readonly game: PlanGame;
  readonly config: PlanGameConfig;
  readonly side: SideIndex;
  /** The plan in force before the revision, and the revision (raw JSON values as submitted). */
  readonly before: unknown;
  readonly after: unknown;
  /** The opponent's plan in force when the revision is made. */
  readonly opponent: unknown;
  /** The opponent's earlier plans in force, oldest first (the prover pool includes the most recent ones). */
  readonly history?: readonly unknown[];
  /** Mutations of the opponent plan to add to the pool (0: exact progress against the plan in force alone). */
  readonly mutations: number;
  readonly rng: Rng;
}

/** Earlier opponent plans kept in the prover pool. */
const RECENT = 2;

/**
 * Progress of a plan revision p → p'. With no mutations and no history it is exact against the opponent plan in
 * force q: score(p', q) − score(p, q). The prover form averages that difference over a pool: q, the opponent's
 * most recent earlier plans and `mutations` perturbations of q; q̄ and v̄ are the pooled means, the standard error
 * is that of the mean difference. `rollouts` counts the battles simulated (two per pool member).
 */
export function planProgress(input: PlanProgressInput): ProgressEstimate {
  const { game, config, side } = input;
  const opp: SideIndex = side === 0 ? 1 : 0;
  const pool: unknown[] = [input.opponent, ...(input.history ?? []).slice(-RECENT)];
  for (let i = 0; i < input.mutations; i++) pool.push(game.mutatePlan(opp, input.opponent, input.rng, config));
  const exact = pool.length === 1;
  let qSum = 0;
  let vSum = 0;
  let dSum = 0;
  let dSq = 0;
  for (const q of pool) {
    const after = planScore(game, config, side, input.after, q);
    const before = planScore(game, config, side, input.before, q);
    qSum += after;
    vSum += before;
    dSum += after - before;
    dSq += (after - before) ** 2;
  }
  const n = pool.length;
  const mean = dSum / n;
  const stderr = n > 1 ? Math.sqrt(Math.max(0, (dSq - n * mean * mean) / (n - 1)) / n) : 0;
  const prover = exact ? 'exact' : `opponent-pool:recent=${RECENT},mutations=${input.mutations}`;
  return { prover, rollouts: 2 * n, q: qSum / n, v: vSum / n, advantage: mean, stderr };
}

import { createRng } from '../../games/core/rng.js';
import type { Pairing } from '../ratings/types.js';
import { adaptiveDecision, candidatePairs, type AdaptivePlan, type PairInterval } from './adaptive.js';

/**
 * Simulated tournaments between agents of known Bradley–Terry strength, for the coverage test and the savings
 * benchmark: the adaptive schedule against a round-robin that plays every pair each batch and stops by the same
 * rule at the same confidence.
 */

export interface SimulationInput {
  /** True Elo ratings by agent (the plan's agents, in order). */
  readonly elo: Readonly<Record<string, number>>;
  readonly plan: AdaptivePlan;
  /** `adaptive`: the pairs the decision asks for. `round-robin`: every candidate pair each batch. */
  readonly schedule: 'adaptive' | 'round-robin';
  /** Matches per pair per batch (default 2: one per seat). */
  readonly setSize?: number;
  /** Stop after this many matches whatever the decision (default 100,000). */
  readonly maxMatches?: number;
  readonly seed: number;
  /** List the agents in a seeded random order instead of the plan's (the adaptive run's first pairs are then not the true neighbours). */
  readonly shuffle?: boolean;
}

export interface SimulationResult {
  readonly matches: number;
  readonly batches: number;
  readonly done: boolean;
  readonly order: readonly string[];
  readonly intervals: readonly PairInterval[];
  /** Every interval covers its pair's true win rate. */
  readonly covered: boolean;
  /** The final ranking is the true order. */
  readonly correctOrder: boolean;
}

/** The true win rate of a against b. */
export function trueWinRate(elo: Readonly<Record<string, number>>, a: string, b: string): number {
  return 1 / (1 + 10 ** (((elo[b] ?? 0) - (elo[a] ?? 0)) / 400));
}

export function simulateTournament(input: SimulationInput): SimulationResult {
  const { elo } = input;
  const rng = createRng(input.seed);
  // A round-robin plays every pair from the first batch: it has no opening order to exploit, so it splits α evenly
  // (the best it can do); the adaptive run keeps the plan's allocation. Both hold at the same confidence.
  const listed = input.plan;
  const ordered = input.shuffle ? { ...listed, agents: rng.fork('order').shuffle([...listed.agents]) } : listed;
  const plan: AdaptivePlan = input.schedule === 'round-robin' && ordered.allocation === undefined ? { ...ordered, allocation: 'even' } : ordered;
  const setSize = input.setSize ?? 2;
  const maxMatches = input.maxMatches ?? 100_000;
  const results: Pairing[] = [];
  const all = candidatePairs(plan);
  let batches = 0;
  let decision = adaptiveDecision(plan, results);
  while (!decision.done && results.length < maxMatches) {
    const pairs = input.schedule === 'adaptive' ? decision.pairs : all;
    for (const [a, b] of pairs) {
      for (let s = 0; s < setSize && results.length < maxMatches; s++) results.push({ a, b, score: rng.chance(trueWinRate(elo, a, b)) ? 1 : 0 });
    }
    batches++;
    decision = adaptiveDecision(plan, results);
  }
  const truth = [...listed.agents].sort((x, y) => (elo[y] ?? 0) - (elo[x] ?? 0));
  const covered = decision.intervals.every((p) => {
    const t = trueWinRate(elo, p.a, p.b);
    return p.lo <= t && t <= p.hi;
  });
  return {
    matches: results.length,
    batches,
    done: decision.done,
    order: decision.order,
    intervals: decision.intervals,
    covered,
    correctOrder: decision.order.every((a, i) => a === truth[i]),
  };
}

export interface CoverageSummary {
  readonly runs: number;
  /** Share of runs whose intervals all cover the truth at the stop. */
  readonly coverage: number;
  /** Share of runs that reached the target before maxMatches. */
  readonly reached: number;
  /** Share of runs whose final ranking is the true order. */
  readonly correctOrder: number;
  readonly meanMatches: number;
}

/** Many simulated tournaments (seeds seed, seed+1, ...), summarised. */
export function simulateMany(input: Omit<SimulationInput, 'seed'>, runs: number, seed: number): CoverageSummary {
  let covered = 0;
  let reached = 0;
  let correct = 0;
  let matches = 0;
  for (let i = 0; i < runs; i++) {
    const r = simulateTournament({ ...input, seed: seed + i });
    covered += r.covered ? 1 : 0;
    reached += r.done ? 1 : 0;
    correct += r.correctOrder ? 1 : 0;
    matches += r.matches;
  }
  return { runs, coverage: covered / runs, reached: reached / runs, correctOrder: correct / runs, meanMatches: matches / runs };
}

import type { MatchRow, PlannedMatch, Store } from '../store/store.js';
import type { TournamentConfig } from './config.js';
import { scheduleSets } from './schedule.js';

/**
 * The arena's side of the adaptive schedule: it plays batches and plans the next one; which pairs to play and when
 * to stop is decided by a function it is given (the statistics live in the metrics layer, composed by the CLI).
 */

/** One scored match: `score` is a's score (1 win, ½ draw, 0 loss). */
export interface PairResult {
  readonly a: string;
  readonly b: string;
  readonly score: number;
}

export interface AdaptiveStep {
  readonly done: boolean;
  /** One line: why it stops, or what it still needs. */
  readonly reason: string;
  /** Pairs to play in the next batch. */
  readonly pairs: readonly (readonly [string, string])[];
}

/** Given every scored match of the run so far, the next batch or the stop. */
export type AdaptiveDecide = (results: readonly PairResult[]) => AdaptiveStep;

/** A completed match as a pair result (seat 0's score); error matches are never scored. */
export function pairResult(m: Pick<MatchRow, 'agent0' | 'agent1' | 'winner'>): PairResult {
  return { a: m.agent0, b: m.agent1, score: m.winner === 0 ? 1 : m.winner === 1 ? 0 : 0.5 };
}

/** Every scored match of a run, in planned order. */
export function runResults(store: Store, runId: string): PairResult[] {
  return store.matches(runId, { status: 'completed' }).map(pairResult);
}

/**
 * The matches of the next batch: `batch` sets of each chosen pair, at the repetitions after the last one the pair
 * has (so keys and seeds follow from the run seed, the pair and its repetition: the same results give the same
 * schedule). Pairs are put in the config's agent order, as a fixed schedule would.
 */
export function planBatch(config: TournamentConfig, store: Store, runId: string, pairs: readonly (readonly [string, string])[], batch: number): PlannedMatch[] {
  const position = new Map(config.agents.map((a, i) => [a.name, i]));
  const nextRep = new Map<string, number>();
  const rows = store.matches(runId);
  for (const m of rows) {
    const parts = m.match_key.split('|');
    const rep = /^rep(\d+)$/.exec(parts[parts.length - 1] ?? '');
    if (!rep || parts.length < 3) continue;
    const id = `${parts[1]}|${parts[2]}`;
    nextRep.set(id, Math.max(nextRep.get(id) ?? 0, Number(rep[1]) + 1));
  }
  const out: PlannedMatch[] = [];
  for (const [x, y] of pairs) {
    const [a, b] = (position.get(x) ?? 0) <= (position.get(y) ?? 0) ? [x, y] : [y, x];
    const first = nextRep.get(`${a}|${b}`) ?? 0;
    for (let rep = first; rep < first + batch; rep++) out.push(...scheduleSets(config, [[a, b]], rep, rows.length + out.length));
  }
  return out;
}

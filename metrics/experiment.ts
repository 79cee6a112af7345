import { wilsonInterval } from './stats/intervals.js';

/** What a cell of the PRM experiment played (as arena/experiment/prm.ts reports it). */
export interface CellTally {
  readonly scorer: string;
  readonly budget: number;
  readonly games: number;
  readonly wins: number;
  readonly draws: number;
  readonly losses: number;
  /**
   * Mean verifier compute per decision in CPU milliseconds (the one currency of every scorer), measured; the raw
   * count behind it (rollouts or inferences per decision); and mean wall ms per decision.
   */
  readonly compute: number;
  readonly simulations: number;
  readonly wallMs: number;
  readonly decisions: number;
}

/** One (scorer, budget) cell: results over every game, the compute spent, and the win rate. */
export interface ExperimentCell extends CellTally {
  /**
   * The CPU ms per decision measured in this cell alone; `compute` is the scorer's calibrated figure (see
   * `experimentCells`) or, for a lone cell, the same measurement.
   */
  readonly cpuMs: number;
  /** (wins + draws / 2) / games, with a 95% Wilson interval on that proportion. */
  readonly winRate: number;
  readonly low: number;
  readonly high: number;
}

/** A played cell with its win rate, (wins + draws / 2) / games, and the 95% Wilson interval on that proportion. */
export function experimentCell(t: CellTally): ExperimentCell {
  const points = t.wins + t.draws / 2;
  const [low, high] = wilsonInterval(points, t.games);
  return {
    scorer: t.scorer,
    budget: t.budget,
    games: t.games,
    wins: t.wins,
    draws: t.draws,
    losses: t.losses,
    winRate: points / t.games,
    low,
    high,
    compute: t.compute,
    cpuMs: t.compute,
    simulations: t.simulations,
    wallMs: t.wallMs,
    decisions: t.decisions,
  };
}

/**
 * The cells of an experiment with compute converted to one currency robustly: each scorer's CPU cost per unit
 * (rollout or inference), measured over all its cells (total verifier CPU ms / total units), times the cell's
 * units per decision. A single cell's CPU time is too short to measure well (timer resolution, JIT warm-up, other
 * processes); the cost per unit over a whole scorer is steady, and the cell's unit count is exact. Each cell keeps
 * its own measurement as `cpuMs`.
 */
export function experimentCells(tallies: readonly CellTally[]): ExperimentCell[] {
  const rate = new Map<string, { ms: number; units: number }>();
  for (const t of tallies) {
    const r = rate.get(t.scorer) ?? { ms: 0, units: 0 };
    r.ms += t.compute * t.decisions;
    r.units += t.simulations * t.decisions;
    rate.set(t.scorer, r);
  }
  return tallies.map((t) => {
    const r = rate.get(t.scorer) as { ms: number; units: number };
    const perUnit = r.units > 0 ? r.ms / r.units : 0;
    return { ...experimentCell(t), compute: t.simulations * perUnit, cpuMs: t.compute };
  });
}

/**
 * The compute at which `pav` first reaches the best win rate `orm` reaches at any budget (its plateau), by
 * interpolation between budgets, and the ratio of ORM's compute at its plateau to that. Null when
 * PAV never reaches the plateau within the budgets tried, or when ORM guidance never beats its compute-free n = 1.
 */
export function plateauRatio(orm: readonly ExperimentCell[], pav: readonly ExperimentCell[]): { plateau: number; ormCompute: number; pavCompute: number; ratio: number } | null {
  if (orm.length === 0 || pav.length === 0) return null;
  const best = orm.reduce((a, b) => (b.winRate > a.winRate ? b : a));
  if (best.compute === 0) return null;
  const sorted = [...pav].sort((a, b) => a.compute - b.compute);
  for (let i = 0; i < sorted.length; i++) {
    const c = sorted[i] as ExperimentCell;
    if (c.winRate < best.winRate) continue;
    const prev = sorted[i - 1];
    let compute = c.compute;
    if (prev && prev.winRate < best.winRate) {
      const t = (best.winRate - prev.winRate) / (c.winRate - prev.winRate);
      // log-linear between budgets; linear from a compute-free point (n = 1 spends nothing)
      compute = prev.compute > 0 ? Math.exp(Math.log(prev.compute) + t * (Math.log(c.compute) - Math.log(prev.compute))) : t * c.compute;
    }
    return { plateau: best.winRate, ormCompute: best.compute, pavCompute: compute, ratio: best.compute / compute };
  }
  return null;
}

/**
 * The plateau ratio under PAV's sampling uncertainty: PAV's cells at the low and at the high ends of their 95%
 * intervals against ORM's plateau as measured (a pessimistic and an optimistic ratio; null where not reached).
 */
export function plateauRatioBounds(orm: readonly ExperimentCell[], pav: readonly ExperimentCell[]): { low: number | null; high: number | null } {
  const at = (end: 'low' | 'high'): number | null => plateauRatio(orm, pav.map((c) => ({ ...c, winRate: c[end] })))?.ratio ?? null;
  return { low: at('low'), high: at('high') };
}

import { plateauRatio, plateauRatioBounds, type ExperimentCell } from './experiment.js';

/** A scorer as the comparison needs it: its name and verifier family ('rollout-orm', 'learned-pav', ...). */
export interface ComparedScorer {
  readonly name: string;
  readonly verifier: string;
  /** The base policy and search method; a PAV is compared only with ORMs of the same base and search. */
  readonly base?: string;
  readonly search?: string;
}

/** One PAV scorer against its ORM baseline (learned against learned, rollout against rollout). */
export interface Comparison {
  readonly pav: string;
  readonly orm: string;
  /** ORM's best win rate and the CPU ms per decision at which it reached it. */
  readonly plateau: number | null;
  readonly ormCpuMs: number | null;
  /** CPU ms per decision at which PAV reaches that plateau, and ORM's compute over PAV's (> 1: PAV is cheaper). */
  readonly pavCpuMs: number | null;
  readonly ratio: number | null;
  /** The ratio with PAV's cells at the low and high ends of their 95% intervals. */
  readonly ratioLow: number | null;
  readonly ratioHigh: number | null;
  /** Best win rates at matched compute: PAV's cells with at most ORM's largest compute, and ORM's. */
  readonly matchedPav: number | null;
  readonly matchedOrm: number;
  readonly verdict: string;
}

const fmt = (x: number | null, digits = 2): string => (x === null ? 'not reached' : x === Infinity ? 'unbounded' : `${x.toFixed(digits)}x`);

/**
 * Every PAV scorer against every ORM scorer of the same base and search method, those of the same kind first: the
 * compute ratio at ORM's plateau and a one-line verdict.
 */
export function experimentComparisons(scorers: readonly ComparedScorer[], cells: readonly ExperimentCell[]): Comparison[] {
  const out: Comparison[] = [];
  // Same kind first (learned vs learned, rollout vs rollout), then across kinds (learned PAV vs rollout ORM).
  const pairs: [ComparedScorer, ComparedScorer][] = [];
  for (const cross of [false, true]) {
    for (const orm of scorers.filter((s) => s.verifier.endsWith('-orm'))) {
      for (const pav of scorers.filter((s) => s.verifier.endsWith('-pav'))) {
        if (pav.base !== orm.base || pav.search !== orm.search) continue;
        if ((pav.verifier.split('-')[0] !== orm.verifier.split('-')[0]) === cross) pairs.push([orm, pav]);
      }
    }
  }
  for (const [orm, pav] of pairs) {
    const ormCells = cells.filter((c) => c.scorer === orm.name);
    if (ormCells.length === 0) continue;
    {
      const pavCells = cells.filter((c) => c.scorer === pav.name);
      const r = plateauRatio(ormCells, pavCells);
      const bounds = plateauRatioBounds(ormCells, pavCells);
      const best = ormCells.reduce((x, y) => (y.winRate > x.winRate ? y : x));
      const ormTop = Math.max(...ormCells.map((c) => c.compute));
      const matched = pavCells.filter((c) => c.compute <= ormTop);
      const matchedPav = matched.length ? Math.max(...matched.map((c) => c.winRate)) : null;
      const head = `${pav.name} vs ${orm.name}:`;
      const verdict =
        best.compute === 0
          ? `${head} ORM-guided play never improves on its unscored n = 1 level, so no compute ratio is defined.`
          : r
            ? `${head} reaches ORM's best win rate ${r.plateau.toFixed(3)} (at ${r.ormCompute.toFixed(4)} CPU ms per decision) at ${r.pavCompute.toFixed(4)} CPU ms: ${fmt(r.ratio)} as compute-efficient (95% range ${fmt(bounds.low)} to ${fmt(bounds.high)}).`
            : `${head} never reaches ORM's best win rate ${best.winRate.toFixed(3)} within the budgets tried (optimistic end: ${fmt(bounds.high)}).`;
      out.push({
        pav: pav.name,
        orm: orm.name,
        plateau: best.compute === 0 ? null : best.winRate,
        ormCpuMs: best.compute === 0 ? null : best.compute,
        pavCpuMs: r?.pavCompute ?? null,
        ratio: r?.ratio ?? null,
        ratioLow: bounds.low,
        ratioHigh: bounds.high,
        matchedPav,
        matchedOrm: best.winRate,
        verdict: matchedPav === null ? verdict : `${verdict} At matched compute (≤ ${ormTop.toFixed(4)} CPU ms): PAV ${matchedPav.toFixed(3)}, ORM ${best.winRate.toFixed(3)}.`,
      });
    }
  }
  return out;
}

import type { FileMetrics, KeptRow } from './evaluator.js';

/**
 * Sufficient statistics of one block (one match's kept rows) so a file's metrics can be recomputed for any
 * sequence of blocks without walking rows: the bootstrap resamples blocks and concatenates them, as the
 * evaluator concatenates matches within a file (its diffs and regression cross block boundaries).
 */
export interface BlockStats {
  readonly n: number;
  readonly wins: number;
  /** Σ j·w_j with the local index j = 0..n−1. */
  readonly jw: number;
  readonly over: number;
  readonly corr: number;
  readonly success: number;
  readonly firstCost: number;
  readonly lastCost: number;
  readonly firstWin: boolean;
}

/** Block statistics of a file's kept rows, one entry per block index 0..blocks−1 (empty blocks included). */
export function blockStats(rows: readonly KeptRow[], blocks: number, budget: number): BlockStats[] {
  const byBlock: KeptRow[][] = Array.from({ length: blocks }, () => []);
  for (const r of rows) byBlock[r.block]?.push(r);
  return byBlock.map((list) => {
    let wins = 0;
    let jw = 0;
    let over = 0;
    let corr = 0;
    let success = 0;
    list.forEach((r, j) => {
      if (r.win) {
        wins++;
        jw += j;
      }
      if (r.cost > budget) over++;
      const prev = list[j - 1];
      if (prev !== undefined && r.cost !== prev.cost) {
        corr++;
        if (r.win) success++;
      }
    });
    const first = list[0];
    const last = list[list.length - 1];
    return {
      n: list.length,
      wins,
      jw,
      over,
      corr,
      success,
      firstCost: first?.cost ?? NaN,
      lastCost: last?.cost ?? NaN,
      firstWin: first?.win ?? false,
    };
  });
}

/** The evaluator's file metrics over the concatenation of `blocks` in the given order (equals fileMetrics on the rows). */
export function combineBlocks(blocks: readonly BlockStats[], order: ArrayLike<number>): FileMetrics {
  let n = 0;
  let wins = 0;
  let xw = 0;
  let over = 0;
  let corr = 0;
  let success = 0;
  let lastCost: number | null = null;
  for (let i = 0; i < order.length; i++) {
    const b = blocks[order[i] as number] as BlockStats;
    if (b.n === 0) continue;
    if (lastCost !== null && b.firstCost !== lastCost) {
      corr++;
      if (b.firstWin) success++;
    }
    xw += n * b.wins + b.jw;
    n += b.n;
    wins += b.wins;
    over += b.over;
    corr += b.corr;
    success += b.success;
    lastCost = b.lastCost;
  }
  if (n === 0) return { win_rate: 0, correction_rate: 0, correction_success_rate: 0, improvement_slope: 0, over_budget_ratio: 0, n: 0, corr: 0 };
  // Σ(x − x̄)(w − w̄) = Σxw − x̄Σw and Σ(x − x̄)² = n(n² − 1)/12 for x = 0..n−1.
  const slope = n > 1 ? (xw - ((n - 1) / 2) * wins) / ((n * (n * n - 1)) / 12) : 0;
  return {
    win_rate: wins / n,
    correction_rate: n <= 1 ? 0 : corr / (n - 1),
    correction_success_rate: corr === 0 ? 0 : success / corr,
    improvement_slope: slope,
    over_budget_ratio: over / n,
    n,
    corr,
  };
}

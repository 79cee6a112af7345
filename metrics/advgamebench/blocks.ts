import type { FileMetrics, KeptRow } from './evaluator.js';

/**
 * Sufficient statistics of each block (one match's kept rows) so a file's metrics can be recomputed for any
 * sequence of blocks without walking rows: the bootstrap resamples blocks and concatenates them, as the
 * evaluator concatenates matches within a file (its diffs and regression cross block boundaries).
 * Struct of arrays, one entry per block.
 */
export interface BlockTable {
  readonly size: number;
  /** Kept rows, wins, Σ j·w_j (local index j = 0..n−1), rows over budget. */
  readonly n: Float64Array;
  readonly wins: Float64Array;
  readonly jw: Float64Array;
  readonly over: Float64Array;
  /** Cost changes inside the block, and those followed by a win. */
  readonly corr: Float64Array;
  readonly success: Float64Array;
  readonly firstCost: Float64Array;
  readonly lastCost: Float64Array;
  readonly firstWin: Float64Array;
}

/** Block statistics of a file's kept rows, one entry per block index 0..blocks−1 (empty blocks included). */
export function blockStats(rows: readonly KeptRow[], blocks: number, budget: number): BlockTable {
  const col = (): Float64Array => new Float64Array(blocks);
  const t: BlockTable = { size: blocks, n: col(), wins: col(), jw: col(), over: col(), corr: col(), success: col(), firstCost: col(), lastCost: col(), firstWin: col() };
  let prev: KeptRow | undefined;
  for (const r of rows) {
    const b = r.block;
    const j = t.n[b] as number;
    if (j === 0) {
      t.firstCost[b] = r.cost;
      t.firstWin[b] = r.win ? 1 : 0;
    } else if (prev !== undefined && r.cost !== prev.cost) {
      t.corr[b] = (t.corr[b] as number) + 1;
      if (r.win) t.success[b] = (t.success[b] as number) + 1;
    }
    if (r.win) {
      t.wins[b] = (t.wins[b] as number) + 1;
      t.jw[b] = (t.jw[b] as number) + j;
    }
    if (r.cost > budget) t.over[b] = (t.over[b] as number) + 1;
    t.lastCost[b] = r.cost;
    t.n[b] = j + 1;
    prev = r;
  }
  return t;
}

/**
 * The evaluator's five metrics (AGB_METRICS order) over the concatenation of the blocks listed in `order`
 * (first `length` entries), written to `out` from `offset`. Returns the kept rows and the corrections.
 */
export function combineInto(t: BlockTable, order: ArrayLike<number>, length: number, out: Float64Array, offset: number): [number, number] {
  let n = 0;
  let wins = 0;
  let xw = 0;
  let over = 0;
  let corr = 0;
  let success = 0;
  let lastCost = 0;
  for (let i = 0; i < length; i++) {
    const b = order[i] as number;
    const bn = t.n[b] as number;
    if (bn === 0) continue;
    const first = t.firstCost[b] as number;
    // NaN costs differ from everything, as numpy's diff() != 0 says.
    if (n > 0 && first !== lastCost) {
      corr++;
      success += t.firstWin[b] as number;
    }
    const bw = t.wins[b] as number;
    xw += n * bw + (t.jw[b] as number);
    n += bn;
    wins += bw;
    over += t.over[b] as number;
    corr += t.corr[b] as number;
    success += t.success[b] as number;
    lastCost = t.lastCost[b] as number;
  }
  if (n === 0) {
    out.fill(0, offset, offset + 5);
    return [0, 0];
  }
  // Σ(x − x̄)(w − w̄) = Σxw − x̄Σw and Σ(x − x̄)² = n(n² − 1)/12 for x = 0..n−1.
  out[offset] = wins / n;
  out[offset + 1] = n <= 1 ? 0 : corr / (n - 1);
  out[offset + 2] = corr === 0 ? 0 : success / corr;
  out[offset + 3] = n > 1 ? (xw - ((n - 1) / 2) * wins) / ((n * (n * n - 1)) / 12) : 0;
  out[offset + 4] = over / n;
  return [n, corr];
}

/** combineInto as a FileMetrics record (equals fileMetrics on the concatenated rows). */
export function combineBlocks(t: BlockTable, order: ArrayLike<number>): FileMetrics {
  const out = new Float64Array(5);
  const [n, corr] = combineInto(t, order, order.length, out, 0);
  return {
    win_rate: out[0] as number,
    correction_rate: out[1] as number,
    correction_success_rate: out[2] as number,
    improvement_slope: out[3] as number,
    over_budget_ratio: out[4] as number,
    n,
    corr,
  };
}

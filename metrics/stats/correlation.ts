import tCdf from '@stdlib/stats-base-dists-t-cdf';
import { sampleCorrelation, sampleRankCorrelation } from 'simple-statistics';

export interface Correlation {
  /** Pairs used (both values defined). */
  readonly n: number;
  /** Pearson r; null when n < 2 or a variable has no variance. */
  readonly r: number | null;
  /** Two-sided p-value of r (t with n − 2 degrees of freedom); null when n < 3 or r is null. */
  readonly p: number | null;
  /** Spearman ρ on midranks (ties share the average rank); null when undefined. */
  readonly rho: number | null;
}

function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/** Two-sided p-value of a Pearson r over n pairs: t = r·√((n − 2)/(1 − r²)), p = 2·(1 − F_t(|t|; n − 2)). */
export function pearsonPValue(r: number, n: number): number | null {
  if (n < 3 || !Number.isFinite(r)) return null;
  if (Math.abs(r) >= 1) return 0;
  const t = Math.abs(r) * Math.sqrt((n - 2) / (1 - r * r));
  return 2 * (1 - tCdf(t, n - 2));
}

/** Pearson and Spearman correlation of paired values; pairs with a null on either side are left out. */
export function correlate(xs: readonly (number | null)[], ys: readonly (number | null)[]): Correlation {
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    const a = xs[i];
    const b = ys[i];
    if (a === null || a === undefined || b === null || b === undefined) continue;
    x.push(a);
    y.push(b);
  }
  const n = x.length;
  if (n < 2) return { n, r: null, p: null, rho: null };
  const r = finiteOrNull(sampleCorrelation(x, y));
  const rho = finiteOrNull(sampleRankCorrelation(x, y));
  return { n, r, p: r === null ? null : pearsonPValue(r, n), rho };
}

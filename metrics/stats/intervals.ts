/** Two-sided 95% normal quantile. */
export const Z95 = 1.959963984540054;

/** Type-7 (linear interpolation) quantile of an ascending-sorted, non-empty array. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  const a = sorted[lo] as number;
  return a + (h - lo) * ((sorted[hi] as number) - a);
}

/**
 * 95% percentile interval of bootstrap replicates (NaN replicates, where the statistic was undefined, are left
 * out). The interval is widened to contain the point estimate: a percentile interval of a skewed statistic can
 * in principle miss it, and a reported interval that excludes its own value would only confuse.
 */
export function percentileInterval(replicates: ArrayLike<number>, value: number): [number, number] {
  const defined: number[] = [];
  for (let i = 0; i < replicates.length; i++) {
    const r = replicates[i] as number;
    if (!Number.isNaN(r)) defined.push(r);
  }
  if (defined.length === 0) return [value, value];
  const sorted = Float64Array.from(defined).sort();
  return [Math.min(quantileSorted(sorted, 0.025), value), Math.max(quantileSorted(sorted, 0.975), value)];
}

/** Wilson 95% score interval for x successes in n independent trials (x may hold halves for draws). */
export function wilsonInterval(x: number, n: number): [number, number] {
  if (n <= 0) return [0, 1];
  const p = x / n;
  const z2 = Z95 * Z95;
  const denom = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denom;
  const half = (Z95 / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, Math.min(center - half, p)), Math.min(1, Math.max(center + half, p))];
}

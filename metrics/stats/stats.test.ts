import { describe, expect, it } from 'vitest';
import { bootstrapSums } from './bootstrap.js';
import { correlate, pearsonPValue } from './correlation.js';
import { percentileInterval, quantileSorted, wilsonInterval } from './intervals.js';
import { IndexSampler } from './sampler.js';

describe('correlation', () => {
  it('Pearson r, its two-sided p and Spearman ρ, by hand', () => {
    // x = 1..5, y = 2 1 4 3 5: deviations (−2 −1 0 1 2) and (−1 −2 1 0 2); Σdxdy = 8, Σdx² = Σdy² = 10 → r = 0.8.
    // t = r·√((n − 2)/(1 − r²)) = 0.8·√(3/0.36) = 4/√3. With 3 df, F(t) = ½ + (1/π)(u/(1 + u²) + atan u), u = t/√3 = 4/3:
    // F = ½ + (0.48 + 0.9272952) / π = 0.9479560 → p = 2(1 − F) = 0.1040880.
    const c = correlate([1, 2, 3, 4, 5], [2, 1, 4, 3, 5]);
    expect(c.n).toBe(5);
    expect(c.r).toBeCloseTo(0.8, 12);
    expect(c.p).toBeCloseTo(2 * (1 - (0.5 + (0.48 + Math.atan(4 / 3)) / Math.PI)), 9);
    expect(c.p).toBeCloseTo(0.104088, 6);
    expect(c.rho).toBeCloseTo(0.8, 12); // no ties: the ranks are the values
  });

  it('Spearman uses midranks for ties; pairs with a missing value are dropped', () => {
    // y = 2 1 4 4 5 → ranks 2 1 3.5 3.5 5; deviations (−1 −2 .5 .5 2): Σ = 8.5 over √(10 · 9.5).
    const c = correlate([1, 2, 3, 4, 5, 6], [2, 1, 4, 4, 5, null]);
    expect(c.n).toBe(5);
    expect(c.rho).toBeCloseTo(8.5 / Math.sqrt(95), 12);
  });

  it('is undefined without variance or with too few pairs', () => {
    expect(correlate([1, 2, 3], [4, 4, 4])).toMatchObject({ n: 3, r: null, p: null, rho: null });
    expect(correlate([1], [2])).toMatchObject({ n: 1, r: null });
    expect(pearsonPValue(0.5, 2)).toBeNull();
    expect(pearsonPValue(1, 10)).toBe(0);
  });
});

describe('intervals', () => {
  it('Wilson: 3 successes of 10, by hand', () => {
    // p = 0.3, z² = 3.841459; centre (0.3 + 0.192073)/1.384146 = 0.355507;
    // half = (1.959964/1.384146)·√(0.021 + 0.0096036) = 1.416009 · 0.174939 = 0.247715.
    const [lo, hi] = wilsonInterval(3, 10);
    expect(lo).toBeCloseTo(0.355507 - 0.247715, 5);
    expect(hi).toBeCloseTo(0.355507 + 0.247715, 5);
  });

  it('percentiles interpolate (type 7), skip undefined replicates and contain the estimate', () => {
    expect(quantileSorted([0, 10], 0.025)).toBeCloseTo(0.25, 12);
    const reps = Float64Array.from([NaN, ...Array.from({ length: 41 }, (_, i) => i)]);
    // 41 defined values 0..40: 2.5% → 1, 97.5% → 39.
    expect(percentileInterval(reps, 20)).toEqual([1, 39]);
    expect(percentileInterval(reps, 45)).toEqual([1, 45]);
    expect(percentileInterval(Float64Array.from([NaN]), 3)).toEqual([3, 3]);
  });
});

describe('bootstrap', () => {
  it('resamples whole rows with a seeded sampler: same seed, same replicates', () => {
    const data = Float64Array.from([1, 2, 3, 4, 5, 6]); // 3 rows of (num, den)
    const ratio = (s: Float64Array, out: Float64Array): void => {
      out[0] = (s[0] as number) / (s[1] as number);
    };
    const a = bootstrapSums(data, 3, 2, 50, new IndexSampler(1), ratio, 1);
    const b = bootstrapSums(data, 3, 2, 50, new IndexSampler(1), ratio, 1);
    expect(a).toEqual(b);
    // Every replicate is a ratio of sums of whole rows: between the smallest (1/2) and largest (5/6) row ratio.
    for (const v of a) expect(v >= 0.5 && v <= 5 / 6).toBe(true);
  });

  it('skipping constant and duplicate columns gives the sums of a plain resampling with the same draws', () => {
    // 4 rows × 4 columns: column 1 is constant, column 3 duplicates column 0.
    const data = Float64Array.from([1, 7, 0.5, 1, 2, 7, 0.25, 2, 5, 7, 3, 5, 9, 7, 1, 9]);
    const copy = (s: Float64Array, out: Float64Array): void => out.set(s);
    const fast = bootstrapSums(data, 4, 4, 30, new IndexSampler('x'), copy, 4);
    const sampler = new IndexSampler('x');
    for (let b = 0; b < 30; b++) {
      const naive = [0, 0, 0, 0];
      for (let i = 0; i < 4; i++) {
        const row = sampler.index(4);
        for (let k = 0; k < 4; k++) naive[k]! += data[row * 4 + k] as number;
      }
      naive.forEach((v, k) => expect(fast[b * 4 + k]).toBeCloseTo(v, 12));
    }
  });

  it('draws indices uniformly', () => {
    const s = new IndexSampler('u');
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40000; i++) counts[s.index(4)]! += 1;
    for (const c of counts) expect(Math.abs(c - 10000)).toBeLessThan(400);
  });
});

/**
 * Anytime-valid confidence sequences for the mean of observations in [0, 1] (a pairwise score: 1 win, ½ draw,
 * 0 loss), by Robbins' two-sided normal mixture (Robbins 1970; Howard, Ramdas, McAuliffe & Sekhon 2021,
 * "Time-uniform, nonparametric, nonasymptotic confidence sequences", Ann. Statist. 49(2), §3.2 and Prop. 5).
 *
 * Observations in [0, 1] are sub-Gaussian with variance proxy σ² = ¼ (Hoeffding), so for every λ
 * exp(λ·S_t − λ²·V_t/2), with S_t = Σ (X_i − μ_i) and V_t = t/4, is a non-negative supermartingale. Mixing λ over
 * N(0, 1/ρ) gives M_t = √(ρ/(V_t+ρ))·exp(S_t²/(2(V_t+ρ))), still a supermartingale, and Ville's inequality
 * bounds P(∃t: M_t ≥ 1/α) ≤ α. Solving M_t < 1/α for S_t:
 *
 *   |S_t| < √((V_t + ρ)·ln((V_t + ρ)/(ρ·α²)))   for all t at once, with probability ≥ 1 − α.
 *
 * Dividing by t gives the interval for the running mean of the μ_i (the seat-balanced win rate when seats
 * alternate). Because the bound holds for every t simultaneously, it may be checked after every batch and a run may
 * stop whenever it likes (optional stopping), with no inflation of the error rate. The observations of one pair
 * may be chosen adaptively (which pair plays next depends on past results): the process of a pair, advanced only
 * when the pair plays, is still a supermartingale.
 */

/** Observations at which the default mixture is tuned (the width is smallest there, relative to other ρ). */
export const DEFAULT_TUNE_N = 40;

/** The boundary on |S_t| after n observations in [0, 1] at level α with mixture precision ρ. */
export function mixtureBoundary(n: number, alpha: number, rho: number): number {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  if (!(rho > 0)) throw new RangeError(`rho must be positive, got ${rho}`);
  const v = n / 4 + rho;
  return Math.sqrt(v * Math.log(v / (rho * alpha * alpha)));
}

/**
 * The ρ that makes the boundary tightest at `n` observations: golden-section search on ln ρ (the boundary is
 * unimodal in it). Fixed before any data is seen, so it does not affect validity.
 */
export function tunedRho(n: number, alpha: number): number {
  const f = (x: number) => mixtureBoundary(n, alpha, Math.exp(x));
  let lo = Math.log(1e-4);
  let hi = Math.log(1e4);
  const g = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 100; i++) {
    const a = hi - g * (hi - lo);
    const b = lo + g * (hi - lo);
    if (f(a) < f(b)) hi = b;
    else lo = a;
  }
  return Math.exp((lo + hi) / 2);
}

export interface MeanInterval {
  readonly n: number;
  readonly mean: number;
  readonly lo: number;
  readonly hi: number;
}

/**
 * The confidence sequence's interval for the mean after n observations summing to `sum`, clipped to [0, 1].
 * With n = 0 it is [0, 1] (mean ½ by convention).
 */
export function confidenceSequence(sum: number, n: number, alpha: number, rho = tunedRho(DEFAULT_TUNE_N, alpha)): MeanInterval {
  if (n <= 0) return { n: 0, mean: 0.5, lo: 0, hi: 1 };
  const mean = sum / n;
  const half = mixtureBoundary(n, alpha, rho) / n;
  return { n, mean, lo: Math.max(0, mean - half), hi: Math.min(1, mean + half) };
}

/** Half-width of the interval after n observations (before clipping); it does not depend on the data. */
export function halfWidth(n: number, alpha: number, rho = tunedRho(DEFAULT_TUNE_N, alpha)): number {
  return n <= 0 ? Infinity : mixtureBoundary(n, alpha, rho) / n;
}

/** The fewest observations whose half-width is below `width` (Infinity when none up to `limit` is). */
export function observationsForHalfWidth(width: number, alpha: number, limit = 10_000_000, rho = tunedRho(DEFAULT_TUNE_N, alpha)): number {
  if (!(width > 0)) return Infinity;
  if (halfWidth(limit, alpha, rho) >= width) return Infinity;
  let lo = 0;
  let hi = limit;
  // The half-width decreases in n beyond the first few observations; the search finds the first n below width.
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (halfWidth(mid, alpha, rho) < width) hi = mid;
    else lo = mid;
  }
  return hi;
}

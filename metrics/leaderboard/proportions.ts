import { wilsonInterval } from '../stats/intervals.js';
import type { Estimate } from '../types.js';

/** Metrics that are proportions of 0/1 (or ½ for a draw) outcomes, so a value of 0 or 1 has a Wilson interval. */
export const PROPORTION_METRICS: ReadonlySet<string> = new Set(['wr', 'wrMatch', 'orr', 'csr', 'obr', 'obrAll', 'harmful', 'unforced', 'violationRate', 'firstTry', 'blunderRate']);

/**
 * A proportion at 0 or 1 has a degenerate bootstrap (every resample gives the same value), so its percentile
 * interval has zero width. Such a value gets the 95% Wilson interval of its n trials instead (the interval of
 * plain proportions), e.g. 5 wins of 5 give [0.57, 1]. Other estimates pass through unchanged.
 */
export function boundaryInterval(id: string, e: Estimate): Estimate {
  if (!PROPORTION_METRICS.has(id) || e.value === null || e.n <= 0 || (e.value !== 0 && e.value !== 1) || e.lo !== e.hi) return e;
  const [lo, hi] = wilsonInterval(e.value * e.n, e.n);
  return { ...e, lo, hi, method: 'wilson' };
}

/** `boundaryInterval` over a row of metrics. */
export function withBoundaryIntervals(metrics: Readonly<Record<string, Estimate>>): Record<string, Estimate> {
  return Object.fromEntries(Object.entries(metrics).map(([id, e]) => [id, boundaryInterval(id, e)]));
}

import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../compute.js';
import { planTrace } from '../testing/plan-trace.js';
import { boundaryInterval, withBoundaryIntervals } from './proportions.js';

describe('boundaryInterval', () => {
  it('gives a proportion at 1 or 0 the Wilson interval of its n, not a zero-width one (hand-worked)', () => {
    // 5 of 5: Wilson lower end 5 / (5 + z²) = 0.5655
    const e = boundaryInterval('wr', { value: 1, n: 5, lo: 1, hi: 1, method: 'bootstrap' });
    expect(e.lo).toBeCloseTo(5 / (5 + 1.959964 ** 2), 5);
    expect(e.hi).toBe(1);
    expect(e.method).toBe('wilson');
    const zero = boundaryInterval('orr', { value: 0, n: 10, lo: 0, hi: 0, method: 'bootstrap' });
    expect(zero.lo).toBe(0);
    expect(zero.hi).toBeCloseTo(1.959964 ** 2 / (10 + 1.959964 ** 2), 5);
  });

  it('leaves other metrics, inner values and undefined values alone', () => {
    const beta = { value: 0, n: 4, lo: 0, hi: 0, method: 'bootstrap' } as const;
    expect(boundaryInterval('beta', beta)).toBe(beta);
    const mid = { value: 0.5, n: 4, lo: 0.25, hi: 0.75, method: 'bootstrap' } as const;
    expect(boundaryInterval('wr', mid)).toBe(mid);
    const none = { value: null, n: 0, lo: null, hi: null, method: 'bootstrap' } as const;
    expect(boundaryInterval('csr', none)).toBe(none);
  });

  it('widens what the bootstrap gives an agent that won every evaluated round', () => {
    const traces = ['a', 'b', 'c'].map((id) => planTrace({ id, game: 'auto-battler', seats: ['W', 'L'], rounds: 2, winners: [0, 0, 0] }));
    const wr = computeMetrics(traces, { bootstrap: 100 }).agents.find((a) => a.agent === 'W')?.metrics['wr'];
    expect(wr?.value).toBe(1);
    expect(wr?.lo).toBe(1); // the bootstrap alone: zero width
    const fixed = withBoundaryIntervals({ wr: wr ?? { value: null, n: 0, lo: null, hi: null, method: 'bootstrap' } })['wr'];
    expect(fixed?.lo).toBeLessThan(1);
    expect(fixed?.hi).toBe(1);
  });
});

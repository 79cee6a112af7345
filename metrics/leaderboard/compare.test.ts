import { describe, expect, it } from 'vitest';
import { regressionVerdicts } from '../regression.js';
import { extractRecords } from '../steps/extract.js';
import { planTrace } from '../testing/plan-trace.js';
import { compareRecords, COMPARED_METRICS } from './compare.js';

const records = (traces: ReturnType<typeof planTrace>[], agent: string) => extractRecords(traces).records.filter((r) => r.agent === agent);

describe('compareRecords', () => {
  const gates = [{ metric: 'wr', tolerance: 0.05 }];

  it('is the regression verdict itself when the matches pair by id', () => {
    const base = ['m1', 'm2', 'm3'].map((id, i) => planTrace({ id, game: 'auto-battler', seats: ['old', 'opp'], rounds: 1, winners: i < 2 ? [0, 0] : [1, 1] }));
    const cand = ['m1', 'm2', 'm3'].map((id) => planTrace({ id, game: 'auto-battler', seats: ['new', 'opp'], rounds: 1, winners: [1, 1] }));
    const a = records(base, 'old');
    const b = records(cand, 'new');
    const c = compareRecords(a, b, gates, { seed: 3, bootstrap: 200 });
    const v = regressionVerdicts(a, b, gates, { seed: 3, bootstrap: 200 })[0];
    expect(c.method).toBe('paired');
    expect(c.rows[0]).toMatchObject({ metric: 'wr', a: v?.baseline, b: v?.candidate, diff: v?.diff, lo: v?.lo, hi: v?.hi, regression: v?.regression });
  });

  it('resamples each side on its own when no match is shared (hand-worked values)', () => {
    // A (revising first) wins 1 of its 2 evaluated rounds, B none of 1: B − A = 0 − 0.5 = −0.5.
    const a = records([planTrace({ id: 'a1', game: 'auto-battler', seats: ['A', 'x'], rounds: 1, winners: [0, 0] }), planTrace({ id: 'a2', game: 'auto-battler', seats: ['A', 'x'], rounds: 1, winners: [1, 1] })], 'A');
    const b = records([planTrace({ id: 'b1', game: 'auto-battler', seats: ['B', 'x'], rounds: 1, winners: [1, 1] })], 'B');
    const c = compareRecords(a, b, gates, { seed: 1, bootstrap: 300 });
    expect(c.method).toBe('unpaired');
    expect(c.rows[0]?.a).toBe(0.5);
    expect(c.rows[0]?.b).toBe(0);
    expect(c.rows[0]?.diff).toBe(-0.5);
    expect(c.rows[0]?.lo).toBeLessThanOrEqual(-0.5);
    expect(c.rows[0]?.hi).toBeGreaterThanOrEqual(-0.5);
    expect(c.rows[0]?.hi).toBeLessThan(0.01);
  });

  it('compares every metric the verdict can gate', () => {
    expect(COMPARED_METRICS).toContain('wr');
    expect(COMPARED_METRICS).toContain('processScore');
    expect(COMPARED_METRICS).not.toContain('orr');
  });
});

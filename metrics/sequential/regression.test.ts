import { describe, expect, it } from 'vitest';
import { emptyStats, S, type AgentMatchRecord } from '../steps/record.js';
import { confidenceSequence } from './confidence-sequence.js';
import { checkSequentialGates, rateInterval, sequentialCheck } from './regression.js';

/** A move-game record of `games` games with `points` points (WR per evaluated round = points / games). */
function rec(matchId: string, agent: string, games: number, points: number, extra: Partial<Record<keyof typeof S, number>> = {}): AgentMatchRecord {
  const stats = emptyStats();
  stats[S.evalN] = games;
  stats[S.evalScore] = points;
  stats[S.matchScore] = points / games > 0.5 ? 1 : points / games < 0.5 ? 0 : 0.5;
  for (const [k, v] of Object.entries(extra)) stats[S[k as keyof typeof S]] = v;
  return { matchId, game: 'g@1', family: 'move', agent, stats };
}

const series = (agent: string, matches: number, games: number, points: number) => Array.from({ length: matches }, (_, i) => rec(`m${i}`, agent, games, points));

describe('rate intervals for pooled counts', () => {
  it('a [0, 1] rate is the confidence sequence of its units', () => {
    const r = rateInterval(70, 100, [0, 1], 0.025);
    const cs = confidenceSequence(70, 100, 0.025);
    expect(r).toEqual({ n: 100, value: 0.7, lo: cs.lo, hi: cs.hi });
  });

  it('a [−1, 1] rate is rescaled to [0, 1] and back', () => {
    // Σ advantage 20 over 100 moves: in [0, 1] units (x + 1)/2 the sum is (20 + 100)/2 = 60.
    const r = rateInterval(20, 100, [-1, 1], 0.025);
    const cs = confidenceSequence(60, 100, 0.025);
    expect(r.value).toBeCloseTo(0.2, 12);
    expect(r.lo).toBeCloseTo(-1 + 2 * cs.lo, 12);
    expect(r.hi).toBeCloseTo(-1 + 2 * cs.hi, 12);
  });

  it('no units: the whole range, no value', () => {
    expect(rateInterval(0, 0, [0, 1], 0.025)).toEqual({ n: 0, value: null, lo: 0, hi: 1 });
  });
});

describe('sequential regression check', () => {
  const gates = [{ metric: 'wr', tolerance: 0.05 }];

  it('the difference interval is the union bound of the two sides at α/2 each, worked by hand', () => {
    // 10 matches of 10 games: baseline 9 points each (0.9), candidate 5 (0.5).
    const check = sequentialCheck(series('t', 10, 10, 9), series('c', 10, 10, 5), gates);
    const b = confidenceSequence(90, 100, 0.025);
    const c = confidenceSequence(50, 100, 0.025);
    const g = check.gates[0];
    expect(g?.diff).toBeCloseTo(-0.4, 12);
    expect(g?.lo).toBeCloseTo(c.lo - b.hi, 12);
    expect(g?.hi).toBeCloseTo(c.hi - b.lo, 12);
    // c.hi − b.lo < −0.05: a regression, decided.
    expect(c.hi - b.lo).toBeLessThan(-0.05);
    expect(g?.decision).toBe('regression');
    expect(check).toMatchObject({ decided: true, regression: true });
    expect(check.reason).toMatch(/^regression decided after 10 matches: wr worse than the tolerance \(95% anytime-valid\)$/);
  });

  it('too few matches leave the gate undecided; enough decide it', () => {
    const few = sequentialCheck(series('t', 2, 10, 9), series('c', 2, 10, 5), gates);
    expect(few.gates[0]?.decision).toBe('undecided');
    expect(few).toMatchObject({ decided: false, regression: false });
    expect(few.reason).toBe('1 of 1 gates undecided after 2 matches: wr');
  });

  it('passes once the whole interval lies above −tolerance; identical results need the interval narrower than the tolerance', () => {
    const better = sequentialCheck(series('t', 10, 10, 2), series('c', 10, 10, 8), gates);
    expect(better.gates[0]?.decision).toBe('passed');
    expect(better).toMatchObject({ decided: true, regression: false });
    // Identical: lo = −(half-width of each side summed); passes only once that is above −τ.
    const tol = [{ metric: 'wr', tolerance: 0.2 }];
    const same = (n: number) => sequentialCheck(series('t', n, 10, 5), series('c', n, 10, 5), tol).gates[0]?.decision;
    let n = 1;
    while (same(n) !== 'passed') n++;
    const half = (m: number) => confidenceSequence(m * 5, m * 10, 0.025);
    expect(half(n).hi - half(n).lo).toBeLessThan(0.2 + 1e-12);
    expect(half(n - 1).hi - half(n - 1).lo).toBeGreaterThanOrEqual(0.2);
  });

  it('lower-is-better metrics mirror the decision; the verdict waits for every gate to pass', () => {
    // blunder rate: baseline 10 of 100 moves per match, candidate 40 of 100.
    const base = Array.from({ length: 10 }, (_, i) => rec(`m${i}`, 't', 10, 5, { advN: 100, blunders: 10 }));
    const cand = Array.from({ length: 10 }, (_, i) => rec(`m${i}`, 'c', 10, 5, { advN: 100, blunders: 40 }));
    const worse = sequentialCheck(base, cand, [{ metric: 'blunderRate', tolerance: 0.02 }]);
    expect(worse.gates[0]).toMatchObject({ better: 'lower', decision: 'regression' });
    const fine = sequentialCheck(cand, base, [{ metric: 'blunderRate', tolerance: 0.02 }, { metric: 'wr', tolerance: 0 }]);
    expect(fine.gates.map((g) => g.decision)).toEqual(['passed', 'undecided']);
    expect(fine.decided).toBe(false);
  });

  it('pairs matches by id and ignores baseline matches the candidate has not played', () => {
    const check = sequentialCheck([...series('t', 3, 10, 9), rec('extra', 't', 10, 0)], series('c', 3, 10, 5), gates);
    expect(check.gates[0]?.n).toBe(3);
    expect(check.gates[0]?.baseline.value).toBeCloseTo(0.9, 12);
  });

  it('metrics without a per-unit bound have no sequential rule', () => {
    expect(() => checkSequentialGates([{ metric: 'tokensPerMatch', tolerance: 10 }])).toThrow(/metric 'tokensPerMatch' has no sequential rule .*sequential gates: wr, wrMatch, csr/);
    expect(() => checkSequentialGates([{ metric: 'processScore', tolerance: 0 }])).toThrow(/no sequential rule/);
    expect(checkSequentialGates([{ metric: 'CSR', tolerance: 0.1 }])).toEqual([{ metric: 'csr', tolerance: 0.1 }]);
  });
});

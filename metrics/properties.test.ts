import { describe, expect, it } from 'vitest';
import { createRng } from '../games/core/rng.js';
import { advgamebenchFromTraces } from './advgamebench/profile.js';
import { computeMetrics, type MetricsReport } from './compute.js';
import { syntheticTournament } from './testing/tournament.js';
import type { Estimate } from './types.js';

const matches = syntheticTournament({ seed: 21, matches: 60 });

function estimates(report: MetricsReport): Estimate[] {
  return [...report.games.flatMap((g) => Object.values(g.metrics)), ...report.agents.flatMap((a) => Object.values(a.metrics))];
}

describe('metric properties', () => {
  it('do not depend on match order (values and intervals)', () => {
    const shuffled = createRng(5).shuffle(matches);
    const reversed = [...matches].reverse();
    const base = computeMetrics(matches, { bootstrap: 200, seed: 9 });
    expect(computeMetrics(shuffled, { bootstrap: 200, seed: 9 })).toEqual(base);
    expect(computeMetrics(reversed, { bootstrap: 200, seed: 9 })).toEqual(base);
  });

  it('every interval contains its point estimate; undefined values have no interval', () => {
    const all = estimates(computeMetrics(matches, { bootstrap: 200, seed: 2 }));
    expect(all.length).toBeGreaterThan(100);
    for (const e of all) {
      if (e.value === null) {
        expect(e.lo).toBeNull();
        expect(e.hi).toBeNull();
        continue;
      }
      expect(e.lo as number).toBeLessThanOrEqual(e.value);
      expect(e.hi as number).toBeGreaterThanOrEqual(e.value);
    }
    for (const m of advgamebenchFromTraces(matches, { bootstrap: 200 }).models) {
      for (const e of Object.values(m.metrics)) {
        expect(e.lo as number).toBeLessThanOrEqual(e.value as number);
        expect(e.hi as number).toBeGreaterThanOrEqual(e.value as number);
      }
    }
  });

  it('are reproducible with the same seed; another seed moves the bootstrap intervals only', () => {
    const a = computeMetrics(matches, { bootstrap: 200, seed: 4 });
    expect(computeMetrics(matches, { bootstrap: 200, seed: 4 })).toEqual(a);
    const b = computeMetrics(matches, { bootstrap: 200, seed: 5 });
    const ea = estimates(a);
    const eb = estimates(b);
    expect(eb.map((e) => e.value)).toEqual(ea.map((e) => e.value));
    expect(eb.some((e, i) => e.lo !== ea[i]?.lo)).toBe(true);
  });

  it('the per-agent aggregate is the unweighted mean of the per-game values', () => {
    const r = computeMetrics(matches, { bootstrap: 50 });
    for (const a of r.agents) {
      const perGame = r.games.filter((g) => g.agent === a.agent).map((g) => g.metrics['wr']?.value as number);
      expect(a.metrics['wr']?.value).toBeCloseTo(perGame.reduce((x, y) => x + y, 0) / perGame.length, 12);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { createRng } from '../../games/core/rng.js';
import { bradleyTerryRatings, fitBradleyTerry } from './bradley-terry.js';
import { eloRatings } from './elo.js';
import { ratingEstimator } from './estimator.js';
import type { Pairing } from './types.js';

function games(a: string, b: string, aWins: number, bWins: number, draws = 0): Pairing[] {
  return [
    ...Array.from({ length: aWins }, () => ({ a, b, score: 1 })),
    ...Array.from({ length: bWins }, () => ({ a, b, score: 0 })),
    ...Array.from({ length: draws }, () => ({ a, b, score: 0.5 })),
  ];
}

describe('Bradley–Terry', () => {
  it('matches a hand-worked example to 1e-6', () => {
    // A–B 2:1, B–C 2:1, A–C 4:1. The strengths p = (4, 2, 1) satisfy every likelihood equation
    // W_i = Σ_j n_ij p_i / (p_i + p_j):  A: 6 = 3·4/6 + 5·4/5 = 2 + 4;  B: 3 = 3·2/6 + 3·2/3 = 1 + 2;
    // C: 2 = 3·1/3 + 5·1/5 = 1 + 1.  With C anchored at 1000: A = 1000 + 400·log10 4, B = 1000 + 400·log10 2.
    const data = [...games('A', 'B', 2, 1), ...games('B', 'C', 2, 1), ...games('A', 'C', 4, 1)];
    const r = bradleyTerryRatings(data, { prior: 0, anchor: 'C', bootstrap: 0 });
    const by = Object.fromEntries(r.map((x) => [x.agent, x.rating]));
    expect(by['A']).toBeCloseTo(1240.823996531185, 6);
    expect(by['B']).toBeCloseTo(1120.411998265592, 6);
    expect(by['C']).toBe(1000);
    expect(r.map((x) => x.agent)).toEqual(['A', 'B', 'C']);
  });

  it('counts a draw as half a win each way', () => {
    // A–B: 1 win, 1 loss, 2 draws = 2 : 2 → equal strengths.
    const fit = fitBradleyTerry(['A', 'B'], games('A', 'B', 1, 1, 2), { prior: 0 });
    expect((fit.get('A') as number) - (fit.get('B') as number)).toBeCloseTo(0, 9);
    // 3 : 1 (two wins, one loss, two draws): A is 400·log10(3) above B.
    const fit2 = fitBradleyTerry(['A', 'B'], games('A', 'B', 2, 0, 2), { prior: 0 });
    expect((fit2.get('A') as number) - (fit2.get('B') as number)).toBeCloseTo(400 * Math.log10(3), 6);
  });

  it('does not depend on match order, and the interval holds the estimate', () => {
    const rng = createRng(5);
    const data = [...games('x', 'y', 7, 3), ...games('y', 'z', 6, 4), ...games('x', 'z', 8, 2, 2)];
    const a = bradleyTerryRatings(data, { bootstrap: 200, seed: 3 });
    const b = bradleyTerryRatings(rng.shuffle(data), { bootstrap: 200, seed: 3 });
    expect(b).toEqual(a);
    for (const r of a) {
      expect(r.lo).toBeLessThanOrEqual(r.rating);
      expect(r.hi).toBeGreaterThanOrEqual(r.rating);
      // the anchor is pinned, so only the others have a spread
      if (r.agent !== 'x') expect(r.hi - r.lo).toBeGreaterThan(0);
      else expect(r.rating).toBe(1000);
    }
  });

  it('stays finite for an agent that lost every match with an explicit prior', () => {
    const r = bradleyTerryRatings(games('good', 'bad', 10, 0), { bootstrap: 0, anchor: 'bad', prior: 1 });
    const good = r.find((x) => x.agent === 'good')!;
    expect(Number.isFinite(good.rating)).toBe(true);
    expect(good.rating).toBeGreaterThan(1200);
  });

  it('rejects an anchor that played no match', () => {
    expect(() => bradleyTerryRatings(games('a', 'b', 1, 1), { anchor: 'zzz', bootstrap: 0 })).toThrow(/anchor 'zzz'/);
  });
});

/**
 * An independent maximum-likelihood solver: Newton's method on the Bradley–Terry log-likelihood in θ = ln p, with
 * the anchor's θ fixed at 0 (the other coordinates free). Gradient_i = W_i − Σ_j n_ij σ(θ_i − θ_j); Hessian
 * H_ii = −Σ_j n_ij σ(1−σ), H_ij = n_ij σ(1−σ). Solved by Gaussian elimination.
 */
function newtonMle(agents: readonly string[], data: readonly Pairing[], anchor: string): Map<string, number> {
  const free = agents.filter((a) => a !== anchor);
  const theta = new Map(agents.map((a) => [a, 0]));
  const wins = new Map(agents.map((a) => [a, 0]));
  for (const p of data) {
    wins.set(p.a, (wins.get(p.a) ?? 0) + p.score);
    wins.set(p.b, (wins.get(p.b) ?? 0) + 1 - p.score);
  }
  for (let iter = 0; iter < 100; iter++) {
    const g = free.map((a) => wins.get(a) ?? 0);
    const h = free.map(() => free.map(() => 0));
    for (const p of data) {
      const s = 1 / (1 + Math.exp((theta.get(p.b) ?? 0) - (theta.get(p.a) ?? 0)));
      const w = s * (1 - s);
      const i = free.indexOf(p.a);
      const j = free.indexOf(p.b);
      if (i >= 0) {
        g[i] = (g[i] as number) - s;
        h[i]![i] = (h[i]![i] as number) - w;
      }
      if (j >= 0) {
        g[j] = (g[j] as number) - (1 - s);
        h[j]![j] = (h[j]![j] as number) - w;
      }
      if (i >= 0 && j >= 0) {
        h[i]![j] = (h[i]![j] as number) + w;
        h[j]![i] = (h[j]![i] as number) + w;
      }
    }
    // solve h · step = −g
    const n = free.length;
    const m = h.map((row, i) => [...row, -(g[i] as number)]);
    for (let c = 0; c < n; c++) {
      let pivot = c;
      for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
      [m[c], m[pivot]] = [m[pivot]!, m[c]!];
      for (let r = 0; r < n; r++) {
        if (r === c) continue;
        const f = m[r]![c]! / m[c]![c]!;
        for (let k = c; k <= n; k++) m[r]![k] = m[r]![k]! - f * m[c]![k]!;
      }
    }
    let size = 0;
    free.forEach((a, i) => {
      const step = m[i]![n]! / m[i]![i]!;
      size = Math.max(size, Math.abs(step));
      theta.set(a, (theta.get(a) ?? 0) + step);
    });
    if (size < 1e-13) break;
  }
  return new Map(agents.map((a) => [a, 1000 + (400 / Math.LN10) * (theta.get(a) ?? 0)]));
}

describe('Bradley–Terry maximum likelihood and when it does not exist', () => {
  it('is the default, and agrees with an independent Newton solver to 1e-6 when the estimate exists', () => {
    // Four agents, draws included, every split crossed by results both ways (strongly connected).
    const data = [...games('A', 'B', 3, 1, 1), ...games('B', 'C', 2, 2), ...games('C', 'D', 3, 1), ...games('A', 'D', 1, 1), ...games('A', 'C', 2, 1, 2), ...games('B', 'D', 0, 1, 1)];
    const expected = newtonMle(['A', 'B', 'C', 'D'], data, 'D');
    const r = bradleyTerryRatings(data, { anchor: 'D', bootstrap: 0 });
    for (const x of r) {
      expect(x.unbounded).toBeUndefined();
      expect(Math.abs(x.rating - (expected.get(x.agent) as number))).toBeLessThan(1e-6);
    }
    // the old hidden prior (one virtual draw per agent) moves these by several points: the default has none
    const withPrior = bradleyTerryRatings(data, { anchor: 'D', bootstrap: 0, prior: 1 });
    expect(Math.max(...withPrior.map((x) => Math.abs(x.rating - (expected.get(x.agent) as number))))).toBeGreaterThan(5);
    expect(ratingEstimator('bradley-terry', 0, r).text).toBe('Bradley–Terry maximum likelihood (no prior)');
    expect(ratingEstimator('bradley-terry', 1, withPrior).text).toMatch(/prior of 1 virtual draw per agent/);
  });

  it('reports a separable case as unbounded, naming the agents, unless a prior is asked for', () => {
    // A beat everyone every time; B and C split their games. A's rating is +∞ relative to B and C.
    const data = [...games('A', 'B', 4, 0), ...games('A', 'C', 3, 0), ...games('B', 'C', 3, 2)];
    const r = bradleyTerryRatings(data, { anchor: 'B', bootstrap: 100, seed: 2 });
    const by = Object.fromEntries(r.map((x) => [x.agent, x]));
    expect(by['A']).toMatchObject({ rating: Infinity, unbounded: 'above', lo: Infinity, hi: Infinity });
    // B–C alone: 3 : 2, so C is 400·log10(2/3) from B
    expect(by['C']?.rating).toBeCloseTo(1000 + 400 * Math.log10(2 / 3), 6);
    expect(by['C']?.unbounded).toBeUndefined();
    expect(r.map((x) => x.agent)).toEqual(['A', 'B', 'C']);
    const text = ratingEstimator('bradley-terry', 0, r).text;
    expect(text).toMatch(/does not exist for A \(\+∞: results put them above the anchor/);
    expect(text).toMatch(/--prior 1/);
    // anchored at the winner, the others are −∞
    const fromA = bradleyTerryRatings(data, { anchor: 'A', bootstrap: 0 });
    expect(fromA.filter((x) => x.agent !== 'A').map((x) => x.unbounded)).toEqual(['below', 'below']);
    // an explicit prior gives finite ratings
    for (const x of bradleyTerryRatings(data, { anchor: 'B', bootstrap: 0, prior: 1 })) expect(Number.isFinite(x.rating)).toBe(true);
    // two agents, one never won
    expect(bradleyTerryRatings(games('good', 'bad', 10, 0), { anchor: 'bad', bootstrap: 0 }).find((x) => x.agent === 'good')).toMatchObject({ unbounded: 'above' });
  });

  it('reports agents with no results linking them to the anchor as unlinked (disconnected comparisons)', () => {
    const data = [...games('A', 'B', 3, 1), ...games('C', 'D', 2, 2, 1)];
    const r = bradleyTerryRatings(data, { anchor: 'A', bootstrap: 50, seed: 4 });
    const by = Object.fromEntries(r.map((x) => [x.agent, x]));
    expect(by['B']?.rating).toBeCloseTo(1000 - 400 * Math.log10(3), 6);
    expect(by['B']?.lo).toBeLessThanOrEqual(by['B']?.rating as number);
    for (const agent of ['C', 'D']) {
      expect(by[agent]?.unbounded).toBe('unlinked');
      expect(Number.isNaN(by[agent]?.rating)).toBe(true);
    }
    expect(r.map((x) => x.agent).slice(0, 2)).toEqual(['A', 'B']);
    expect(ratingEstimator('bradley-terry', 0, r).unbounded).toEqual([
      { agent: 'C', how: 'unlinked' },
      { agent: 'D', how: 'unlinked' },
    ]);
  });
});

describe('Elo averaged over orders', () => {
  it('orders agents by strength and pins the anchor', () => {
    const data = [...games('strong', 'mid', 15, 5), ...games('mid', 'weak', 15, 5), ...games('strong', 'weak', 18, 2)];
    const r = eloRatings(data, { anchor: 'weak', orders: 50 });
    expect(r.map((x) => x.agent)).toEqual(['strong', 'mid', 'weak']);
    expect(r.find((x) => x.agent === 'weak')!.rating).toBeCloseTo(1000, 9);
    const shuffled = eloRatings(createRng(2).shuffle(data), { anchor: 'weak', orders: 50 });
    expect(shuffled).toEqual(r);
  });
});

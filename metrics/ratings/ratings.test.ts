import { describe, expect, it } from 'vitest';
import { createRng } from '../../games/core/rng.js';
import { bradleyTerryRatings, fitBradleyTerry } from './bradley-terry.js';
import { eloRatings } from './elo.js';
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

  it('stays finite for an agent that lost every match (weak prior)', () => {
    const r = bradleyTerryRatings(games('good', 'bad', 10, 0), { bootstrap: 0, anchor: 'bad' });
    const good = r.find((x) => x.agent === 'good')!;
    expect(Number.isFinite(good.rating)).toBe(true);
    expect(good.rating).toBeGreaterThan(1200);
  });

  it('rejects an anchor that played no match', () => {
    expect(() => bradleyTerryRatings(games('a', 'b', 1, 1), { anchor: 'zzz', bootstrap: 0 })).toThrow(/anchor 'zzz'/);
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

import { describe, expect, it } from 'vitest';
import type { Pairing } from '../ratings/types.js';
import { adaptiveDecision, eloHalfWidth, pairAlpha, pairAlphas, unreachable, type AdaptivePlan } from './adaptive.js';
import { confidenceSequence, halfWidth, mixtureBoundary, observationsForHalfWidth, tunedRho } from './confidence-sequence.js';
import { simulateMany, simulateTournament } from './simulate.js';

const games = (a: string, b: string, wins: number, losses: number, draws = 0): Pairing[] => [
  ...Array.from({ length: wins }, () => ({ a, b, score: 1 })),
  ...Array.from({ length: losses }, () => ({ a, b, score: 0 })),
  ...Array.from({ length: draws }, () => ({ a, b, score: 0.5 })),
];

describe('normal-mixture confidence sequence', () => {
  it('matches the boundary worked by hand', () => {
    // n = 100, α = 0.05, ρ = 1: V = 25, √(26·ln(26/(1·0.0025))) = √(26·9.24950) = 15.5077; /100.
    expect(mixtureBoundary(100, 0.05, 1)).toBeCloseTo(15.5077, 3);
    const cs = confidenceSequence(70, 100, 0.05, 1);
    expect(cs.mean).toBe(0.7);
    expect(cs.lo).toBeCloseTo(0.7 - 0.155077, 5);
    expect(cs.hi).toBeCloseTo(0.7 + 0.155077, 5);
    // Wider than the fixed-n Wald interval (1.96·√(.21/100) = 0.0898): the price of peeking at will.
    expect(cs.hi - cs.mean).toBeGreaterThan(0.0898);
  });

  it('is [0, 1] before any result, clipped to [0, 1], and narrows as results come in', () => {
    expect(confidenceSequence(0, 0, 0.05)).toEqual({ n: 0, mean: 0.5, lo: 0, hi: 1 });
    const sweep = confidenceSequence(30, 30, 0.05);
    expect(sweep.hi).toBe(1);
    expect(sweep.lo).toBeGreaterThan(0.5);
    for (const n of [10, 100, 1000]) expect(halfWidth(n * 10, 0.05)).toBeLessThan(halfWidth(n, 0.05));
  });

  it('tunes ρ to the narrowest boundary at the chosen sample size', () => {
    const rho = tunedRho(40, 0.05);
    for (const other of [rho / 2, rho * 2]) expect(mixtureBoundary(40, 0.05, rho)).toBeLessThan(mixtureBoundary(40, 0.05, other));
  });

  it('finds the fewest observations for a half-width', () => {
    const n = observationsForHalfWidth(0.1, 0.05);
    expect(halfWidth(n, 0.05)).toBeLessThan(0.1);
    expect(halfWidth(n - 1, 0.05)).toBeGreaterThanOrEqual(0.1);
    expect(observationsForHalfWidth(0, 0.05)).toBe(Infinity);
  });

  it('rejects a level outside (0, 1)', () => {
    expect(() => mixtureBoundary(10, 0, 1)).toThrow(RangeError);
    expect(() => mixtureBoundary(10, 0.05, 0)).toThrow(RangeError);
  });
});

describe('adaptive decision', () => {
  const plan: AdaptivePlan = { agents: ['a', 'b', 'c'], target: { type: 'separate' } };

  it('splits α over the pairs it may play', () => {
    // separate, 3 agents: the first k − 1 = 2 pairs opened share (1 − ε)·α, ε = 0.2.
    expect(pairAlpha(plan)).toBeCloseTo((0.8 * 0.05) / 2, 12);
    expect(pairAlpha({ ...plan, allocation: 'even' })).toBeCloseTo(0.05 / 3, 12);
    expect(pairAlpha({ agents: ['a', 'b', 'c', 'd'], target: { type: 'precision', agent: 'a', elo: 50 } })).toBeCloseTo(0.05 / 3, 12);
  });

  it('allocates α by the order pairs are opened, and the levels sum to α', () => {
    const four: AdaptivePlan = { agents: ['a', 'b', 'c', 'd'], target: { type: 'separate' } };
    // Opened in this order: c–d, then a–b (seats reversed), then a–c; b–c, a–d, b–d never played.
    const results = [...games('c', 'd', 1, 0), ...games('b', 'a', 0, 1), ...games('a', 'c', 1, 1), ...games('c', 'd', 1, 0)];
    const alphas = pairAlphas(four, results);
    const first = (0.8 * 0.05) / 3;
    const later = (0.2 * 0.05) / 3;
    const at = (a: string, b: string) => alphas.get(`${a}\u0000${b}`);
    expect(at('c', 'd')).toBeCloseTo(first, 12);
    expect(at('a', 'b')).toBeCloseTo(first, 12);
    expect(at('a', 'c')).toBeCloseTo(first, 12);
    for (const [a, b] of [['b', 'c'], ['a', 'd'], ['b', 'd']] as const) expect(at(a, b)).toBeCloseTo(later, 12);
    expect([...alphas.values()].reduce((s, x) => s + x, 0)).toBeCloseTo(0.05, 12);
    // A fourth pair opened later gets the later share, however many results it has.
    const more = pairAlphas(four, [...results, ...games('b', 'c', 30, 0)]);
    expect(more.get('b\u0000c')).toBeCloseTo(later, 12);
    // Even allocation, or two agents: α/m.
    for (const v of pairAlphas({ ...four, allocation: 'even' }, results).values()) expect(v).toBeCloseTo(0.05 / 6, 12);
    expect(pairAlphas({ agents: ['a', 'b'], target: { type: 'separate' } }, []).get('a\u0000b')).toBeCloseTo(0.05, 12);
  });

  it('first plays the adjacent pairs of the listed order', () => {
    const d = adaptiveDecision(plan, []);
    expect(d.done).toBe(false);
    expect(d.pairs).toEqual([['a', 'b'], ['b', 'c']]);
  });

  it('stops when every adjacent pair is separated, and not one result earlier', () => {
    // The two adjacent pairs are the first opened: (1 − ε)·α/2 each. A clean sweep of n separates once its
    // half-width drops below ½.
    const n = observationsForHalfWidth(0.5, (0.8 * 0.05) / 2);
    const sweeps = (k: number) => [...games('a', 'b', k, 0), ...games('b', 'c', k, 0)];
    const before = adaptiveDecision(plan, sweeps(n - 1));
    expect(before.done).toBe(false);
    expect(before.pairs).toEqual([['a', 'b'], ['b', 'c']]);
    const at = adaptiveDecision(plan, sweeps(n));
    expect(at.done).toBe(true);
    expect(at.order).toEqual(['a', 'b', 'c']);
    expect(at.pairs).toEqual([]);
  });

  it('ranks by results and asks only for the neighbours still in doubt', () => {
    // c beats everyone clearly; a and b are even: the order is c, then a and b in doubt.
    const results = [...games('c', 'a', 40, 0), ...games('c', 'b', 40, 0), ...games('a', 'b', 10, 10)];
    const d = adaptiveDecision(plan, results);
    expect(d.order[0]).toBe('c');
    expect(d.done).toBe(false);
    expect(d.pairs).toEqual([['a', 'b']]);
  });

  it('reads results in either seat order and counts draws as half', () => {
    const d = adaptiveDecision({ agents: ['a', 'b'], target: { type: 'separate' } }, [...games('b', 'a', 3, 1, 2)]);
    const ab = d.intervals[0];
    expect(ab?.n).toBe(6);
    expect(ab?.mean).toBeCloseTo(2 / 6, 12);
    expect(d.order).toEqual(['b', 'a']);
  });

  it('precision: stops when the named agent is known to ±elo against each opponent', () => {
    const p: AdaptivePlan = { agents: ['x', 'y', 'z'], target: { type: 'precision', agent: 'x', elo: 100 } };
    expect(adaptiveDecision(p, []).pairs).toEqual([['x', 'y'], ['x', 'z']]);
    const even = (k: number) => [...games('x', 'y', k, k), ...games('x', 'z', k, k)];
    let k = 1;
    while (!adaptiveDecision(p, even(k)).done) k++;
    const d = adaptiveDecision(p, even(k));
    for (const i of d.intervals) expect(eloHalfWidth(i)).toBeLessThanOrEqual(100);
    expect(adaptiveDecision(p, even(k - 1)).intervals.some((i) => eloHalfWidth(i) > 100)).toBe(true);
  });

  it('names targets that cannot be reached', () => {
    expect(unreachable(plan, 10)).toMatch(/cannot be done within 10 matches/);
    expect(unreachable(plan, 10_000)).toBeUndefined();
    expect(unreachable({ agents: ['x', 'y'], target: { type: 'precision', agent: 'x', elo: 1 } }, 5000)).toMatch(/cannot be reached within 5000 matches/);
    expect(unreachable({ agents: ['x', 'y'], target: { type: 'precision', agent: 'q', elo: 50 } }, 5000)).toMatch(/not one of the agents/);
    expect(unreachable({ agents: ['x'], target: { type: 'separate' } }, 5000)).toMatch(/at least two agents/);
  });
});

describe('optional stopping, simulated', () => {
  const elo = { a: 300, b: 200, c: 100, d: 0 };
  const agents = Object.keys(elo);

  it('the anytime-valid intervals cover the truth in ≥ 95% of adaptive runs; naive re-testing after each batch does not', () => {
    const anytime = simulateMany({ elo, plan: { agents, target: { type: 'separate' } }, schedule: 'adaptive', maxMatches: 5000 }, 60, 1);
    const naive = simulateMany({ elo, plan: { agents, target: { type: 'separate' }, method: 'naive' }, schedule: 'adaptive', maxMatches: 5000 }, 300, 1);
    expect(anytime.coverage).toBeGreaterThanOrEqual(0.95);
    expect(anytime.reached).toBe(1);
    expect(naive.coverage).toBeLessThan(0.95);
  });

  it('with α allocated by opening order the intervals still cover when the agents are listed in a random order', () => {
    const shuffled = simulateMany({ elo, plan: { agents, target: { type: 'separate' } }, schedule: 'adaptive', maxMatches: 5000, shuffle: true }, 60, 1);
    expect(shuffled.coverage).toBeGreaterThanOrEqual(0.95);
    expect(shuffled.reached).toBe(1);
  });

  it('allocating α by opening order needs fewer matches than splitting it evenly (same runs, same confidence)', () => {
    const opened = simulateMany({ elo, plan: { agents, target: { type: 'separate' } }, schedule: 'adaptive', maxMatches: 5000 }, 30, 1);
    const even = simulateMany({ elo, plan: { agents, target: { type: 'separate' }, allocation: 'even' }, schedule: 'adaptive', maxMatches: 5000 }, 30, 1);
    expect(opened.meanMatches).toBeLessThan(even.meanMatches);
    expect(opened.correctOrder).toBe(1);
  });

  it('the same seed gives the same adaptive run', () => {
    const input = { elo, plan: { agents, target: { type: 'separate' } as const }, schedule: 'adaptive' as const, seed: 7 };
    expect(simulateTournament(input)).toEqual(simulateTournament(input));
  });
});

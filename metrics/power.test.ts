import { describe, expect, it } from 'vitest';
import { eloWinProbability, matchesToSeparate } from './power.js';

describe('power planning', () => {
  it('matches the textbook two-proportion sample size', () => {
    // p1 = 0.6, p2 = 0.4, α = 0.05, power 0.8: z = 1.95996, 0.84162; p̄ = 0.5
    // n = (1.95996·√0.5 + 0.84162·√0.48)² / 0.04 = (1.38590 + 0.58309)² / 0.04 = 96.9 → 97
    expect(matchesToSeparate({ p1: 0.6, p2: 0.4 }).matchesPerAgent).toBe(97);
  });

  it('needs more matches for closer rates, more power or more confidence', () => {
    const base = matchesToSeparate({ p1: 0.55, p2: 0.45 }).matchesPerAgent;
    expect(matchesToSeparate({ p1: 0.52, p2: 0.48 }).matchesPerAgent).toBeGreaterThan(base);
    expect(matchesToSeparate({ p1: 0.55, p2: 0.45, power: 0.95 }).matchesPerAgent).toBeGreaterThan(base);
    expect(matchesToSeparate({ p1: 0.55, p2: 0.45, confidence: 0.99 }).matchesPerAgent).toBeGreaterThan(base);
  });

  it('converts Elo gaps to win probabilities', () => {
    expect(eloWinProbability(0)).toBe(0.5);
    expect(eloWinProbability(400)).toBeCloseTo(10 / 11, 12);
    expect(eloWinProbability(-400)).toBeCloseTo(1 / 11, 12);
  });

  it('rejects impossible inputs', () => {
    expect(() => matchesToSeparate({ p1: 0.5, p2: 0.5 })).toThrow(/equal/);
    expect(() => matchesToSeparate({ p1: 1.5, p2: 0.5 })).toThrow(/\[0, 1\]/);
  });
});

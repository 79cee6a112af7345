import { describe, expect, it } from 'vitest';
import { coverageOf } from './coverage.js';

describe('coverageOf', () => {
  it('counts each agent’s scored matches per game and its games', () => {
    const c = coverageOf(
      new Map([
        ['g2', [{ a: 'x', b: 'y', score: 1 }, { a: 'x', b: 'x', score: 0.5 }]],
        ['g1', [{ a: 'y', b: 'z', score: 0 }]],
      ]),
    );
    expect(c.games).toEqual(['g1', 'g2']);
    expect(c.agents).toEqual([
      { agent: 'x', games: 1, matches: 2, byGame: { g2: 2 } },
      { agent: 'y', games: 2, matches: 2, byGame: { g2: 1, g1: 1 } },
      { agent: 'z', games: 1, matches: 1, byGame: { g1: 1 } },
    ]);
  });
});

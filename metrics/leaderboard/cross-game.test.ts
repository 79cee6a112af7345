import { describe, expect, it } from 'vitest';
import { bradleyTerryRatings } from '../ratings/bradley-terry.js';
import type { Pairing } from '../ratings/types.js';
import { components, crossGameCoverage, crossGamePairings } from './cross-game.js';

const p = (a: string, b: string, score = 1): Pairing => ({ a, b, score });

describe('crossGameCoverage', () => {
  it('leaves out pools that meet only through one agent (hand-worked)', () => {
    // connect-four: random against x and y only; two plan games: random, p and q all meet. Agents in all three
    // games: random alone. {plan1, plan2} covers 3 agents × 2 games = 6 cells; connect-four alone 3 × 1 = 3.
    const byGame = new Map<string, Pairing[]>([
      ['c4', [p('random', 'x'), p('y', 'random')]],
      ['plan1', [p('random', 'p'), p('p', 'q'), p('q', 'random', 0)]],
      ['plan2', [p('p', 'random'), p('q', 'p', 0.5)]],
    ]);
    const c = crossGameCoverage(byGame);
    expect(c).toEqual({ agents: ['p', 'q', 'random'], games: ['plan1', 'plan2'], matches: { plan1: 3, plan2: 2 }, leftAgents: ['x', 'y'], leftGames: ['c4'] });
  });

  it('keeps only a group connected in every covered game (hand-worked)', () => {
    // g1 has two separate pairs {a,b} and {c,d}; g2 connects all four. Over both games only {a,b} (the tie of
    // equal groups goes to the first name) is connected in each: 2 × 2 = 4 cells, as many as g2 alone (4 × 1);
    // the tie goes to more games.
    const byGame = new Map<string, Pairing[]>([
      ['g1', [p('a', 'b'), p('c', 'd')]],
      ['g2', [p('a', 'b'), p('b', 'c'), p('c', 'd')]],
    ]);
    expect(crossGameCoverage(byGame)).toMatchObject({ agents: ['a', 'b'], games: ['g1', 'g2'], leftAgents: ['c', 'd'], leftGames: [] });
    // A third game that joins {c,d} to {a,b} in g1's place is not enough: g1 still splits them.
    expect(components(new Set(['a', 'b', 'c', 'd']), byGame.get('g1') ?? []).map((g) => g.join(''))).toEqual(['ab', 'cd']);
  });

  it('is null when no two agents meet in any game', () => {
    expect(crossGameCoverage(new Map([['g', []]]))).toBeNull();
    expect(crossGameCoverage(new Map())).toBeNull();
  });

  it('covers everything when every agent meets every other in every game', () => {
    const byGame = new Map<string, Pairing[]>([
      ['g1', [p('a', 'b'), p('b', 'c')]],
      ['g2', [p('c', 'a'), p('a', 'b')]],
    ]);
    expect(crossGameCoverage(byGame)).toMatchObject({ agents: ['a', 'b', 'c'], games: ['g1', 'g2'], leftAgents: [], leftGames: [] });
  });
});

describe('crossGamePairings', () => {
  it('weighs every game equally whatever its match count', () => {
    // g1: 4 matches, g2: 1 match; N = 5, G = 2: g1 matches weigh 5/8 each, g2's 5/2, so each game counts 2.5.
    const byGame = new Map<string, Pairing[]>([
      ['g1', [p('a', 'b'), p('a', 'b'), p('a', 'b'), p('a', 'b')]],
      ['g2', [p('b', 'a')]],
    ]);
    const coverage = crossGameCoverage(byGame);
    if (!coverage) throw new Error('expected coverage');
    const pairs = crossGamePairings(byGame, coverage);
    expect(pairs.filter((x) => x.stratum === 'g1').map((x) => x.weight)).toEqual([0.625, 0.625, 0.625, 0.625]);
    expect(pairs.filter((x) => x.stratum === 'g2').map((x) => x.weight)).toEqual([2.5]);
    // a won all 4 of g1, b won g2's one: weighted equally the two games cancel, so a and b rate the same.
    const ratings = bradleyTerryRatings(pairs, { anchor: 'a', bootstrap: 0, prior: 0 });
    expect(ratings.find((r) => r.agent === 'b')?.rating).toBeCloseTo(1000, 6);
    // Unweighted, a's four wins outweigh b's one.
    const plain = bradleyTerryRatings([...(byGame.get('g1') ?? []), ...(byGame.get('g2') ?? [])], { anchor: 'a', bootstrap: 0 });
    expect(plain.find((r) => r.agent === 'b')?.rating).toBeLessThan(900);
  });
});

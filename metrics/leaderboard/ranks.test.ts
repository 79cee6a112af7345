import { describe, expect, it } from 'vitest';
import { rankRanges, rankText } from './ranks.js';

describe('rankRanges', () => {
  it('lets agents with overlapping intervals share ranks (hand-worked)', () => {
    // A [1100,1200] and B [1050,1150] overlap; C [900,1000] lies below both and above D [700,850].
    const ranks = rankRanges([
      { agent: 'A', rating: 1150, lo: 1100, hi: 1200 },
      { agent: 'B', rating: 1100, lo: 1050, hi: 1150 },
      { agent: 'C', rating: 950, lo: 900, hi: 1000 },
      { agent: 'D', rating: 800, lo: 700, hi: 850 },
    ]);
    expect(Object.fromEntries([...ranks].map(([a, r]) => [a, rankText(r)]))).toEqual({ A: '1–2', B: '1–2', C: '3', D: '4' });
  });

  it('chains overlaps without making them transitive', () => {
    // A [10,20] overlaps B [15,30]; B overlaps C [25,40]; A and C do not overlap.
    const ranks = rankRanges([
      { agent: 'C', rating: 30, lo: 25, hi: 40 },
      { agent: 'B', rating: 20, lo: 15, hi: 30 },
      { agent: 'A', rating: 15, lo: 10, hi: 20 },
    ]);
    expect(ranks.get('C')).toEqual({ best: 1, worst: 2 });
    expect(ranks.get('B')).toEqual({ best: 1, worst: 3 });
    expect(ranks.get('A')).toEqual({ best: 2, worst: 3 });
  });

  it('ranks ±∞ at the ends, leaves unlinked agents unranked and out of the count', () => {
    const ranks = rankRanges([
      { agent: 'top', rating: Infinity, lo: Infinity, hi: Infinity },
      { agent: 'mid', rating: 1000, lo: 900, hi: 1100 },
      { agent: 'lost', rating: Number.NaN, lo: Number.NaN, hi: Number.NaN },
      { agent: 'bottom', rating: -Infinity, lo: -Infinity, hi: -Infinity },
    ]);
    expect(ranks.get('top')).toEqual({ best: 1, worst: 1 });
    expect(ranks.get('mid')).toEqual({ best: 2, worst: 2 });
    expect(ranks.get('bottom')).toEqual({ best: 3, worst: 3 });
    expect(ranks.get('lost')).toBeNull();
    expect(rankText(null)).toBe('—');
  });

  it('treats an interval end that diverged as unbounded on that side', () => {
    const ranks = rankRanges([
      { agent: 'x', rating: 1200, lo: 1000, hi: Infinity },
      { agent: 'y', rating: 1100, lo: 1050, hi: 1150 },
    ]);
    expect(ranks.get('x')).toEqual({ best: 1, worst: 2 });
    expect(ranks.get('y')).toEqual({ best: 1, worst: 2 });
  });
});

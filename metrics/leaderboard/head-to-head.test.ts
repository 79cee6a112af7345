import { describe, expect, it } from 'vitest';
import { headToHead, predictedWin } from './head-to-head.js';

describe('headToHead', () => {
  it('gives pairwise scores, counts, Wilson intervals and the ratings’ prediction (hand-worked)', () => {
    // x beat y twice and drew once (score 2.5 / 3); y and z never met; z lost to x once.
    const h = headToHead(
      [
        { a: 'x', b: 'y', score: 1 },
        { a: 'y', b: 'x', score: 0 },
        { a: 'x', b: 'y', score: 0.5 },
        { a: 'z', b: 'x', score: 0 },
      ],
      [
        { agent: 'x', rating: 1200 },
        { agent: 'y', rating: 1000 },
        { agent: 'z', rating: Number.NaN },
      ],
    );
    expect(h.agents).toEqual(['x', 'y', 'z']);
    const cell = (a: string, b: string) => h.cells.find((c) => c.a === a && c.b === b);
    expect(cell('x', 'y')).toMatchObject({ matches: 3, score: 2.5 / 3 });
    expect(cell('y', 'x')?.score).toBeCloseTo(0.5 / 3, 12);
    // 200 points apart: 1 / (1 + 10^(−0.5)) = 0.7597...
    expect(cell('x', 'y')?.predicted).toBeCloseTo(0.759747, 5);
    expect(cell('y', 'x')?.predicted).toBeCloseTo(1 - 0.759747, 5);
    expect(cell('y', 'z')).toEqual({ a: 'y', b: 'z', matches: 0, score: null, lo: null, hi: null, predicted: null });
    expect(cell('x', 'z')).toMatchObject({ matches: 1, score: 1, predicted: null });
    // a perfect score still has a non-degenerate interval
    expect(cell('x', 'z')?.lo).toBeLessThan(1);
    expect(h.cells).toHaveLength(6);
  });

  it('predicts ½ for equal ratings and nothing for unbounded ones', () => {
    expect(predictedWin(1000, 1000)).toBe(0.5);
    expect(predictedWin(Infinity, 1000)).toBeNull();
  });
});

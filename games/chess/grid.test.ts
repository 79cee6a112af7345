import { describe, expect, it } from 'vitest';
import { createChess } from './rules.js';
import { chessGrid, squareCell } from './grid.js';

describe('chess board grid', () => {
  it('shows the initial position with rank 8 on top and no highlight', () => {
    const g = chessGrid(createChess().initial(), null);
    expect(g.cells[0]).toEqual(['♜', '♞', '♝', '♛', '♚', '♝', '♞', '♜']);
    expect(g.cells[6]).toEqual(Array(8).fill('♙'));
    expect(g.cells[4]).toEqual(Array(8).fill(''));
    expect(g.sides?.[7]?.[4]).toBe(0);
    expect(g.sides?.[0]?.[4]).toBe(1);
    expect(g.rowLabels[0]).toBe('8');
    expect(g.colLabels[7]).toBe('h');
    expect(g.highlight).toEqual([]);
  });

  it('highlights the from and to squares of the last move', () => {
    const chess = createChess();
    const after = chess.apply(chess.initial(), 'g1f3');
    const g = chess.boardGrid?.(after, 'g1f3');
    expect(g?.highlight).toEqual([[7, 6], [5, 5]]);
    expect(g?.cells[5]?.[5]).toBe('♘');
    expect(g?.cells[7]?.[6]).toBe('');
  });

  it('maps square names and rejects anything else', () => {
    expect(squareCell('a8')).toEqual([0, 0]);
    expect(squareCell('h1')).toEqual([7, 7]);
    expect(squareCell('i9')).toBeNull();
    expect(squareCell('e')).toBeNull();
  });
});

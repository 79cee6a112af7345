import { describe, expect, it } from 'vitest';
import { createTicTacToe } from './rules.js';

describe('tic-tac-toe boardGrid', () => {
  it('marks the last move and the completed line', () => {
    const g = createTicTacToe();
    let s = g.initial();
    for (const cell of [0, 3, 1, 4]) s = g.apply(s, cell);
    const mid = g.boardGrid?.(s, 4);
    expect(mid?.cells).toEqual([['X', 'X', ''], ['O', 'O', ''], ['', '', '']]);
    expect(mid?.highlight).toEqual([[1, 1]]);
    expect(mid?.line).toBeUndefined();
    s = g.apply(s, 2);
    const end = g.boardGrid?.(s, 2);
    expect(end?.line).toEqual([[0, 0], [0, 1], [0, 2]]);
    expect(end?.highlight).toEqual([[0, 2]]);
  });
});

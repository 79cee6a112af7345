import { describe, expect, it } from 'vitest';
import { createConnectFour } from './rules.js';

describe('connect-four boardGrid', () => {
  it('marks the last disc (top row first) and the winning four', () => {
    const g = createConnectFour();
    let s = g.initial();
    // X plays column 1 four times, O column 2 in between: X wins vertically.
    for (const col of [0, 1, 0, 1, 0, 1]) s = g.apply(s, col);
    const mid = g.boardGrid?.(s, 1);
    expect(mid?.highlight).toEqual([[3, 1]]);
    expect(mid?.line).toEqual([]);
    s = g.apply(s, 0);
    const end = g.boardGrid?.(s, 0);
    expect(end?.cells[2]?.[0]).toBe('X');
    expect(end?.highlight).toEqual([[2, 0]]);
    expect(end?.line).toEqual([[5, 0], [4, 0], [3, 0], [2, 0]]);
    expect(end?.colLabels[0]).toBe('1');
    expect(end?.rowLabels).toEqual(['6', '5', '4', '3', '2', '1']);
  });
});

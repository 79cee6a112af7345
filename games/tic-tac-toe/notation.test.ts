import { describe, expect, it } from 'vitest';
import { cellName, parseCell } from './notation.js';

const cell = (text: string): number | string => {
  const r = parseCell(text);
  return r.ok ? cellName(r.cell) : r.code;
};

describe('tic-tac-toe notation', () => {
  it('names cells by column letter and row number from the top left', () => {
    expect([0, 2, 4, 6, 8].map(cellName)).toEqual(['a1', 'c1', 'b2', 'a3', 'c3']);
  });

  it.each([
    ['b2', 'b2'],
    ['B2', 'b2'],
    [' c3 ', 'c3'],
    ['2b', 'b2'],
    ['3A', 'a3'],
    ['b 2', 'b2'],
    ['"a1"', 'a1'],
    ['`c1`', 'c1'],
    ['**b3**', 'b3'],
    ['b2.', 'b2'],
    ['play b2', 'b2'],
    ['Move: c2', 'c2'],
    ['row 2 col 3', 'c2'],
    ['Row 1, Column 2', 'b1'],
    ['col 1 row 3', 'a3'],
    ['r3c1', 'a3'],
    ['(1,1)', 'a1'],
    ['(2, 3)', 'c2'],
    ['[3,2]', 'b3'],
    ['3 2', 'b3'],
    ['5', 'b2'],
    ['1', 'a1'],
    ['9', 'c3'],
    ['center', 'b2'],
    ['Centre', 'b2'],
    ['top left', 'a1'],
    ['top-right corner', 'c1'],
    ['bottom middle', 'b3'],
    ['middle left', 'a2'],
    ['left middle', 'a2'],
    ['I take b2 because it is the centre.', 'b2'],
    ['{"move":"b2"}', 'b2'],
  ])('reads %j as %s', (text, expected) => {
    expect(cell(text)).toBe(expected);
  });

  it.each([
    ['d1', 'move/out_of_range'],
    ['a4', 'move/out_of_range'],
    ['(0,1)', 'move/out_of_range'],
    ['(4,1)', 'move/out_of_range'],
    ['row 0 col 1', 'move/out_of_range'],
    ['10', 'move/out_of_range'],
    ['0', 'move/out_of_range'],
    ['', 'move/unparseable'],
    ['pass', 'move/unparseable'],
    ['b2 or a1', 'move/unparseable'],
    ['top', 'move/unparseable'],
  ])('rejects %j with %s', (text, code) => {
    expect(cell(text)).toBe(code);
  });

  it('explains a rejection in its reason', () => {
    const r = parseCell('b2 or a1');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('several cells');
  });
});

import { describe, expect, it } from 'vitest';
import { parseColumn } from './notation.js';

const col = (text: string, cols = 7): number | string => {
  const r = parseColumn(text, cols);
  return r.ok ? r.col + 1 : r.code;
};

describe('connect-four notation', () => {
  it.each([
    ['4', 4],
    [' 7 ', 7],
    ['column 4', 4],
    ['Column 1', 1],
    ['col 3', 3],
    ['col. 5', 5],
    ['COL4', 4],
    ['column #2', 2],
    ['column number 6', 6],
    ['(4)', 4],
    ['[3]', 3],
    ['"5"', 5],
    ['**4**', 4],
    ['4.', 4],
    ['play 4', 4],
    ['drop in column 6', 6],
    ['Move: 2', 2],
    ['4th column', 4],
    ['the 3rd column', 3],
    ['I drop a disc into column 5 to block the threat on row 2', 5],
    ['4 blocks the threat', 4],
    ['{"move": 4}', 4],
  ])('reads %j as column %i', (text, expected) => {
    expect(col(text)).toBe(expected);
  });

  it.each([
    ['0', 'move/out_of_range'],
    ['8', 'move/out_of_range'],
    ['column 9', 'move/out_of_range'],
    ['d', 'move/unparseable'],
    ['c4', 'move/unparseable'],
    ['', 'move/unparseable'],
    ['pass', 'move/unparseable'],
    ['3 or 4', 'move/unparseable'],
    ['column 3 then column 5', 'move/unparseable'],
    ['4.5', 'move/unparseable'],
  ])('rejects %j with %s', (text, code) => {
    expect(col(text)).toBe(code);
  });

  it('reads columns beyond 9 on wide boards', () => {
    expect(col('12', 12)).toBe(12);
    expect(col('column 10', 12)).toBe(10);
    expect(col('13', 12)).toBe('move/out_of_range');
  });

  it('says why a reply was rejected', () => {
    const r = parseColumn('3 or 4', 7);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('several columns');
    const off = parseColumn('8', 7);
    if (!off.ok) expect(off.reason).toContain('1-7');
  });
});

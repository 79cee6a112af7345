import type { BoardGrid } from '../core/move-game.js';
import { CELLS, LINES } from './board.js';

const cellOf = (i: number): [number, number] => [Math.floor(i / 3), i % 3];

/** The position as a 3x3 grid (row 1 on top, columns a-c), X side 0, the last move's cell and a winning line marked. */
export function ticTacToeGrid(state: { readonly marks: readonly [number, number] }, last: number | null): BoardGrid {
  const [x, o] = state.marks;
  const at = (i: number): 0 | 1 | null => ((x >> i) & 1 ? 0 : (o >> i) & 1 ? 1 : null);
  const rows = [0, 1, 2].map((r) => [0, 1, 2].map((c) => at(3 * r + c)));
  const won = LINES.find((line) => (x & line) === line || (o & line) === line);
  const line: [number, number][] = [];
  if (won !== undefined) for (let i = 0; i < CELLS; i++) if ((won >> i) & 1) line.push(cellOf(i));
  return {
    cells: rows.map((row) => row.map((v) => (v === 0 ? 'X' : v === 1 ? 'O' : ''))),
    sides: rows,
    rowLabels: ['1', '2', '3'],
    colLabels: ['a', 'b', 'c'],
    highlight: last === null ? [] : [cellOf(last)],
    ...(line.length ? { line } : {}),
  };
}

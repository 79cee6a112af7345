import type { BoardGrid } from '../core/move-game.js';
import { columnName } from './notation.js';
import type { ConnectFourState } from './state.js';

const DIRECTIONS: readonly (readonly [number, number])[] = [
  [0, 1],
  [1, 0],
  [1, 1],
  [1, -1],
];

/** Cells (row 0 = bottom) of the winner's longest run of four or more through the last disc; empty without one. */
function winningRun(state: ConnectFourState, at: readonly [number, number] | null): [number, number][] {
  if (state.winner === null || at === null) return [];
  const own = state.discs[state.winner];
  const has = (r: number, c: number) => r >= 0 && r < state.rows && c >= 0 && c < state.cols && (((own[r] ?? 0) >> c) & 1) === 1;
  for (const [dr, dc] of DIRECTIONS) {
    const run: [number, number][] = [[at[0], at[1]]];
    for (let k = 1; has(at[0] + k * dr, at[1] + k * dc); k++) run.push([at[0] + k * dr, at[1] + k * dc]);
    for (let k = 1; has(at[0] - k * dr, at[1] - k * dc); k++) run.unshift([at[0] - k * dr, at[1] - k * dc]);
    if (run.length >= 4) return run;
  }
  return [];
}

/**
 * The position as a grid (top row first, columns named as moves are), X discs side 0, the last disc and the
 * winning four marked.
 */
export function connectFourGrid(state: ConnectFourState, last: number | null): BoardGrid {
  const top = (r: number) => state.rows - 1 - r;
  const at = (r: number, c: number): 0 | 1 | null => ((((state.discs[0][r] ?? 0) >> c) & 1) === 1 ? 0 : (((state.discs[1][r] ?? 0) >> c) & 1) === 1 ? 1 : null);
  const sides = Array.from({ length: state.rows }, (_, i) => Array.from({ length: state.cols }, (_, c) => at(top(i), c)));
  const height = last === null ? 0 : (state.heights[last] ?? 0);
  const placed: [number, number] | null = last === null || height === 0 ? null : [height - 1, last];
  return {
    cells: sides.map((row) => row.map((v) => (v === 0 ? 'X' : v === 1 ? 'O' : ''))),
    sides,
    rowLabels: Array.from({ length: state.rows }, (_, i) => String(state.rows - i)),
    colLabels: Array.from({ length: state.cols }, (_, c) => columnName(c)),
    highlight: placed ? [[top(placed[0]), placed[1]]] : [],
    line: winningRun(state, placed).map(([r, c]) => [top(r), c] as [number, number]),
  };
}

import type { BoardGrid } from '../core/move-game.js';
import { positionOf } from './position.js';
import type { ChessState } from './state.js';

const GLYPHS: Readonly<Record<string, string>> = { K: '♔', Q: '♕', R: '♖', B: '♗', N: '♘', P: '♙', k: '♚', q: '♛', r: '♜', b: '♝', n: '♞', p: '♟' };
const FILES = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
const RANKS = ['8', '7', '6', '5', '4', '3', '2', '1'];

/** [row, column] of a square name (`e4`) on the grid with rank 8 on top; null for anything else. */
export function squareCell(square: string): [number, number] | null {
  const col = FILES.indexOf(square[0] ?? '');
  const row = RANKS.indexOf(square[1] ?? '');
  return square.length === 2 && col >= 0 && row >= 0 ? [row, col] : null;
}

/**
 * The position as an 8x8 grid of Unicode chess glyphs (rank 8 on top, files a to h), White's pieces side 0, with
 * the from and to squares of the last move (UCI, e.g. `e2e4`, `e7e8q`) highlighted.
 */
export function chessGrid(state: ChessState, last: string | null): BoardGrid {
  const rows = positionOf(state.fen).chess.board();
  const highlight = last === null ? [] : [squareCell(last.slice(0, 2)), squareCell(last.slice(2, 4))].filter((c): c is [number, number] => c !== null);
  return {
    cells: rows.map((row) => row.map((sq) => (sq ? (GLYPHS[sq.color === 'w' ? sq.type.toUpperCase() : sq.type] ?? '') : ''))),
    sides: rows.map((row) => row.map((sq) => (sq ? (sq.color === 'w' ? 0 : 1) : null))),
    rowLabels: RANKS,
    colLabels: FILES,
    highlight,
  };
}

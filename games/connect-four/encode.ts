import type { TensorEncoding } from '../core/move-game.js';
import type { ConnectFourState } from './state.js';

/** Inputs of the Connect Four verifier for a rows x cols board: two planes of cells plus a column one-hot. */
export function inputSize(rows: number, cols: number): number {
  return 2 * rows * cols + cols;
}

/**
 * Encodes the step (s, a) as the board after the move from the mover's point of view: plane 0 holds the mover's
 * discs (the new one included), plane 1 the opponent's, cell index r * cols + c with row 0 at the bottom; then a
 * one-hot of the column played. Written into `out` at `offset` (so a batch is one Float32Array).
 */
export function encodeStep(state: ConnectFourState, col: number, out: Float32Array, offset = 0): void {
  const { rows, cols } = state;
  const mover = state.ply & 1;
  const mine = state.discs[mover];
  const theirs = state.discs[1 - mover];
  const landing = state.heights[col] ?? rows;
  const cells = rows * cols;
  out.fill(0, offset, offset + inputSize(rows, cols));
  for (let r = 0; r < rows; r++) {
    const m = (mine?.[r] ?? 0) | (r === landing ? 1 << col : 0);
    const t = theirs?.[r] ?? 0;
    for (let c = 0; c < cols; c++) {
      if ((m >> c) & 1) out[offset + r * cols + c] = 1;
      else if ((t >> c) & 1) out[offset + cells + r * cols + c] = 1;
    }
  }
  out[offset + 2 * cells + col] = 1;
}

/** Encodes several moves of one state as a batch (row-major, one row per move). */
export function encodeMoves(state: ConnectFourState, cols: readonly number[]): Float32Array {
  const size = inputSize(state.rows, state.cols);
  const out = new Float32Array(size * cols.length);
  cols.forEach((c, i) => encodeStep(state, c, out, i * size));
  return out;
}

/** The left-right mirror as a permutation of the encoding: both planes' columns and the column one-hot reversed. */
export function mirrorPermutation(rows: number, cols: number): Int32Array {
  const cells = rows * cols;
  const perm = new Int32Array(inputSize(rows, cols));
  for (let plane = 0; plane < 2; plane++) {
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) perm[plane * cells + r * cols + c] = plane * cells + r * cols + (cols - 1 - c);
  }
  for (let c = 0; c < cols; c++) perm[2 * cells + c] = 2 * cells + (cols - 1 - c);
  return perm;
}

/** The tensor-encoding capability of a rows x cols Connect Four game (see `encodeStep`); its symmetry is the mirror. */
export function connectFourTensor(rows: number, cols: number): TensorEncoding<ConnectFourState, number> {
  return { name: 'mover-planes+column-one-hot', size: inputSize(rows, cols), encodeStep, symmetries: [mirrorPermutation(rows, cols)], grid: { channels: 2, rows, cols } };
}

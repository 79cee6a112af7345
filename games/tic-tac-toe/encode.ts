import type { TensorEncoding } from '../core/move-game.js';
import { CELLS } from './board.js';

/** The parts of a tic-tac-toe state the encoding reads (rules.ts's TicTacToeState). */
interface TicTacToeState {
  readonly marks: readonly [number, number];
  readonly ply: number;
}

/** Inputs per step: the mover's marks, the opponent's marks, and a one-hot of the cell played (3 x 9). */
export const TIC_TAC_TOE_INPUTS = 3 * CELLS;

/**
 * Encodes the step (s, a) as the board after the move from the mover's point of view: plane 0 the mover's marks
 * (the new one included), plane 1 the opponent's, plane 2 a one-hot of the cell played (cell 3 * row + col).
 */
export function encodeTicTacToeStep(state: TicTacToeState, cell: number, out: Float32Array, offset = 0): void {
  const mover = state.ply & 1;
  const mine = (state.marks[mover] ?? 0) | (1 << cell);
  const theirs = state.marks[1 - mover] ?? 0;
  out.fill(0, offset, offset + TIC_TAC_TOE_INPUTS);
  for (let i = 0; i < CELLS; i++) {
    if ((mine >> i) & 1) out[offset + i] = 1;
    else if ((theirs >> i) & 1) out[offset + CELLS + i] = 1;
  }
  out[offset + 2 * CELLS + cell] = 1;
}

/** The eight symmetries of the square as cell maps (cell -> image), identity first. */
function squareSymmetries(): number[][] {
  const rot = (i: number): number => 3 * (i % 3) + (2 - Math.floor(i / 3));
  const flip = (i: number): number => 3 * Math.floor(i / 3) + (2 - (i % 3));
  const maps: number[][] = [];
  for (let f = 0; f < 2; f++) {
    for (let r = 0; r < 4; r++) {
      maps.push(
        Array.from({ length: CELLS }, (_, i) => {
          let c = f ? flip(i) : i;
          for (let k = 0; k < r; k++) c = rot(c);
          return c;
        }),
      );
    }
  }
  return maps;
}

/** The seven non-identity symmetries of the board as permutations of the encoding (each plane mapped alike). */
export function ticTacToeSymmetries(): Int32Array[] {
  return squareSymmetries()
    .slice(1)
    .map((map) => {
      const perm = new Int32Array(TIC_TAC_TOE_INPUTS);
      // y[image] = x[cell]: the mark on `cell` moves to `map[cell]`.
      for (let plane = 0; plane < 3; plane++) for (let i = 0; i < CELLS; i++) perm[plane * CELLS + (map[i] as number)] = plane * CELLS + i;
      return perm;
    });
}

/** The tensor-encoding capability of tic-tac-toe (see `encodeTicTacToeStep`), with the board's eight symmetries. */
export const ticTacToeTensor: TensorEncoding<TicTacToeState, number> = {
  name: 'mover-planes+cell-one-hot',
  size: TIC_TAC_TOE_INPUTS,
  encodeStep: encodeTicTacToeStep,
  symmetries: ticTacToeSymmetries(),
};

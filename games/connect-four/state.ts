/**
 * A Connect Four position. `discs[p][r]` is player p's row word: bit c set when p has a disc at row r (0 is the
 * bottom) and column c (0 is the left). Plain JSON, so it is also the boardgame.io `G`.
 */
export interface ConnectFourState {
  readonly rows: number;
  readonly cols: number;
  readonly discs: readonly [readonly number[], readonly number[]];
  readonly heights: readonly number[];
  readonly ply: number;
  /** The player who connected four, or null. */
  readonly winner: 0 | 1 | null;
}

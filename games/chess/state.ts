/**
 * A chess position with what the draw rules need: the FEN, the start FEN and the moves since then in SAN (PGN
 * export, prompts) and UCI (engines see the history, so they know about repetitions), and the repetition keys of the positions since the last capture or pawn move (threefold repetition).
 */
export interface ChessState {
  readonly start: string;
  readonly fen: string;
  readonly san: readonly string[];
  readonly uci: readonly string[];
  readonly seen: readonly string[];
}

export interface ChessParams {
  /** Plies after which the game ends as a draw. */
  readonly plies: number;
  /** Start position: −1 a book opening drawn per game from the match seed, 0 the initial position, 1.. a book index. */
  readonly opening: number;
  /** 1: prompts list the legal moves; 0: they do not. */
  readonly legalMoves: 0 | 1;
}

/** Bounds of the ply cap parameter. */
export const CHESS_PLY_BOUNDS = { min: 1, max: 1000 } as const;

export const CHESS_DEFAULTS: ChessParams = { plies: 200, opening: -1, legalMoves: 1 };

import { halfmoveClock, positionOf, repetitionKey } from './position.js';
import type { ChessState } from './state.js';

/** Why a game ended: checkmate, stalemate, insufficient material, fifty moves, threefold repetition or the ply cap. */
export type ChessEnd = 'checkmate' | 'stalemate' | 'insufficient_material' | 'fifty_moves' | 'threefold_repetition' | 'ply_cap';

/** Why the game in `state` is over, or null while it runs (checkmate takes precedence over the draw rules). */
export function chessEnd(state: ChessState, plies: number): ChessEnd | null {
  const { chess, moves } = positionOf(state.fen);
  if (moves.length === 0) return chess.inCheck() ? 'checkmate' : 'stalemate';
  if (chess.isInsufficientMaterial()) return 'insufficient_material';
  if (halfmoveClock(state.fen) >= 100) return 'fifty_moves';
  const key = repetitionKey(state.fen);
  if (state.seen.filter((k) => k === key).length >= 3) return 'threefold_repetition';
  if (state.san.length >= plies) return 'ply_cap';
  return null;
}


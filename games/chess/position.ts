import { Chess, type Move } from 'chess.js';

/** FEN of the standard initial position. */
export const START_FEN = 'rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1';

interface Position {
  readonly chess: Chess;
  readonly moves: readonly Move[];
}

const cache = new Map<string, Position>();
const CACHE_LIMIT = 50_000;

/**
 * The chess.js position of a FEN with its legal moves (verbose, in chess.js order), memoised: a state is a FEN
 * value, and generating moves is the expensive part of every pure method. The cache is dropped whole when full.
 */
export function positionOf(fen: string): Position {
  const hit = cache.get(fen);
  if (hit) return hit;
  const chess = new Chess(fen);
  const position = { chess, moves: chess.moves({ verbose: true }) };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(fen, position);
  return position;
}

/** UCI notation of a move: from, to and the promotion piece (`e7e8q`); castling is the king's move (`e1g1`). */
export function uciOf(move: Pick<Move, 'from' | 'to' | 'promotion'>): string {
  return `${move.from}${move.to}${move.promotion ?? ''}`;
}

/** The part of a FEN that decides repetition: placement, side to move, castling rights and en-passant square. */
export function repetitionKey(fen: string): string {
  return fen.split(' ').slice(0, 4).join(' ');
}

/** The half-move clock of a FEN (plies since the last capture or pawn move). */
export function halfmoveClock(fen: string): number {
  return Number(fen.split(' ')[4] ?? 0);
}

/** Checks a FEN with chess.js; returns the error text or null. */
export function fenError(fen: string): string | null {
  try {
    new Chess(fen);
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

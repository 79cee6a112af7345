import type { Move } from 'chess.js';
import type { MoveGame } from '../core/move-game.js';
import { stockfishEngine } from './engine.js';
import { parseChessMove } from './notation.js';
import { openingFen, OPENING_LINES } from './openings.js';
import { halfmoveClock, positionOf, repetitionKey, uciOf } from './position.js';
import type { ChessParams, ChessState } from './state.js';
import { chessRules, renderChess } from './text.js';

export type { ChessParams, ChessState } from './state.js';

export const CHESS_VERSION = 1;
export const CHESS_DEFAULTS: ChessParams = { plies: 200, opening: 0, legalMoves: 1 };
export const CHESS_PLY_BOUNDS = { min: 10, max: 1000 } as const;
export const CHESS_OPENING_BOUNDS = { min: 0, max: OPENING_LINES.length - 1 } as const;

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

/** A state at a FEN with no history. */
export function chessStateAt(fen: string): ChessState {
  return { start: fen, fen, san: [], uci: [], seen: [repetitionKey(fen)] };
}

function findMove(state: ChessState, uci: string): Move | undefined {
  return positionOf(state.fen).moves.find((m) => uciOf(m) === uci);
}

/** Plays a legal chess.js move: the next FEN, its SAN appended, repetition keys restarted after an irreversible move. */
export function applyMove(state: ChessState, move: Move): ChessState {
  const key = repetitionKey(move.after);
  const irreversible = move.piece === 'p' || move.captured !== undefined;
  return { start: state.start, fen: move.after, san: [...state.san, move.san], uci: [...state.uci, uciOf(move)], seen: irreversible ? [key] : [...state.seen, key] };
}

/**
 * The pure rules of chess on chess.js. Actions are UCI strings (`g1f3`, `e7e8q`; castling is the king's move);
 * the canonical notation shown to players is SAN. White is player 0.
 */
export function createChess(params: Partial<ChessParams> = {}): MoveGame<ChessState, string> {
  const p: ChessParams = { ...CHESS_DEFAULTS, ...params };
  const initial = chessStateAt(openingFen(p.opening));
  const end = (state: ChessState): ChessEnd | null => chessEnd(state, p.plies);
  return {
    family: 'move',
    id: 'chess',
    version: CHESS_VERSION,
    title: 'Chess',
    params: { plies: p.plies, opening: p.opening, legal_moves: p.legalMoves },
    legalMovesShown: p.legalMoves === 1,
    initial: () => initial,
    toMove: (state) => (state.fen.split(' ')[1] === 'b' ? 1 : 0),
    legalActions: (state) => (end(state) === null ? positionOf(state.fen).moves.map(uciOf) : []),
    apply(state, action) {
      const move = end(state) === null ? findMove(state, action) : undefined;
      if (!move) throw new RangeError(`illegal chess move ${action} in ${state.fen}`);
      return applyMove(state, move);
    },
    isTerminal: (state) => end(state) !== null,
    outcome(state) {
      const why = end(state);
      if (why === null) return null;
      if (why !== 'checkmate') return [0.5, 0.5];
      return state.fen.split(' ')[1] === 'b' ? [1, 0] : [0, 1];
    },
    actionText: (state, action) => findMove(state, action)?.san ?? action,
    parseAction(state, text) {
      if (end(state) !== null) return { ok: false, code: 'move/game_over', reason: 'the game is already over' };
      const parsed = parseChessMove(text, positionOf(state.fen).moves);
      return parsed.ok ? { ok: true, action: uciOf(parsed.move) } : parsed;
    },
    renderBoard: renderChess,
    rulesText: () => chessRules(p),
    key: (state) => state.fen,
    engine: stockfishEngine,
  };
}

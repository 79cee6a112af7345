import type { Move } from 'chess.js';
import type { MoveGame } from '../core/move-game.js';
import { createRng } from '../core/rng.js';
import { stockfishEngine } from './engine.js';
import { pgnFormat } from './pgn.js';
import { parseChessMove } from './notation.js';
import { openingFen, OPENING_LINES } from './openings.js';
import { chessEnd } from './end.js';
import { chessGrid } from './grid.js';
import { positionOf, repetitionKey, uciOf } from './position.js';
import { CHESS_DEFAULTS, type ChessParams, type ChessState } from './state.js';
import { CHESS_MOVE_NOTATION, chessRules, renderChess } from './text.js';

export type { ChessParams, ChessState } from './state.js';
export { CHESS_DEFAULTS, CHESS_PLY_BOUNDS } from './state.js';
export { chessEnd, type ChessEnd } from './end.js';

export const CHESS_VERSION = 1;
/** `opening` values: RANDOM_OPENING draws a book opening per game from the match seed, 0 the initial position, 1.. a book index. */
export const RANDOM_OPENING = -1;
export const CHESS_OPENING_BOUNDS = { min: RANDOM_OPENING, max: OPENING_LINES.length - 1 } as const;

/** The book opening (1..15, never the initial position) a seed draws. */
export function seededOpening(seed: number): number {
  return createRng(seed).int(1, OPENING_LINES.length - 1);
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
  const starts = new Map<number, ChessState>();
  const startAt = (index: number): ChessState => {
    let state = starts.get(index);
    if (!state) starts.set(index, (state = chessStateAt(openingFen(index))));
    return state;
  };
  const random = p.opening === RANDOM_OPENING;
  const end = (state: ChessState): ReturnType<typeof chessEnd> => chessEnd(state, p.plies);
  return {
    family: 'move',
    id: 'chess',
    version: CHESS_VERSION,
    title: 'Chess',
    params: { plies: p.plies, opening: p.opening, legal_moves: p.legalMoves },
    legalMovesShown: p.legalMoves === 1,
    // A random opening draws a book position per seed; without a seed (perft, viewers of a bare position) it is
    // the initial position.
    initial: (seed) => startAt(random ? (seed === undefined ? 0 : seededOpening(seed)) : p.opening),
    seededStart: random,
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
    rulesText: (options) => chessRules(p, options?.legalShown),
    moveNotation: CHESS_MOVE_NOTATION,
    key: (state) => state.fen,
    engine: stockfishEngine,
    record: pgnFormat(p.plies),
    boardGrid: chessGrid,
  };
}

import { Chess } from 'chess.js';
import type { GameRecordFormat, RecordedGame } from '../core/move-game.js';
import { OPENING_LINES, openingFen } from './openings.js';
import { START_FEN, uciOf } from './position.js';
import { chessEnd } from './end.js';
import { CHESS_DEFAULTS, CHESS_PLY_BOUNDS, type ChessState } from './state.js';

/** PGN result of a state: `1-0`, `0-1`, `1/2-1/2`, or `*` while the game runs (by the rules at `plies`). */
function resultOf(state: ChessState, plies: number): string {
  const end = chessEnd(state, plies);
  if (end === null) return '*';
  if (end !== 'checkmate') return '1/2-1/2';
  return state.fen.split(' ')[1] === 'b' ? '1-0' : '0-1';
}

/** The PGN of a game: the seven-tag roster first, then the given headers, the start FEN when not standard, the moves. */
export function writePgn(state: ChessState, headers: Readonly<Record<string, string>>, plies: number): string {
  const chess = new Chess(state.start);
  const roster: Record<string, string> = { Event: '?', Site: '?', Date: '????.??.??', Round: '?', White: '?', Black: '?', ...headers, Result: headers['Result'] ?? resultOf(state, plies) };
  for (const [k, v] of Object.entries(roster)) chess.setHeader(k, v);
  if (state.start !== START_FEN) {
    chess.setHeader('SetUp', '1');
    chess.setHeader('FEN', state.start);
  }
  for (const san of state.san) chess.move(san);
  return `${chess.pgn()}\n`;
}

/** Splits a PGN file into games: a game starts at a tag line that follows movetext (or the file's start). */
function splitGames(text: string): string[] {
  const games: string[] = [];
  let current: string[] = [];
  let inMoves = false;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const tag = line.trim().startsWith('[');
    if (tag && inMoves) {
      games.push(current.join('\n'));
      current = [];
      inMoves = false;
    }
    if (!tag && line.trim() !== '') inMoves = true;
    current.push(line);
  }
  if (current.join('').trim() !== '') games.push(current.join('\n'));
  return games;
}

/**
 * Reads every game of a PGN file. A game starts from the standard position or from one of the opening book's
 * positions (its FEN header), which becomes the `opening` parameter. Its `plies` parameter is the default cap (200)
 * when the game ends by the rules within it; otherwise (a resignation, a time loss, a longer game) the game's own
 * length, so that replaying it ends at its last move. A game chess.js cannot read is an error naming its number.
 */
export function readPgn(text: string): RecordedGame<string>[] {
  return splitGames(text).map((pgn, i) => {
    const chess = new Chess();
    try {
      chess.loadPgn(pgn);
    } catch (err) {
      throw new Error(`PGN game ${i + 1}: ${err instanceof Error ? err.message : String(err)}`);
    }
    const headers = chess.getHeaders();
    const start = headers['FEN'] ?? START_FEN;
    const opening = OPENING_LINES.findIndex((_l, k) => openingFen(k) === start);
    if (opening < 0) throw new Error(`PGN game ${i + 1}: starts from ${start}, which is neither the initial position nor an opening of the book (arena rules chess)`);
    const actions = chess.history({ verbose: true }).map(uciOf);
    const finished = chess.isGameOver() && actions.length <= CHESS_DEFAULTS.plies;
    const plies = finished ? CHESS_DEFAULTS.plies : Math.max(CHESS_PLY_BOUNDS.min, actions.length);
    if (actions.length > CHESS_PLY_BOUNDS.max) throw new Error(`PGN game ${i + 1}: ${actions.length} plies, more than the ${CHESS_PLY_BOUNDS.max} a game can have`);
    return { headers, params: { opening, plies }, actions };
  });
}

export function pgnFormat(plies: number): GameRecordFormat<ChessState, string> {
  return { name: 'pgn', write: (state, headers) => writePgn(state, headers, plies), read: readPgn };
}

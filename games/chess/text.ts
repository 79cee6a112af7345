import type { ChessParams, ChessState } from './state.js';
import { OPENING_LINES } from './openings.js';
import { positionOf } from './position.js';

/**
 * Text a language model reads: the rules (with every draw rule the game applies and how a move is written) and the
 * position as FEN, a board diagram, the moves so far in SAN and whose turn it is. The answer format is the prompt's.
 */
export function chessRules(p: ChessParams, legalShown?: boolean): string {
  // A seat's own legal_moves setting wins over the game parameter, which is the default.
  const shown = legalShown ?? p.legalMoves === 1;
  const opening = OPENING_LINES[p.opening];
  const start =
    p.opening < 0
      ? `a balanced opening position (one of ${OPENING_LINES.length - 1} main lines of well-known openings, drawn for this game; the position is given with each move request)`
      : p.opening === 0 || !opening
        ? 'the standard initial position'
        : `the position after ${opening.san} (${opening.name})`;
  return [
    'Standard chess (FIDE rules of play). The first player plays White and moves first; then the players alternate.',
    `The game starts from ${start}.`,
    'A player who checkmates the opponent wins. The game is a draw by stalemate, by insufficient material (no',
    'sequence of legal moves can lead to checkmate), when the same position occurs for the third time with the same',
    'player to move (threefold repetition, applied automatically), after fifty moves by each side without a capture',
    `or a pawn move (applied automatically), and after ${p.plies} plies (half-moves) in total if nobody has won by then.`,
    '',
    'Squares are named by file a-h (left to right from White\'s side) and rank 1-8 (White\'s first rank is 1).',
    'The board diagram shows rank 8 at the top: upper-case letters are White pieces, lower-case Black pieces',
    '(K king, Q queen, R rook, B bishop, N knight, P pawn), and . an empty square.',
    ...NOTATION_LINES,
    shown ? 'Every legal move is listed with the position.' : 'The legal moves are not listed: finding them is part of the task.',
  ].join('\n');
}

/** How a move is written, as the rules text states it (over two lines there). */
const NOTATION_LINES = [
  'Write a move in standard algebraic notation (SAN), e.g. Nf3, exd5, O-O, O-O-O, e8=Q, or in UCI notation (from',
  'square then to square, plus the promotion piece), e.g. g1f3, e7e8q. Check marks are optional.',
] as const;

/** The notation sentence of the rules in one line (`MoveGame.moveNotation`: the move's description in answer schemas). */
export const CHESS_MOVE_NOTATION = NOTATION_LINES.join(' ');

/** The diagram: ranks 8 to 1, files a to h, with labels. */
export function diagram(fen: string): string {
  const rows = positionOf(fen).chess.board();
  const lines = rows.map((row, i) => `${8 - i} ${row.map((sq) => (sq ? (sq.color === 'w' ? sq.type.toUpperCase() : sq.type) : '.')).join(' ')}`);
  return [...lines, '  a b c d e f g h'].join('\n');
}

/** SAN move list with move numbers, starting at the start position's move number and colour. */
export function numberedSan(start: string, san: readonly string[]): string {
  const [, turn = 'w', , , , full = '1'] = start.split(' ');
  let number = Number(full);
  let white = turn === 'w';
  const out: string[] = [];
  san.forEach((move, i) => {
    if (white) out.push(`${number}. ${move}`);
    else {
      out.push(i === 0 ? `${number}... ${move}` : move);
      number++;
    }
    white = !white;
  });
  return out.join(' ');
}

export function renderChess(state: ChessState): string {
  const toMove = state.fen.split(' ')[1] === 'b' ? 'Black' : 'White';
  const history = state.san.length > 0 ? numberedSan(state.start, state.san) : '(none yet)';
  return [`FEN: ${state.fen}`, diagram(state.fen), `Moves so far (SAN): ${history}`, `${toMove} to move.`].join('\n');
}

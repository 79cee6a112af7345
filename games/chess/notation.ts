import type { Move } from 'chess.js';
import { uciOf } from './position.js';

/**
 * Lenient reading of a chess move from a reply, with a reason code for every refusal:
 * - SAN with or without check marks, annotation glyphs or the `x` of captures: `Nf3`, `exd5`, `O-O`, `0-0-0`,
 *   `e8=Q+`, `e8Q`, `Nbd2`, `R1e2`; piece letters other than `B` may be lower case (`nf3`; `b` is a file);
 * - UCI and long algebraic: `g1f3`, `e7e8q`, `e2-e4`, `Ng1-f3`, `Ng1xf3`;
 * - move numbers and prose around the move: `12. Nf3`, `12... Nf6`, `I play Nf3 to develop.`, `**e4**`.
 * A text whose whole (trimmed) body is one move is read as that move; otherwise every token that reads as a move
 * is collected, and exactly one distinct legal move must be named.
 */
export type MoveParse =
  | { readonly ok: true; readonly move: Move }
  | { readonly ok: false; readonly code: 'move/unparseable' | 'move/illegal' | 'move/ambiguous'; readonly reason: string };

type TokenRead = { kind: 'move'; move: Move } | { kind: 'illegal'; token: string } | { kind: 'ambiguous'; token: string; options: string[] } | null;

const SQUARE_MOVE = /^([KQRBN])?([a-h])?([1-8])?x?([a-h][1-8])(?:=?([QRBN]))?$/;

/** Strips check marks, glyphs, a trailing full stop and hyphens between squares; unifies castling spellings. */
function clean(token: string): string {
  let t = token.replace(/^[`'"*_([{]+|[`'"*_)\]}.,;:!?]+$/g, '');
  t = t.replace(/[+#]+$/, '').replace(/[!?]+$/, '').replace(/[+#]+$/, '');
  if (/^[0oO]-[0oO](-[0oO])?$/.test(t)) return t.length > 3 ? 'O-O-O' : 'O-O';
  t = t.replace(/^([KQRBNkqrn]?[a-h][1-8])[-x:]([a-h][1-8])/, '$1$2');
  t = t.replace(/^([a-h][1-8][a-h][1-8])([qrbn])$/, (_m, sq: string, p: string) => `${sq}${p.toUpperCase()}`);
  t = t.replace(/^([kqrn])(?=[a-h1-8x])/, (p) => p.toUpperCase());
  return t;
}

function readToken(token: string, moves: readonly Move[]): TokenRead {
  const t = clean(token);
  if (t === 'O-O' || t === 'O-O-O') {
    const castle = moves.find((m) => (t === 'O-O' ? m.isKingsideCastle() : m.isQueensideCastle()));
    return castle ? { kind: 'move', move: castle } : { kind: 'illegal', token: t };
  }
  const m = SQUARE_MOVE.exec(t);
  if (!m) return null;
  const [, piece, file, rank, to, promotion] = m;
  const fromBoth = file !== undefined && rank !== undefined;
  const matches = moves.filter(
    (mv) =>
      mv.to === to &&
      (piece !== undefined ? mv.piece === piece.toLowerCase() : fromBoth || mv.piece === 'p') &&
      (file === undefined || mv.from[0] === file) &&
      (rank === undefined || mv.from[1] === rank) &&
      (promotion === undefined || mv.promotion === promotion.toLowerCase()),
  );
  if (matches.length === 1) return { kind: 'move', move: matches[0] as Move };
  if (matches.length === 0) return { kind: 'illegal', token: t };
  return { kind: 'ambiguous', token: t, options: matches.map((mv) => mv.san) };
}

function describe(read: Exclude<TokenRead, null | { kind: 'move' }>): MoveParse {
  if (read.kind === 'illegal') return { ok: false, code: 'move/illegal', reason: `${read.token} is not a legal move in this position` };
  return { ok: false, code: 'move/ambiguous', reason: `${read.token} could be ${read.options.join(' or ')}; name the move exactly` };
}

/** Reads one move of the position whose legal moves are `moves` from a reply text; never throws. */
export function parseChessMove(text: string, moves: readonly Move[]): MoveParse {
  const body = text.trim().replace(/^\d+\s*\.+\s*/, '');
  const whole = body.includes(' ') ? null : readToken(body, moves);
  if (whole) return whole.kind === 'move' ? { ok: true, move: whole.move } : describe(whole);
  const found = new Map<string, Move>();
  const refused: Exclude<TokenRead, null | { kind: 'move' }>[] = [];
  for (const raw of body.split(/[\s,;]+/)) {
    const token = raw.replace(/^\d+\.+/, '');
    if (!token) continue;
    const read = readToken(token, moves);
    if (read?.kind === 'move') found.set(uciOf(read.move), read.move);
    else if (read) refused.push(read);
  }
  if (found.size === 1) return { ok: true, move: [...found.values()][0] as Move };
  if (found.size > 1) {
    return { ok: false, code: 'move/ambiguous', reason: `the reply names several legal moves (${[...found.values()].map((m) => m.san).join(', ')}); name exactly one` };
  }
  const [first] = refused;
  if (first) return describe(first);
  return { ok: false, code: 'move/unparseable', reason: `could not read a move from '${text.trim().slice(0, 60)}'; write it in SAN (Nf3, exd5, O-O, e8=Q) or UCI (g1f3)` };
}

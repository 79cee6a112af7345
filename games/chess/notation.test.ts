import { describe, expect, it } from 'vitest';
import { chessStateAt, createChess } from './rules.js';

const game = createChess();
const start = game.initial();
// White to move: castling both ways, promotions on e8 and d8 (a capture), two knights that can reach d2 and d4.
const rich = chessStateAt('r2n2k1/4P3/8/8/8/1N3N2/P7/R3K2R w KQ - 0 1');
// After 1. e4 d5: White can capture on d5.
const scandi = chessStateAt('rnbqkbnr/ppp1pppp/8/3p4/4P3/8/PPPP1PPP/RNBQKBNR w KQkq d6 0 2');

function read(state: typeof start, text: string): string {
  const r = game.parseAction(state, text);
  return r.ok ? r.action : r.code;
}

describe('chess move parser: reply shapes', () => {
  it.each([
    // SAN
    ['Nf3', 'g1f3'],
    ['e4', 'e2e4'],
    ['Nf3+', 'g1f3'],
    ['Nf3!', 'g1f3'],
    ['Nf3!?', 'g1f3'],
    ['nf3', 'g1f3'],
    ['Ng1f3', 'g1f3'],
    ['Ng1-f3', 'g1f3'],
    ['Ngf3', 'g1f3'],
    ['N1f3', 'g1f3'],
    // UCI and long algebraic
    ['g1f3', 'g1f3'],
    ['e2e4', 'e2e4'],
    ['e2-e4', 'e2e4'],
    ['E2E4', 'move/unparseable'],
    // move numbers and prose
    ['1. e4', 'e2e4'],
    ['1.e4', 'e2e4'],
    ['1... e4', 'e2e4'],
    ['I play Nf3 to develop.', 'g1f3'],
    ['My move: e4', 'e2e4'],
    ['**Nf3**', 'g1f3'],
    ['`e4`', 'e2e4'],
    ['"Nf3"', 'g1f3'],
    ['Nf3.', 'g1f3'],
    ['(Nf3)', 'g1f3'],
    ['  Nf3  ', 'g1f3'],
    ['Best is 1. e4, the king pawn.', 'e2e4'],
    // refusals
    ['Nf4', 'move/illegal'],
    ['e5', 'move/illegal'],
    ['Ke2', 'move/illegal'],
    ['O-O', 'move/illegal'],
    ['resign', 'move/unparseable'],
    ['', 'move/unparseable'],
    ['I will play e4 or d4', 'move/ambiguous'],
    ['the knight', 'move/unparseable'],
  ])('start position: %j -> %s', (text, expected) => {
    expect(read(start, text)).toBe(expected);
  });

  it.each([
    ['O-O', 'e1g1'],
    ['0-0', 'e1g1'],
    ['o-o', 'e1g1'],
    ['O-O-O', 'e1c1'],
    ['0-0-0', 'e1c1'],
    ['e1g1', 'e1g1'],
    ['O-O+', 'e1g1'],
    ['exd8=Q+', 'e7d8q'],
    ['e7d8q', 'e7d8q'],
    ['e8=Q', 'e7e8q'],
    ['e8Q', 'e7e8q'],
    ['e7e8q', 'e7e8q'],
    ['e7e8n', 'e7e8n'],
    ['e8=N', 'e7e8n'],
    ['e8', 'move/ambiguous'],
    ['Nd2', 'move/ambiguous'],
    ['Nbd2', 'b3d2'],
    ['Nfd4', 'f3d4'],
    ['Nd4', 'move/ambiguous'],
    ['Rxa8', 'move/illegal'],
    ['Ra8', 'move/illegal'],
  ])('castling, promotion and ambiguity: %j -> %s', (text, expected) => {
    expect(read(rich, text)).toBe(expected);
  });

  it.each([
    ['exd5', 'e4d5'],
    ['exd5!!', 'e4d5'],
    ['ed5', 'e4d5'],
    ['e4xd5', 'e4d5'],
    ['e4d5', 'e4d5'],
    ['xd5', 'e4d5'],
  ])('captures: %j -> %s', (text, expected) => {
    expect(read(scandi, text)).toBe(expected);
  });

  it('says why a move is refused', () => {
    const illegal = game.parseAction(start, 'Nf4');
    expect(illegal).toEqual({ ok: false, code: 'move/illegal', reason: 'Nf4 is not a legal move in this position' });
    const ambiguous = game.parseAction(rich, 'Nd2');
    expect(ambiguous.ok === false && ambiguous.reason).toBe('Nd2 could be Nbd2 or Nfd2; name the move exactly');
  });

  it('a finished game refuses every move', () => {
    const mated = chessStateAt('rnb1kbnr/pppp1ppp/8/4p3/6Pq/5P2/PPPPP2P/RNBQKBNR w KQkq - 1 3');
    expect(read(mated, 'e4')).toBe('move/game_over');
  });

  it('reads back every legal move in its canonical SAN and in UCI', () => {
    for (const state of [start, rich, scandi]) {
      for (const a of game.legalActions(state)) {
        expect(read(state, game.actionText(state, a))).toBe(a);
        expect(read(state, a)).toBe(a);
      }
    }
  });
});

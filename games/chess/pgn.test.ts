import { Chess } from 'chess.js';
import { describe, expect, it } from 'vitest';
import { createChess } from './rules.js';
import { readPgn } from './pgn.js';

function play(opening: number, moves: string) {
  const game = createChess({ opening });
  let s = game.initial();
  for (const m of moves.split(' ')) {
    const p = game.parseAction(s, m);
    if (!p.ok) throw new Error(p.reason);
    s = game.apply(s, p.action);
  }
  return { game, s };
}

describe('PGN', () => {
  it('writes the seven-tag roster, the result by the rules and the moves; chess.js reads it back', () => {
    const { game, s } = play(0, 'f3 e5 g4 Qh4#');
    const pgn = game.record!.write(s, { White: 'a', Black: 'b', Date: '2026.01.02' });
    expect(pgn).toContain('[Result "0-1"]');
    expect(pgn).toContain('1. f3 e5 2. g4 Qh4# 0-1');
    const chess = new Chess();
    chess.loadPgn(pgn);
    expect(chess.fen()).toBe(s.fen);
    expect(chess.getHeaders()).toMatchObject({ White: 'a', Black: 'b', Date: '2026.01.02' });
  });

  it('round-trips a game from a book opening: FEN header, opening parameter and actions', () => {
    const { game, s } = play(1, 'Ba4 Nf6 O-O Be7');
    const pgn = game.record!.write(s, {});
    expect(pgn).toContain('[SetUp "1"]');
    const [read] = readPgn(pgn);
    expect(read?.params).toEqual({ opening: 1, plies: 4 });
    expect(read?.actions).toEqual(s.uci);
    expect(pgn).toContain('[Result "*"]');
  });

  it('reads several games; a finished game keeps the default cap, an unfinished one is capped at its length', () => {
    const text = [
      '[Event "x"]\n[White "w1"]\n[Black "b1"]\n[Result "0-1"]\n\n1. f3 e5 2. g4 Qh4# 0-1\n',
      '[Event "y"]\n[Result "1-0"]\n\n1. e4 e5 2. Nf3 Nc6 3. Bb5 a6 4. Ba4 1-0\n',
    ].join('\n');
    const games = readPgn(text);
    expect(games.map((g) => g.params)).toEqual([{ opening: 0, plies: 200 }, { opening: 0, plies: 7 }]);
    expect(games[0]?.headers['White']).toBe('w1');
    expect(games[1]?.actions).toEqual(['e2e4', 'e7e5', 'g1f3', 'b8c6', 'f1b5', 'a7a6', 'b5a4']);
  });

  it('a bad game or an unknown start position is an error naming the game', () => {
    expect(() => readPgn('[Event "x"]\n\n1. e4 e5 2. Ke3 *\n')).toThrow(/PGN game 1/);
    expect(() => readPgn('[SetUp "1"]\n[FEN "8/8/4k3/8/8/3RK3/8/8 w - - 0 1"]\n\n1. Rd1 *\n')).toThrow(/neither the initial position nor an opening/);
  });
});

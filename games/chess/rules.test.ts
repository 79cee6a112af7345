import { Client } from 'boardgame.io/client';
import { describe, expect, it } from 'vitest';
import type { MoveGame } from '../core/move-game.js';
import { chessDescriptor } from './descriptor.js';
import { chessBoardgame } from './game.js';
import { OPENING_LINES, openingFen } from './openings.js';
import { START_FEN } from './position.js';
import { chessEnd, chessStateAt, createChess, type ChessState } from './rules.js';

/** Leaf count of the move tree to `depth`, computed only through the move-game contract. */
function perft(game: MoveGame<ChessState, string>, state: ChessState, depth: number): number {
  if (depth === 0) return 1;
  const actions = game.legalActions(state);
  if (depth === 1) return actions.length;
  let n = 0;
  for (const a of actions) n += perft(game, game.apply(state, a), depth - 1);
  return n;
}

function play(game: MoveGame<ChessState, string>, moves: string, from = game.initial()): ChessState {
  let s = from;
  for (const text of moves.split(' ').filter(Boolean)) {
    const parsed = game.parseAction(s, text);
    if (!parsed.ok) throw new Error(`${text}: ${parsed.reason}`);
    s = game.apply(s, parsed.action);
  }
  return s;
}

describe('chess rules through the move-game contract', () => {
  const game = createChess();

  // Published perft counts (chessprogramming.org "Perft Results"): start position, Kiwipete, positions 3, 4 and 5.
  it.each([
    ['start', START_FEN, [20, 400, 8902]],
    ['kiwipete', 'r3k2r/p1ppqpb1/bn2pnp1/3PN3/1p2P3/2N2Q1p/PPPBBPPP/R3K2R w KQkq - 0 1', [48, 2039]],
    ['position 3', '8/2p5/3p4/KP5r/1R3p1k/8/4P1P1/8 w - - 0 1', [14, 191, 2812, 43238]],
    ['position 4', 'r3k2r/Pppp1ppp/1b3nbN/nP6/BBP1P3/q4N2/Pp1P2PP/R2Q1RK1 w kq - 0 1', [6, 264, 9467]],
    ['position 5', 'rnbq1k1r/pp1Pbppp/2p5/8/2B5/8/PPP1NnPP/RNBQK2R w KQ - 1 8', [44, 1486]],
  ] as const)('perft from %s equals the published counts', (_name, fen, counts) => {
    counts.forEach((expected, i) => expect(perft(game, chessStateAt(fen), i + 1)).toBe(expected));
  });

  it('checkmate wins for the mating side (fool\'s mate: Black wins)', () => {
    const s = play(game, 'f3 e5 g4 Qh4#');
    expect(game.isTerminal(s)).toBe(true);
    expect(game.outcome(s)).toEqual([0, 1]);
    expect(chessEnd(s, 200)).toBe('checkmate');
    expect(game.legalActions(s)).toEqual([]);
  });

  it('scholar\'s mate: White wins', () => {
    const s = play(game, 'e4 e5 Bc4 Nc6 Qh5 Nf6 Qxf7#');
    expect(game.outcome(s)).toEqual([1, 0]);
  });

  it('stalemate, insufficient material and the fifty-move rule are draws', () => {
    const stalemate = chessStateAt('7k/5Q2/6K1/8/8/8/8/8 b - - 0 1');
    expect(chessEnd(stalemate, 200)).toBe('stalemate');
    expect(game.outcome(stalemate)).toEqual([0.5, 0.5]);
    const bare = chessStateAt('8/8/4k3/8/8/3BK3/8/8 w - - 0 1');
    expect(chessEnd(bare, 200)).toBe('insufficient_material');
    const fifty = chessStateAt('8/8/4k3/8/8/3RK3/8/8 w - - 100 80');
    expect(chessEnd(fifty, 200)).toBe('fifty_moves');
    expect(chessEnd(chessStateAt('8/8/4k3/8/8/3RK3/8/8 w - - 99 80'), 200)).toBeNull();
  });

  it('threefold repetition is a draw on the third occurrence, not the second', () => {
    const twice = play(game, 'Nf3 Nf6 Ng1 Ng8');
    expect(game.isTerminal(twice)).toBe(false);
    const thrice = play(game, 'Nf3 Nf6 Ng1 Ng8', twice);
    expect(chessEnd(thrice, 200)).toBe('threefold_repetition');
    expect(game.outcome(thrice)).toEqual([0.5, 0.5]);
  });

  it('a capture or pawn move restarts the repetition count', () => {
    const s = play(game, 'Nf3 Nf6 Ng1 Ng8 e3 e6 Nf3 Nf6 Ng1 Ng8');
    expect(game.isTerminal(s)).toBe(false);
  });

  it('the ply cap ends the game as a draw and is stated in the rules text', () => {
    const capped = createChess({ plies: 10 });
    const s = play(capped, 'Nf3 Nf6 Nc3 Nc6 e3 e6 d3 d6 Be2 Be7');
    expect(capped.isTerminal(s)).toBe(true);
    expect(capped.outcome(s)).toEqual([0.5, 0.5]);
    expect(capped.rulesText()).toContain('after 10 plies');
  });

  it('apply never mutates and rejects illegal moves', () => {
    const s0 = game.initial();
    const copy = JSON.stringify(s0);
    game.apply(s0, 'e2e4');
    expect(JSON.stringify(s0)).toBe(copy);
    expect(() => game.apply(s0, 'e2e5')).toThrow(/illegal/);
  });

  it('every opening of the book is legal, and the opening parameter starts there', () => {
    for (let i = 0; i < OPENING_LINES.length; i++) {
      const g = createChess({ opening: i });
      expect(g.initial().fen).toBe(openingFen(i));
      expect(g.legalActions(g.initial()).length).toBeGreaterThan(0);
    }
    expect(createChess({ opening: 1 }).initial().fen).toBe('r1bqkbnr/1ppp1ppp/p1n5/1B2p3/4P3/5N2/PPPP1PPP/RNBQK2R w KQkq - 0 4');
    expect(createChess({ opening: 1 }).rulesText()).toContain('Ruy Lopez');
  });

  it('renders FEN, a diagram, the SAN history and whose turn', () => {
    const text = game.renderBoard(play(game, 'e4 e5 Nf3'));
    expect(text).toContain('FEN: rnbqkbnr/pppp1ppp/8/4p3/4P3/5N2/PPPP1PPP/RNBQKB1R b KQkq - 1 2');
    expect(text).toContain('8 r n b q k b n r');
    expect(text).toContain('1 R N B Q K B . R');
    expect(text).toContain('Moves so far (SAN): 1. e4 e5 2. Nf3');
    expect(text).toContain('Black to move.');
  });

  it('the legal_moves parameter decides whether prompts list the legal moves, and the rules text says so', () => {
    const hidden = chessDescriptor.create({ plies: 200, opening: 0, legal_moves: 0 }).rules;
    expect(hidden.legalMovesShown).toBe(false);
    expect(hidden.rulesText()).toContain('not listed');
    expect(game.legalMovesShown).toBe(true);
    expect(chessDescriptor.capabilities).toContain('engine');
  });

  it('the boardgame.io Game plays the pure rules and ends with the pure outcome', () => {
    const client = Client({ game: chessBoardgame(game) });
    for (const uci of ['f2f3', 'e7e5', 'g2g4', 'd8h4']) client.moves.play!(uci);
    const st = client.getState()!;
    expect(st.ctx.gameover).toEqual({ winner: '1' });
    const c2 = Client({ game: chessBoardgame(game) });
    c2.moves.play!('e2e5');
    expect(c2.getState()!.G).toEqual(game.initial());
  });
});

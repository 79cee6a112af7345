import type { Game } from 'boardgame.io';
import { INVALID_MOVE } from 'boardgame.io/core';
import type { MoveGame } from '../core/move-game.js';
import { createChess, type ChessState } from './rules.js';

/**
 * The boardgame.io Game of chess, built on the pure rules: `G` is the pure state (plain JSON, never mutated), the
 * one move `play(uci)` calls the pure `apply`, `endIf` reads the pure outcome and `ai.enumerate` lists the legal
 * moves. An illegal move is `INVALID_MOVE`.
 */
export function chessBoardgame(rules: MoveGame<ChessState, string> = createChess()): Game<ChessState> {
  return {
    name: rules.id,
    setup: () => rules.initial(),
    turn: { minMoves: 1, maxMoves: 1 },
    moves: {
      play: ({ G, ctx }, uci: string) => {
        if (String(rules.toMove(G)) !== ctx.currentPlayer || !rules.legalActions(G).includes(uci)) return INVALID_MOVE;
        return rules.apply(G, uci);
      },
    },
    endIf: ({ G }) => {
      const outcome = rules.outcome(G);
      if (!outcome) return undefined;
      return outcome[0] === outcome[1] ? { draw: true } : { winner: outcome[0] > outcome[1] ? '0' : '1' };
    },
    ai: {
      enumerate: (G) => rules.legalActions(G).map((uci) => ({ move: 'play', args: [uci] })),
    },
  };
}

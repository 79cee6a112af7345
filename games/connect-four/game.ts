import type { Game } from 'boardgame.io';
import { INVALID_MOVE } from 'boardgame.io/core';
import type { MoveGame } from '../core/move-game.js';
import { createConnectFour } from './rules.js';
import type { ConnectFourState } from './state.js';

/**
 * The boardgame.io Game of Connect Four, built on the pure rules: `G` is the pure state (plain JSON, never
 * mutated), the one move `play(col)` calls the pure `apply`, `endIf` reads the pure outcome and `ai.enumerate`
 * lists the pure legal actions. A full column is `INVALID_MOVE` (boardgame.io then leaves the state unchanged).
 */
export function connectFourBoardgame(rules: MoveGame<ConnectFourState, number> = createConnectFour()): Game<ConnectFourState> {
  return {
    name: rules.id,
    setup: () => rules.initial(),
    turn: { minMoves: 1, maxMoves: 1 },
    moves: {
      play: ({ G, ctx }, col: number) => {
        if (String(rules.toMove(G)) !== ctx.currentPlayer || !rules.legalActions(G).includes(col)) return INVALID_MOVE;
        return rules.apply(G, col);
      },
    },
    endIf: ({ G }) => {
      const outcome = rules.outcome(G);
      if (!outcome) return undefined;
      return outcome[0] === outcome[1] ? { draw: true } : { winner: outcome[0] > outcome[1] ? '0' : '1' };
    },
    ai: {
      enumerate: (G) => rules.legalActions(G).map((col) => ({ move: 'play', args: [col] })),
    },
  };
}

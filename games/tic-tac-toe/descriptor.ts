import type { Game } from 'boardgame.io';
import { moveCapabilities, type MoveGameDescriptor } from '../core/descriptor.js';
import type { MoveGame } from '../core/move-game.js';
import { ticTacToeBoardgame } from './game.js';
import { createTicTacToe, TIC_TAC_TOE_VERSION } from './rules.js';

const defaults = createTicTacToe() as MoveGame;

/** Tic-tac-toe as it registers itself: no parameters; small enough for the exact solver. */
export const ticTacToeDescriptor: MoveGameDescriptor = {
  family: 'move',
  id: defaults.id,
  version: TIC_TAC_TOE_VERSION,
  title: defaults.title,
  params: {},
  capabilities: moveCapabilities(defaults),
  create() {
    const rules = createTicTacToe();
    return { rules: rules as MoveGame, game: ticTacToeBoardgame(rules) as Game };
  },
};

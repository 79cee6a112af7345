import type { Game } from 'boardgame.io';
import { moveCapabilities, type MoveGameDescriptor } from '../core/descriptor.js';
import type { MoveGame } from '../core/move-game.js';
import { connectFourBoardgame } from './game.js';
import { createConnectFour, CONNECT_FOUR_DEFAULTS, CONNECT_FOUR_SIZE, CONNECT_FOUR_VERSION } from './rules.js';

const defaults = createConnectFour() as MoveGame;
const SIZE_DOC = `${CONNECT_FOUR_SIZE.min}-${CONNECT_FOUR_SIZE.max}`;

/** Connect Four as it registers itself: rows and cols with their bounds, and its capabilities. */
export const connectFourDescriptor: MoveGameDescriptor = {
  family: 'move',
  id: defaults.id,
  version: CONNECT_FOUR_VERSION,
  title: defaults.title,
  params: {
    rows: { default: CONNECT_FOUR_DEFAULTS.rows, ...CONNECT_FOUR_SIZE, doc: `rows of the grid (${SIZE_DOC})` },
    cols: { default: CONNECT_FOUR_DEFAULTS.cols, ...CONNECT_FOUR_SIZE, doc: `columns of the grid (${SIZE_DOC})` },
  },
  capabilities: moveCapabilities(defaults),
  create(params) {
    const rules = createConnectFour({ rows: params.rows ?? CONNECT_FOUR_DEFAULTS.rows, cols: params.cols ?? CONNECT_FOUR_DEFAULTS.cols });
    return { rules: rules as MoveGame, game: connectFourBoardgame(rules) as Game };
  },
};

import type { Game } from 'boardgame.io';
import { moveCapabilities, type MoveGameDescriptor } from '../core/descriptor.js';
import type { MoveGame } from '../core/move-game.js';
import { chessBoardgame } from './game.js';
import { CHESS_DEFAULTS, CHESS_OPENING_BOUNDS, CHESS_PLY_BOUNDS, CHESS_VERSION, createChess } from './rules.js';

const defaults = createChess() as MoveGame;

/** Chess as it registers itself: the ply cap, the opening and whether prompts list legal moves; an engine. */
export const chessDescriptor: MoveGameDescriptor = {
  family: 'move',
  id: defaults.id,
  version: CHESS_VERSION,
  title: defaults.title,
  params: {
    plies: { default: CHESS_DEFAULTS.plies, ...CHESS_PLY_BOUNDS, doc: 'plies after which the game is a draw' },
    opening: { default: CHESS_DEFAULTS.opening, ...CHESS_OPENING_BOUNDS, doc: `start position: -1 a balanced opening drawn per game pair from the match seed (both colours each), 0 the initial position, 1-${CHESS_OPENING_BOUNDS.max} one balanced opening (arena rules chess)` },
    legal_moves: { default: CHESS_DEFAULTS.legalMoves, min: 0, max: 1, doc: 'legal moves in the prompt: 1 shown, 0 hidden (the default for seats; an LLM seat\'s legal_moves setting wins)' },
  },
  capabilities: moveCapabilities(defaults),
  create(params) {
    const rules = createChess({
      plies: params.plies ?? CHESS_DEFAULTS.plies,
      opening: params.opening ?? CHESS_DEFAULTS.opening,
      legalMoves: params.legal_moves === 0 ? 0 : 1,
    });
    return { rules: rules as MoveGame, game: chessBoardgame(rules) as Game };
  },
};

import { autoBattlerDescriptor } from './auto-battler/index.js';
import { chessDescriptor } from './chess/index.js';
import { connectFourDescriptor } from './connect-four/index.js';
import type { GameDescriptor } from './core/descriptor.js';
import { ticTacToeDescriptor } from './tic-tac-toe/index.js';
import { towerDefenseDescriptor } from './tower-defense/index.js';
import { turnBasedDescriptor } from './turn-based/index.js';

/**
 * The catalogue: every game as its own folder describes it (id, version, title, parameters with bounds and docs,
 * capabilities). The arena's registry lists these and knows no game by name; a new game adds its folder and a line here.
 */
export const GAMES: readonly GameDescriptor[] = [towerDefenseDescriptor, autoBattlerDescriptor, turnBasedDescriptor, ticTacToeDescriptor, connectFourDescriptor, chessDescriptor];

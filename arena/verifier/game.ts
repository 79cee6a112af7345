import type { MoveGame } from '../../games/core/move-game.js';
import { gamesWith, resolveMoveGame } from '../games/registry.js';

/**
 * The game the learned verifier is trained and measured on: the first registered game with a tensor encoding, at
 * its default parameters (the shipped model's game, as its metadata records).
 */
export function verifierGame(): MoveGame {
  const entry = gamesWith('tensor')[0];
  if (!entry) throw new Error('no registered game provides a tensor encoding');
  return resolveMoveGame(entry.id).rules;
}

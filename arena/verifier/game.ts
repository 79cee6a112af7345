import { readFileSync } from 'node:fs';
import type { MoveGame } from '../../games/core/move-game.js';
import { UsageError } from '../errors.js';
import { gamesWith, resolveMoveGame } from '../games/registry.js';
import { mlpFromOnnx } from './onnx-export.js';
import { DEFAULT_VERIFIER_MODEL } from './runtime.js';

let shipped: MoveGame | null = null;

/**
 * The game a learned verifier is trained and measured on. Without an id: the game the shipped default model was
 * trained on, at the parameters its metadata records. With an id: that game, which must have a tensor encoding.
 */
export function verifierGame(id?: string): MoveGame {
  if (id === undefined) {
    shipped ??= resolveMoveGame(mlpFromOnnx(new Uint8Array(readFileSync(DEFAULT_VERIFIER_MODEL))).metadata.game ?? '').rules;
    return shipped;
  }
  const game = resolveMoveGame(id).rules;
  if (!game.tensor) throw new UsageError(`a learned verifier needs a game with a tensor encoding; '${id}' has none (games with one: ${gamesWith('tensor').map((e) => e.id).join(', ')})`);
  return game;
}

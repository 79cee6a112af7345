import type { MoveGame } from './move-game.js';
import { hashSeed } from './rng.js';

/** What a match's starts derive from: its seed, or a start seed shared with other matches (e.g. both seat orders of a pair). */
export interface StartSeeds {
  readonly seed: number;
  readonly startSeed?: number;
}

/**
 * The seed of game `gameIndex`'s start: games 2k and 2k + 1 share it, so with seats alternating who moves first,
 * each start is played once from each side. Derived from the spec's `startSeed` when it has one, else its seed.
 */
export function startSeed(spec: StartSeeds, gameIndex: number): number {
  return hashSeed(spec.startSeed ?? spec.seed, 'start', Math.floor(gameIndex / 2));
}

/** The start position of game `gameIndex` of a match (the default start for games with one). */
export function gameStart<S>(rules: MoveGame<S, unknown>, spec: StartSeeds, gameIndex: number): S {
  return rules.initial(startSeed(spec, gameIndex));
}

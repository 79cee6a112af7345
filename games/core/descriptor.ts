import type { Game } from 'boardgame.io';
import type { MoveGame } from './move-game.js';
import type { PlanGame } from './plan-game.js';

/** A numeric game parameter with its default, inclusive bounds and a one-line doc. */
export interface GameParam {
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly doc: string;
}

/**
 * Optional members of the game contract a game provides. Shared code asks for a capability, never for a game's
 * name: `board` (a fast mutable board), `heuristic` (a static move preference), `tactical-board` (a board that
 * knows the greedy prover's candidates), `tensor` (a tensor encoding for learned verifiers), `solvable` (a tree
 * small enough for the exact solver), `engine` (an external engine that analyses positions), `record` (a game-record file format such as PGN).
 */
export type Capability = 'board' | 'heuristic' | 'tactical-board' | 'tensor' | 'solvable' | 'engine' | 'record';

/** The capabilities a move-game instance provides, from its optional members. */
export function moveCapabilities(game: MoveGame): Capability[] {
  const out: Capability[] = [];
  if (game.board) out.push('board');
  if (game.heuristic) out.push('heuristic');
  if (game.tacticalBoard) out.push('tactical-board');
  if (game.tensor) out.push('tensor');
  if (game.solvable === true) out.push('solvable');
  if (game.engine) out.push('engine');
  if (game.record) out.push('record');
  return out;
}

interface DescriptorBase {
  readonly id: string;
  readonly version: number;
  readonly title: string;
  /** Parameters with defaults, bounds and docs; the arena checks ids against these and never hand-writes them. */
  readonly params: Readonly<Record<string, GameParam>>;
  /** What the game's default instance provides beyond the required contract. */
  readonly capabilities: readonly Capability[];
}

/** A plan game: one fixed instance (budgets and HP come from its presets). */
export interface PlanGameDescriptor extends DescriptorBase {
  readonly family: 'plan';
  readonly game: PlanGame;
}

/** A move game: built from parameters into its pure rules and its boardgame.io Game. */
export interface MoveGameDescriptor extends DescriptorBase {
  readonly family: 'move';
  /** `params` are complete and in bounds (the registry checks them). */
  create(params: Readonly<Record<string, number>>): { readonly rules: MoveGame; readonly game: Game };
}

/** What a game's folder exports to register itself: its id, version, title, parameters and capabilities. */
export type GameDescriptor = PlanGameDescriptor | MoveGameDescriptor;

/** The descriptor of a plan game instance (plan games take no id parameters). */
export function planDescriptor(game: PlanGame): PlanGameDescriptor {
  return { family: 'plan', id: game.id, version: game.version, title: game.title, params: {}, capabilities: [], game };
}

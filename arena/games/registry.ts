import type { Game } from 'boardgame.io';
import type { Capability, GameDescriptor, GameParam, MoveGameDescriptor } from '../../games/core/descriptor.js';
import type { MoveGame } from '../../games/core/move-game.js';
import type { PlanGame } from '../../games/core/plan-game.js';
import { GAMES } from '../../games/index.js';
import { unknownChoice, UsageError } from '../errors.js';
import { parseGameId, type GameId } from '../spec/game-id.js';

/** A registered game: the descriptor its folder exports (games/index.ts lists them). */
export type GameEntry = GameDescriptor;
export type MoveGameEntry = MoveGameDescriptor;
export type MoveGameParam = GameParam;

export type ResolvedGame =
  | { readonly family: 'plan'; readonly id: string; readonly game: PlanGame }
  | { readonly family: 'move'; readonly id: string; readonly game: MoveGame };

/** A game ready to play: rules, boardgame.io Game, and the canonical versioned id with every parameter. */
export interface ResolvedMoveGame {
  readonly entry: MoveGameEntry;
  readonly rules: MoveGame;
  readonly game: Game;
  readonly params: Readonly<Record<string, number>>;
  /** `id@version`, e.g. `name@1`. */
  readonly versionedId: string;
  /** `id@version(k=v,...)`, e.g. `name@1(rows=6,cols=7)`; no parentheses without parameters. */
  readonly canonical: string;
}

const entries = new Map<string, GameEntry>();
for (const entry of GAMES) {
  if (entries.has(entry.id)) throw new Error(`game '${entry.id}' registered twice`);
  entries.set(entry.id, entry);
}

/** The move games, in catalogue order. */
export const moveGameEntries: readonly MoveGameEntry[] = GAMES.filter((e): e is MoveGameEntry => e.family === 'move');

export function gameEntries(): GameEntry[] {
  return [...entries.values()];
}

/** The registered games whose default instance provides `capability`, in catalogue order. */
export function gamesWith(capability: Capability): GameEntry[] {
  return gameEntries().filter((e) => e.capabilities.includes(capability));
}

/** Parsed game id: `name`, `name@version`, `name(k=v,...)` or `name@version(k=v,...)` (the arena's one id grammar). */
export function parseMoveGameId(text: string): { id: string; version?: number; params: Record<string, number> } {
  const g = parseGameId(text);
  return g.version === undefined ? { id: g.name, params: { ...g.params } } : { id: g.name, version: g.version, params: { ...g.params } };
}

/** Checks a parsed id's parameters against the descriptor's bounds and builds the game; one parse per id. */
function resolveParsedMove(entry: MoveGameEntry, id: GameId, extra: Readonly<Record<string, number>>): ResolvedMoveGame {
  if (id.version !== undefined && id.version !== entry.version) {
    throw new UsageError(`game '${entry.id}' has version ${entry.version}, not ${id.version}`);
  }
  const given = { ...id.params, ...extra };
  const params: Record<string, number> = {};
  for (const [key, value] of Object.entries(given)) {
    const spec = entry.params[key];
    if (!spec) throw unknownChoice(`parameter of ${entry.id}`, key, Object.keys(entry.params).length ? Object.keys(entry.params) : ['(none)']);
    if (!Number.isInteger(value) || value < spec.min || value > spec.max) {
      throw new UsageError(`game '${entry.id}': ${key} must be an integer in [${spec.min}, ${spec.max}], got ${value}`);
    }
  }
  for (const [key, spec] of Object.entries(entry.params)) params[key] = given[key] ?? spec.default;
  const { rules, game } = entry.create(params);
  const versionedId = `${entry.id}@${entry.version}`;
  const list = Object.entries(params).map(([k, v]) => `${k}=${v}`).join(',');
  return { entry, rules, game, params, versionedId, canonical: list ? `${versionedId}(${list})` : versionedId };
}

/**
 * Resolves a game id (optionally with inline parameters) plus extra parameters to a playable move game. Unknown
 * ids, versions and parameters and out-of-range values are UsageErrors naming the valid choices.
 */
export function resolveMoveGame(text: string, extra: Readonly<Record<string, number>> = {}): ResolvedMoveGame {
  const id = parseGameId(text);
  const entry = moveGameEntries.find((e) => e.id === id.name);
  if (!entry) throw unknownChoice('move game', id.name, moveGameEntries.map((e) => e.id));
  return resolveParsedMove(entry, id, extra);
}

/** Resolves `name[@version][(params)]`; unknown names, versions or parameters are UsageErrors listing the choices. */
export function resolveGame(text: string): ResolvedGame {
  const id = parseGameId(text);
  const entry = entries.get(id.name);
  if (!entry) throw unknownChoice('game', id.name, [...entries.keys()]);
  if (entry.family === 'plan') {
    if (id.version !== undefined && id.version !== entry.version) {
      throw new UsageError(`game '${id.name}' has no version ${id.version}; available: ${entry.id}@${entry.version}`);
    }
    const full = `${entry.id}@${entry.version}`;
    if (Object.keys(id.params).length > 0) throw new UsageError(`game '${full}' takes no parameters (budgets and HP are set with --preset and --budget)`);
    return { family: 'plan', id: full, game: entry.game };
  }
  if (id.version !== undefined && id.version !== entry.version) {
    throw new UsageError(`game '${id.name}' has no version ${id.version}; available: ${entry.id}@${entry.version}`);
  }
  // Move games check their parameters' names and ranges against their descriptor.
  const resolved = resolveParsedMove(entry, id, {});
  return { family: 'move', id: resolved.canonical, game: resolved.rules };
}

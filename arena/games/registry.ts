import { autoBattler } from '../../games/auto-battler/index.js';
import type { MoveGame } from '../../games/core/move-game.js';
import type { PlanGame } from '../../games/core/plan-game.js';
import { towerDefense } from '../../games/tower-defense/index.js';
import { turnBased } from '../../games/turn-based/index.js';
import { unknownChoice, UsageError } from '../errors.js';
import { moveGameEntries, resolveMoveGame } from '../match/move-games.js';
import { parseGameId } from '../spec/game-id.js';

/** A registered game: plan games are fixed instances; move games are built from parameters. */
export type GameEntry =
  | { readonly family: 'plan'; readonly id: string; readonly version: number; readonly title: string; readonly game: PlanGame }
  | {
      readonly family: 'move';
      readonly id: string;
      readonly version: number;
      readonly title: string;
      /** Parameter names with defaults, e.g. rows=6, cols=7. */
      readonly defaults: Readonly<Record<string, number>>;
      create(params: Readonly<Record<string, number>>): MoveGame;
    };

export type ResolvedGame =
  | { readonly family: 'plan'; readonly id: string; readonly game: PlanGame }
  | { readonly family: 'move'; readonly id: string; readonly game: MoveGame };

const entries = new Map<string, GameEntry>();

export function registerGame(entry: GameEntry): void {
  if (entries.has(entry.id)) throw new Error(`game '${entry.id}' registered twice`);
  entries.set(entry.id, entry);
}

for (const game of [towerDefense, autoBattler, turnBased] as PlanGame[]) {
  registerGame({ family: 'plan', id: game.id, version: game.version, title: game.title, game });
}

for (const entry of moveGameEntries) {
  const defaults = Object.fromEntries(Object.entries(entry.params).map(([k, p]) => [k, p.default]));
  registerGame({ family: 'move', id: entry.id, version: entry.version, title: entry.title, defaults, create: (params) => entry.create({ ...defaults, ...params }).rules });
}

export function gameEntries(): GameEntry[] {
  return [...entries.values()];
}

/** Resolves `name[@version][(params)]`; unknown names, versions or parameters are UsageErrors listing the choices. */
export function resolveGame(text: string): ResolvedGame {
  const id = parseGameId(text);
  const entry = entries.get(id.name);
  if (!entry) throw unknownChoice('game', id.name, [...entries.keys()]);
  if (id.version !== undefined && id.version !== entry.version) {
    throw new UsageError(`game '${id.name}' has no version ${id.version}; available: ${entry.id}@${entry.version}`);
  }
  const full = `${entry.id}@${entry.version}`;
  if (entry.family === 'plan') {
    if (Object.keys(id.params).length > 0) throw new UsageError(`game '${full}' takes no parameters (budgets and HP are set with --preset and --budget)`);
    return { family: 'plan', id: full, game: entry.game };
  }
  // Move games check their parameters' names and ranges themselves.
  const resolved = resolveMoveGame(text);
  return { family: 'move', id: resolved.canonical, game: resolved.rules };
}

import type { Ctx, Game, State } from 'boardgame.io';
import { CreateGameReducer, InitializeGame, ProcessGameConfig } from 'boardgame.io/internal';
import type { ResolvedMoveGame } from '../games/registry.js';

/**
 * A move game played on boardgame.io's own game reducer, the engine its client wraps, without the client's store,
 * middleware, log and per-read state copies: the same flow, plugins and move handling, so the same `G` and `ctx`.
 * The processed game and its reducer depend only on the game instance (its canonical id with every parameter), so
 * they are built once per instance and shared by every match of it; each game's start comes in as setup data.
 */
interface Engine {
  readonly game: Game;
  readonly reducer: ReturnType<typeof CreateGameReducer>;
}

const engines = new WeakMap<object, Map<string, Engine>>();

/** The engine of a resolved game, built on first use (kept per registry entry and canonical id). */
export function engineOf(resolved: Pick<ResolvedMoveGame, 'entry' | 'canonical' | 'game'>): Engine {
  let byId = engines.get(resolved.entry);
  if (byId === undefined) engines.set(resolved.entry, (byId = new Map()));
  let engine = byId.get(resolved.canonical);
  if (engine === undefined) {
    // Undo history is never used by the arena; the start position is the setup data of each game.
    const game = ProcessGameConfig({ ...resolved.game, setup: (_ctx: unknown, start: unknown) => start, disableUndo: true });
    engine = { game, reducer: CreateGameReducer({ game, isClient: false }) };
    byId.set(resolved.canonical, engine);
  }
  return engine;
}

/** One game on boardgame.io's reducer, from a given start position. */
export class BoardgameTable {
  readonly #engine: Engine;
  #state: State;

  constructor(resolved: Pick<ResolvedMoveGame, 'entry' | 'canonical' | 'game'>, start: unknown) {
    this.#engine = engineOf(resolved);
    this.#state = InitializeGame({ game: this.#engine.game, numPlayers: 2, setupData: start });
  }

  get G(): unknown {
    return this.#state.G;
  }

  get ctx(): Ctx {
    return this.#state.ctx;
  }

  /**
   * Plays `move(...args)` for the player to move, as the client does in single-player mode. Returns false, the
   * state unchanged, when boardgame.io refuses it (invalid move, game over, move not available).
   */
  play(move: string, args: readonly unknown[]): boolean {
    const before = this.#state;
    const next = this.#engine.reducer(before, { type: 'MAKE_MOVE', payload: { type: move, args: [...args], playerID: before.ctx.currentPlayer } });
    if (next.transients?.error !== undefined || next.G === before.G) return false;
    this.#state = next;
    return true;
  }
}

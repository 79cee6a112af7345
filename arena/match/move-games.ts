import type { Game } from 'boardgame.io';
import { connectFourBoardgame, createConnectFour, CONNECT_FOUR_DEFAULTS, CONNECT_FOUR_SIZE, CONNECT_FOUR_VERSION } from '../../games/connect-four/index.js';
import type { MoveGame } from '../../games/core/move-game.js';
import { createTicTacToe, TIC_TAC_TOE_VERSION, ticTacToeBoardgame } from '../../games/tic-tac-toe/index.js';
import { UsageError, unknownChoice } from '../errors.js';
import { parseGameId } from '../spec/game-id.js';

/** A numeric game parameter with its default and inclusive bounds. */
export interface MoveGameParam {
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly doc: string;
}

/** A move game as the arena knows it: its id, parameters, and how to build the pure rules and the boardgame.io Game. */
export interface MoveGameEntry {
  readonly id: string;
  readonly version: number;
  readonly title: string;
  readonly params: Readonly<Record<string, MoveGameParam>>;
  /** `params` are complete and in bounds (resolveMoveGame checks them). */
  create(params: Readonly<Record<string, number>>): { readonly rules: MoveGame; readonly game: Game };
}

/** A game ready to play: rules, boardgame.io Game, and the canonical versioned id with every parameter. */
export interface ResolvedMoveGame {
  readonly entry: MoveGameEntry;
  readonly rules: MoveGame;
  readonly game: Game;
  readonly params: Readonly<Record<string, number>>;
  /** `id@version`, e.g. `connect-four@1`. */
  readonly versionedId: string;
  /** `id@version(k=v,...)`, e.g. `connect-four@1(rows=6,cols=7)`; no parentheses without parameters. */
  readonly canonical: string;
}

const SIZE_DOC = `${CONNECT_FOUR_SIZE.min}-${CONNECT_FOUR_SIZE.max}`;

export const moveGameEntries: readonly MoveGameEntry[] = [
  {
    id: 'tic-tac-toe',
    version: TIC_TAC_TOE_VERSION,
    title: 'Tic-tac-toe',
    params: {},
    create() {
      const rules = createTicTacToe();
      return { rules: rules as MoveGame, game: ticTacToeBoardgame(rules) as Game };
    },
  },
  {
    id: 'connect-four',
    version: CONNECT_FOUR_VERSION,
    title: 'Connect Four',
    params: {
      rows: { default: CONNECT_FOUR_DEFAULTS.rows, ...CONNECT_FOUR_SIZE, doc: `rows of the grid (${SIZE_DOC})` },
      cols: { default: CONNECT_FOUR_DEFAULTS.cols, ...CONNECT_FOUR_SIZE, doc: `columns of the grid (${SIZE_DOC})` },
    },
    create(params) {
      const rules = createConnectFour({ rows: params.rows ?? CONNECT_FOUR_DEFAULTS.rows, cols: params.cols ?? CONNECT_FOUR_DEFAULTS.cols });
      return { rules: rules as MoveGame, game: connectFourBoardgame(rules) as Game };
    },
  },
];

/** Parsed game id: `name`, `name@version`, `name(k=v,...)` or `name@version(k=v,...)` (the arena's one id grammar). */
export function parseMoveGameId(text: string): { id: string; version?: number; params: Record<string, number> } {
  const g = parseGameId(text);
  return g.version === undefined ? { id: g.name, params: { ...g.params } } : { id: g.name, version: g.version, params: { ...g.params } };
}

/**
 * Resolves a game id (optionally with inline parameters) plus extra parameters to a playable game. Unknown ids,
 * versions and parameters and out-of-range values are UsageErrors naming the valid choices.
 */
export function resolveMoveGame(id: string, extra: Readonly<Record<string, number>> = {}): ResolvedMoveGame {
  const parsed = parseMoveGameId(id);
  const entry = moveGameEntries.find((e) => e.id === parsed.id);
  if (!entry) throw unknownChoice('move game', parsed.id, moveGameEntries.map((e) => e.id));
  if (parsed.version !== undefined && parsed.version !== entry.version) {
    throw new UsageError(`game '${entry.id}' has version ${entry.version}, not ${parsed.version}`);
  }
  const given = { ...parsed.params, ...extra };
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

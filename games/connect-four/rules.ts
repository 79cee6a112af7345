import type { BoardStatus, MoveGame } from '../core/move-game.js';
import { ConnectFourBoard, connectsFour } from './bitboard.js';
import { connectFourHeuristic } from './heuristic.js';
import { connectFourGrid } from './grid.js';
import { columnName, parseColumn } from './notation.js';
import { connectFourRules, renderConnectFour } from './text.js';
import { connectFourTensor } from './encode.js';
import type { ConnectFourState } from './state.js';
import { TacticalConnectFourBoard } from './tactical.js';
import { ConnectFourSolver } from './solver.js';

export interface ConnectFourParams {
  readonly rows: number;
  readonly cols: number;
}

export const CONNECT_FOUR_VERSION = 1;
export const CONNECT_FOUR_DEFAULTS: ConnectFourParams = { rows: 6, cols: 7 };
/** Board sizes accepted for each of rows and cols (row words hold up to 28 columns; 20 keeps boards readable). */
export const CONNECT_FOUR_SIZE = { min: 4, max: 20 } as const;

const SCORES = [[1, 0], [0, 1], [0.5, 0.5]] as const;

function status(state: ConnectFourState): BoardStatus {
  if (state.winner !== null) return state.winner;
  return state.ply === state.rows * state.cols ? 2 : -1;
}

function legal(state: ConnectFourState): number[] {
  const out: number[] = [];
  if (status(state) !== -1) return out;
  for (let c = 0; c < state.cols; c++) if ((state.heights[c] ?? state.rows) < state.rows) out.push(c);
  return out;
}

function checkSize(params: ConnectFourParams): void {
  for (const key of ['rows', 'cols'] as const) {
    const v = params[key];
    if (!Number.isInteger(v) || v < CONNECT_FOUR_SIZE.min || v > CONNECT_FOUR_SIZE.max) {
      throw new RangeError(`connect-four ${key} must be an integer in [${CONNECT_FOUR_SIZE.min}, ${CONNECT_FOUR_SIZE.max}], got ${v}`);
    }
  }
}

/**
 * The pure rules of Connect Four (connect length 4) on a rows x cols board. Actions are 0-based column indices;
 * their notation is the 1-based column number. Throws RangeError on a size outside CONNECT_FOUR_SIZE.
 */
export function createConnectFour(params: ConnectFourParams = CONNECT_FOUR_DEFAULTS): MoveGame<ConnectFourState, number> {
  checkSize(params);
  const { rows, cols } = params;
  let solver: ConnectFourSolver | null = null;
  return {
    family: 'move',
    id: 'connect-four',
    version: CONNECT_FOUR_VERSION,
    title: 'Connect Four',
    params: { rows, cols },
    initial: () => ({
      rows,
      cols,
      discs: [new Array<number>(rows).fill(0), new Array<number>(rows).fill(0)],
      heights: new Array<number>(cols).fill(0),
      ply: 0,
      winner: null,
    }),
    toMove: (state) => (state.ply & 1) as 0 | 1,
    legalActions: legal,
    apply(state, col) {
      const r = state.heights[col];
      if (!Number.isInteger(col) || r === undefined || r >= rows || status(state) !== -1) {
        throw new RangeError(`illegal connect-four move ${col}`);
      }
      const p = (state.ply & 1) as 0 | 1;
      const words = state.discs[p].slice();
      words[r] = (words[r] ?? 0) | (1 << col);
      const heights = state.heights.slice();
      heights[col] = r + 1;
      const discs: [readonly number[], readonly number[]] = p === 0 ? [words, state.discs[1]] : [state.discs[0], words];
      return { rows, cols, discs, heights, ply: state.ply + 1, winner: connectsFour(words, 0, rows, r, col) ? p : null };
    },
    isTerminal: (state) => status(state) !== -1,
    outcome(state) {
      const s = status(state);
      return s === -1 ? null : SCORES[s];
    },
    actionText: (_state, col) => columnName(col),
    parseAction(state, text) {
      const parsed = parseColumn(text, cols);
      if (!parsed.ok) return parsed;
      if (status(state) !== -1) return { ok: false, code: 'move/game_over', reason: 'the game is already over' };
      if ((state.heights[parsed.col] ?? rows) >= rows) {
        return { ok: false, code: 'move/column_full', reason: `column ${columnName(parsed.col)} is full` };
      }
      return { ok: true, action: parsed.col };
    },
    boardGrid: connectFourGrid,
    renderBoard: (state) => renderConnectFour(rows, cols, (r, c) => (((state.discs[0][r] ?? 0) >> c) & 1 ? 0 : ((state.discs[1][r] ?? 0) >> c) & 1 ? 1 : -1)),
    rulesText: () => connectFourRules(rows, cols),
    key: (state) => `${state.discs[0].join(',')}/${state.discs[1].join(',')}`,
    board(state) {
      const words = new Int32Array(2 * rows);
      for (let r = 0; r < rows; r++) {
        words[r] = state.discs[0][r] ?? 0;
        words[rows + r] = state.discs[1][r] ?? 0;
      }
      return new ConnectFourBoard(rows, cols, words, Int32Array.from(state.heights), state.ply, status(state));
    },
    heuristic: connectFourHeuristic,
    tacticalBoard: (state) => TacticalConnectFourBoard.from(state),
    boundedSolve(state, actions, budget) {
      solver ??= new ConnectFourSolver(rows, cols);
      return solver.solveActions(state, actions, budget);
    },
    tensor: connectFourTensor(rows, cols),
  };
}

import type { MoveGame } from '../core/move-game.js';
import { CELLS, LINES, TicTacToeBoard, statusOf } from './board.js';
import { ticTacToeGrid } from './grid.js';
import { cellName, parseCell } from './notation.js';
import { ticTacToeTensor } from './encode.js';
import { renderTicTacToe, ticTacToeRules } from './text.js';

/** A tic-tac-toe position: the cell masks of X (player 0) and O (player 1), and the number of marks placed. */
export interface TicTacToeState {
  readonly marks: readonly [number, number];
  readonly ply: number;
}

const SCORES = [[1, 0], [0, 1], [0.5, 0.5]] as const;

function status(state: TicTacToeState): -1 | 0 | 1 | 2 {
  return statusOf(state.marks[0], state.marks[1]);
}

function legal(state: TicTacToeState): number[] {
  if (status(state) !== -1) return [];
  const taken = state.marks[0] | state.marks[1];
  const out: number[] = [];
  for (let i = 0; i < CELLS; i++) if ((taken & (1 << i)) === 0) out.push(i);
  return out;
}

/** Open lines through the cell for the mover, weighted by the mover's marks already in them. */
function heuristic(state: TicTacToeState, cell: number): number {
  const [me, them] = state.ply & 1 ? [state.marks[1], state.marks[0]] : state.marks;
  let score = 0;
  for (const line of LINES) {
    if ((line & (1 << cell)) === 0 || (line & them) !== 0) continue;
    let own = 0;
    for (let m = line & me; m !== 0; m &= m - 1) own++;
    score += 1 + 2 * own;
  }
  return score;
}

export const TIC_TAC_TOE_VERSION = 1;

/** The pure rules of tic-tac-toe. Actions are cell indices 0-8 (3 * row + col, row 0 at the top). */
export function createTicTacToe(): MoveGame<TicTacToeState, number> {
  return {
    family: 'move',
    id: 'tic-tac-toe',
    version: TIC_TAC_TOE_VERSION,
    title: 'Tic-tac-toe',
    params: {},
    solvable: true,
    initial: () => ({ marks: [0, 0], ply: 0 }),
    toMove: (state) => (state.ply & 1) as 0 | 1,
    legalActions: legal,
    apply(state, cell) {
      if (!Number.isInteger(cell) || cell < 0 || cell >= CELLS || ((state.marks[0] | state.marks[1]) & (1 << cell)) !== 0 || status(state) !== -1) {
        throw new RangeError(`illegal tic-tac-toe move ${cell}`);
      }
      const [x, o] = state.marks;
      const marks: [number, number] = state.ply & 1 ? [x, o | (1 << cell)] : [x | (1 << cell), o];
      return { marks, ply: state.ply + 1 };
    },
    isTerminal: (state) => status(state) !== -1,
    outcome(state) {
      const s = status(state);
      return s === -1 ? null : SCORES[s];
    },
    actionText: (_state, cell) => cellName(cell),
    parseAction(state, text) {
      const parsed = parseCell(text);
      if (!parsed.ok) return parsed;
      if (status(state) !== -1) return { ok: false, code: 'move/game_over', reason: 'the game is already over' };
      if (((state.marks[0] | state.marks[1]) & (1 << parsed.cell)) !== 0) {
        return { ok: false, code: 'move/occupied', reason: `cell ${cellName(parsed.cell)} is already taken` };
      }
      return { ok: true, action: parsed.cell };
    },
    renderBoard: (state) => renderTicTacToe(state.marks[0], state.marks[1]),
    rulesText: ticTacToeRules,
    key: (state) => `${state.marks[0]}.${state.marks[1]}`,
    board: (state) => new TicTacToeBoard(state.marks[0], state.marks[1], state.ply),
    heuristic,
    boardGrid: ticTacToeGrid,
    tensor: ticTacToeTensor,
  };
}

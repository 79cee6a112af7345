import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { connectsFour } from './bitboard.js';
import { createConnectFour } from './rules.js';
import type { ConnectFourState } from './state.js';

const c4 = createConnectFour();

/** Plays 1-based columns given as a space-separated string. */
function play(moves: string, game = c4): ConnectFourState {
  return moves
    .split(' ')
    .filter(Boolean)
    .reduce((s, m) => game.apply(s, Number(m) - 1), game.initial());
}

/** Every line of four cells on a rows x cols board, as [row, col] lists. */
function allLines(rows: number, cols: number): [number, number][][] {
  const out: [number, number][][] = [];
  for (const [dr, dc] of [[0, 1], [1, 0], [1, 1], [1, -1]] as const) {
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const cells = [0, 1, 2, 3].map((i) => [r + i * dr, c + i * dc] as [number, number]);
        if (cells.every(([rr, cc]) => rr >= 0 && rr < rows && cc >= 0 && cc < cols)) out.push(cells);
      }
    }
  }
  return out;
}

describe('connect-four bitboard win test', () => {
  it.each([
    [4, 4],
    [6, 7],
    [8, 9],
    [5, 12],
    [20, 20],
  ])('finds every line of four on %ix%i from the disc placed last, and never three', (rows, cols) => {
    const lines = allLines(rows, cols);
    expect(lines.length).toBe(rows * (cols - 3) + cols * (rows - 3) + 2 * (rows - 3) * (cols - 3));
    for (const line of lines) {
      const words = new Int32Array(2 * rows);
      for (const [r, c] of line) words[rows + r] = (words[rows + r] ?? 0) | (1 << c);
      // the disc just placed is always the top one of its column (gravity)
      const tops = line.filter(([r, c]) => !line.some(([r2, c2]) => c2 === c && r2 > r));
      for (const [r, c] of tops) expect(connectsFour(words, rows, rows, r, c)).toBe(true);
      const [r0, c0] = line[0] ?? [0, 0];
      words[rows + r0] = (words[rows + r0] ?? 0) & ~(1 << c0);
      for (const [r, c] of line.slice(1)) expect(connectsFour(words, rows, rows, r, c)).toBe(false);
    }
  });
});

describe('connect-four rules', () => {
  it('starts empty on 6 rows x 7 columns with X to move', () => {
    const s = c4.initial();
    expect(c4.params).toEqual({ rows: 6, cols: 7 });
    expect(c4.legalActions(s)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(c4.toMove(s)).toBe(0);
    expect(c4.outcome(s)).toBeNull();
  });

  it.each([
    ['horizontal, bottom-left edge', '1 1 2 2 3 3 4', [1, 0]],
    ['horizontal, bottom-right edge', '7 7 6 6 5 5 4', [1, 0]],
    ['vertical, left edge', '1 2 1 2 1 2 1', [1, 0]],
    ['vertical, right edge, O', '1 7 2 7 3 7 5 7', [0, 1]],
    ['rising diagonal from the corner', '1 2 2 3 4 3 3 4 5 4 4', [1, 0]],
    ['falling diagonal from the corner', '7 6 6 5 4 5 5 4 3 4 4', [1, 0]],
  ])('detects a %s win', (_name, moves, expected) => {
    const s = play(moves);
    expect(c4.outcome(s)).toEqual(expected);
    expect(c4.isTerminal(s)).toBe(true);
    expect(c4.legalActions(s)).toEqual([]);
    const before = play(moves.split(' ').slice(0, -1).join(' '));
    expect(c4.outcome(before)).toBeNull();
  });

  it('detects a win on the top row (4x4, O completes the row with the last cell)', () => {
    const small = createConnectFour({ rows: 4, cols: 4 });
    const s = play('1 4 1 4 4 1 3 1 3 4 2 3 2 3 2 2', small);
    expect(s.discs[1][3]).toBe(0b1111);
    expect(small.outcome(s)).toEqual([0, 1]);
    expect(s.ply).toBe(16);
  });

  it('a full board without four in a line is a draw (7x6 and 4x4)', () => {
    const full = play('7 4 6 1 4 6 2 6 2 7 7 3 6 2 2 1 2 6 1 5 5 6 5 4 4 2 1 1 4 4 1 7 5 7 7 3 3 5 5 3 3 3');
    expect(full.ply).toBe(42);
    expect(c4.outcome(full)).toEqual([0.5, 0.5]);
    expect(c4.legalActions(full)).toEqual([]);
    const small = createConnectFour({ rows: 4, cols: 4 });
    expect(small.outcome(play('1 3 4 4 2 3 2 3 4 4 3 2 2 1 1 1', small))).toEqual([0.5, 0.5]);
  });

  it('refuses a full column, an off-board column and moves after the end', () => {
    const s = play('1 1 1 1 1 1');
    expect(c4.legalActions(s)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(() => c4.apply(s, 0)).toThrow(RangeError);
    expect(() => c4.apply(s, 7)).toThrow(RangeError);
    expect(() => c4.apply(s, -1)).toThrow(RangeError);
    expect(c4.parseAction(s, '1')).toMatchObject({ ok: false, code: 'move/column_full' });
    expect(c4.parseAction(s, '8')).toMatchObject({ ok: false, code: 'move/out_of_range' });
    expect(c4.parseAction(s, '2')).toEqual({ ok: true, action: 1 });
    const won = play('1 2 1 2 1 2 1');
    expect(() => c4.apply(won, 4)).toThrow(RangeError);
    expect(c4.parseAction(won, '5')).toMatchObject({ ok: false, code: 'move/game_over' });
  });

  it('apply does not mutate its argument', () => {
    const s = play('4 4 3');
    const copy = JSON.stringify(s);
    c4.apply(s, 2);
    expect(JSON.stringify(s)).toBe(copy);
  });

  it('renders the board top row first with labelled columns', () => {
    expect(c4.renderBoard(play('4 4 3'))).toBe(
      ['1 2 3 4 5 6 7', '. . . . . . .', '. . . . . . .', '. . . . . . .', '. . . . . . .', '. . . O . . .', '. . X X . . .', '1 2 3 4 5 6 7'].join('\n'),
    );
    const wide = createConnectFour({ rows: 4, cols: 12 });
    const lines = wide.renderBoard(wide.apply(wide.initial(), 11)).split('\n');
    expect(lines[0]).toBe(' 1  2  3  4  5  6  7  8  9 10 11 12');
    expect(lines[4]).toBe(' .  .  .  .  .  .  .  .  .  .  .  X');
  });

  it('supports other sizes and rejects sizes outside 4-20', () => {
    const big = createConnectFour({ rows: 8, cols: 9 });
    expect(big.legalActions(big.initial())).toHaveLength(9);
    expect(big.outcome(play('9 1 9 1 9 1 9', big))).toEqual([1, 0]);
    expect(() => createConnectFour({ rows: 3, cols: 7 })).toThrow(RangeError);
    expect(() => createConnectFour({ rows: 6, cols: 21 })).toThrow(RangeError);
    expect(() => createConnectFour({ rows: 6.5, cols: 7 })).toThrow(RangeError);
  });

  it('the fast board agrees with the pure rules over random games on several sizes', () => {
    const rng = createRng(3);
    for (const [rows, cols] of [[6, 7], [4, 5], [8, 9]] as const) {
      const game = createConnectFour({ rows, cols });
      for (let g = 0; g < 60; g++) {
        let s = game.initial();
        const board = game.board?.(s);
        if (!board) throw new Error('no fast board');
        for (;;) {
          expect(board.legal()).toEqual(game.legalActions(s));
          const o = game.outcome(s);
          expect(board.status()).toBe(o === null ? -1 : o[0] === 1 ? 0 : o[1] === 1 ? 1 : 2);
          if (o) break;
          const a = rng.pick(game.legalActions(s));
          s = game.apply(s, a);
          board.play(a);
          expect(board.toMove()).toBe(game.toMove(s));
        }
      }
    }
  });

  it('a rollout plays a clone to the end and leaves the original untouched', () => {
    const board = c4.board?.(play('4 4'));
    if (!board) throw new Error('no fast board');
    const rng = createRng(9);
    const copy = board.clone();
    const result = copy.rollout((n) => rng.int(0, n - 1));
    expect([0, 1, 2]).toContain(result);
    expect(copy.status()).toBe(result);
    expect(copy.legal()).toEqual([]);
    expect(board.status()).toBe(-1);
    expect(board.legal()).toHaveLength(7);
  });

  it('the heuristic prefers the centre and values its own threats', () => {
    const s = c4.initial();
    const h = (state: ConnectFourState, c: number): number => c4.heuristic?.(state, c) ?? 0;
    expect(h(s, 3)).toBeGreaterThan(h(s, 2));
    expect(h(s, 2)).toBeGreaterThan(h(s, 0));
    const threat = play('2 2 3 3');
    expect(h(threat, 3)).toBeGreaterThan(h(threat, 5));
    expect(h(play('1 1 1 1 1 1'), 0)).toBe(-Infinity);
  });

  it('actionText is the 1-based column and round-trips through parseAction', () => {
    const s = c4.initial();
    for (const a of c4.legalActions(s)) {
      expect(c4.actionText(s, a)).toBe(String(a + 1));
      expect(c4.parseAction(s, c4.actionText(s, a))).toEqual({ ok: true, action: a });
    }
  });
});

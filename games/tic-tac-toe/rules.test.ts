import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { LINES } from './board.js';
import { createTicTacToe, type TicTacToeState } from './rules.js';

const game = createTicTacToe();

function play(cells: readonly number[]): TicTacToeState {
  return cells.reduce((s, c) => game.apply(s, c), game.initial());
}

function cellsOf(mask: number): number[] {
  return [...Array(9).keys()].filter((i) => mask & (1 << i));
}

describe('tic-tac-toe rules', () => {
  it('starts empty with X to move and nine legal cells', () => {
    const s = game.initial();
    expect(game.toMove(s)).toBe(0);
    expect(game.legalActions(s)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(game.outcome(s)).toBeNull();
  });

  it('X wins on every line (rows, columns, both diagonals)', () => {
    for (const line of LINES) {
      const x = cellsOf(line);
      const o = [...Array(9).keys()].filter((i) => !x.includes(i)).slice(0, 2);
      const s = play([x[0], o[0], x[1], o[1], x[2]] as number[]);
      expect(game.outcome(s), `line ${line.toString(2)}`).toEqual([1, 0]);
      expect(game.legalActions(s)).toEqual([]);
      expect(game.isTerminal(s)).toBe(true);
    }
  });

  it('O wins on every line', () => {
    for (const line of LINES) {
      const o = cellsOf(line);
      const free = [...Array(9).keys()].filter((i) => !o.includes(i));
      // three X cells elsewhere that do not form a line
      const triple = (() => {
        for (const a of free) for (const b of free) for (const c of free) {
          if (a < b && b < c && !LINES.includes((1 << a) | (1 << b) | (1 << c))) return [a, b, c];
        }
        throw new Error('no triple');
      })();
      const s = play([triple[0], o[0], triple[1], o[1], triple[2], o[2]] as number[]);
      expect(game.outcome(s), `line ${line.toString(2)}`).toEqual([0, 1]);
    }
  });

  it('a full board without a line is a draw', () => {
    const s = play([4, 0, 2, 6, 3, 5, 1, 7, 8]);
    expect(game.renderBoard(s)).toBe(['  a b c', '1 O X X', '2 X X O', '3 O O X'].join('\n'));
    expect(game.outcome(s)).toEqual([0.5, 0.5]);
    expect(game.legalActions(s)).toEqual([]);
  });

  it('apply refuses occupied cells, off-board cells and moves after the end', () => {
    const s = play([4]);
    expect(() => game.apply(s, 4)).toThrow(RangeError);
    expect(() => game.apply(s, 9)).toThrow(RangeError);
    expect(() => game.apply(s, -1)).toThrow(RangeError);
    expect(() => game.apply(s, 1.5)).toThrow(RangeError);
    const won = play([0, 3, 1, 4, 2]);
    expect(() => game.apply(won, 8)).toThrow(RangeError);
  });

  it('apply does not mutate its argument', () => {
    const s = play([4, 0]);
    const copy = JSON.stringify(s);
    game.apply(s, 8);
    expect(JSON.stringify(s)).toBe(copy);
  });

  it('parseAction reports occupied cells and finished games with reason codes', () => {
    const s = play([4]);
    expect(game.parseAction(s, 'b2')).toMatchObject({ ok: false, code: 'move/occupied' });
    expect(game.parseAction(s, 'a1')).toEqual({ ok: true, action: 0 });
    expect(game.parseAction(s, 'z9')).toMatchObject({ ok: false, code: 'move/out_of_range' });
    expect(game.parseAction(s, 'hello')).toMatchObject({ ok: false, code: 'move/unparseable' });
    const won = play([0, 3, 1, 4, 2]);
    expect(game.parseAction(won, 'c3')).toMatchObject({ ok: false, code: 'move/game_over' });
  });

  it('actionText round-trips through parseAction for every cell', () => {
    const s = game.initial();
    for (const a of game.legalActions(s)) expect(game.parseAction(s, game.actionText(s, a))).toEqual({ ok: true, action: a });
  });

  it('the fast board agrees with the pure rules over random games', () => {
    const rng = createRng(11);
    for (let g = 0; g < 200; g++) {
      let s = game.initial();
      const board = game.board?.(s);
      if (!board) throw new Error('no fast board');
      for (;;) {
        expect(board.legal()).toEqual(game.legalActions(s));
        expect(board.toMove()).toBe(game.toMove(s));
        const o = game.outcome(s);
        expect(board.status()).toBe(o === null ? -1 : o[0] === 1 ? 0 : o[1] === 1 ? 1 : 2);
        if (o) break;
        const a = rng.pick(game.legalActions(s));
        s = game.apply(s, a);
        board.play(a);
      }
    }
  });

  it('rollouts end in a terminal status and leave clones untouched', () => {
    const board = game.board?.(game.initial());
    if (!board) throw new Error('no fast board');
    const rng = createRng(5);
    const copy = board.clone();
    const result = copy.rollout((n) => rng.int(0, n - 1));
    expect([0, 1, 2]).toContain(result);
    expect(copy.status()).toBe(result);
    expect(board.status()).toBe(-1);
    expect(board.legal()).toHaveLength(9);
  });

  it('the heuristic prefers the centre, then corners, on an empty board', () => {
    const s = game.initial();
    const h = (c: number): number => game.heuristic?.(s, c) ?? 0;
    expect(h(4)).toBeGreaterThan(h(0));
    expect(h(0)).toBeGreaterThan(h(1));
  });

  it('keys differ between different positions and match equal ones', () => {
    expect(game.key(play([4, 0]))).toBe(game.key(play([4, 0])));
    expect(game.key(play([4, 0]))).not.toBe(game.key(play([0, 4])));
  });

  it('the rules text explains the notation the parser reads', () => {
    const text = game.rulesText();
    expect(text).toMatch(/b2/);
    expect(text).toMatch(/a1 is the top-left/);
  });
});

import { describe, expect, it } from 'vitest';
import { createConnectFour } from '../../games/connect-four/index.js';
import { createTicTacToe } from '../../games/tic-tac-toe/index.js';
import { isTactical, proverBoard } from './board.js';

describe('proverBoard asks for the tactical-board capability, not for a game by name', () => {
  it('uses the tactical board of any game that provides one', () => {
    const c4 = createConnectFour();
    const renamed = { ...c4, id: 'four-in-a-row' };
    const board = proverBoard(renamed, renamed.initial());
    expect(isTactical(board)).toBe(true);
    expect(isTactical(proverBoard(c4, c4.initial()))).toBe(true);
  });

  it('falls back to the plain board of a game without the capability', () => {
    const ttt = createTicTacToe();
    const board = proverBoard(ttt, ttt.initial());
    expect(isTactical(board)).toBe(false);
    expect(board.legal()).toEqual(ttt.legalActions(ttt.initial()));
  });
});

import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { moveGameEntries, parseMoveGameId, resolveMoveGame } from './registry.js';

describe('move game ids', () => {
  it('parses names, versions and parameters', () => {
    expect(parseMoveGameId('tic-tac-toe')).toEqual({ id: 'tic-tac-toe', params: {} });
    expect(parseMoveGameId('connect-four@1(rows=6,cols=7)')).toEqual({ id: 'connect-four', version: 1, params: { rows: 6, cols: 7 } });
    expect(parseMoveGameId(' connect-four( cols = 9 ) ')).toEqual({ id: 'connect-four', params: { cols: 9 } });
    expect(() => parseMoveGameId('Connect Four')).toThrow(UsageError);
    expect(() => parseMoveGameId('connect-four(rows)')).toThrow(/key=number/);
    expect(() => parseMoveGameId('connect-four(rows=six)')).toThrow(/key=number/);
  });

  it('resolves to rules and a boardgame.io game with every parameter filled in', () => {
    const c4 = resolveMoveGame('connect-four');
    expect(c4.canonical).toBe('connect-four@1(rows=6,cols=7)');
    expect(c4.versionedId).toBe('connect-four@1');
    expect(c4.rules.params).toEqual({ rows: 6, cols: 7 });
    expect(c4.game.name).toBe('connect-four');
    const big = resolveMoveGame('connect-four@1(rows=8)', { cols: 9 });
    expect(big.canonical).toBe('connect-four@1(rows=8,cols=9)');
    expect(big.rules.legalActions(big.rules.initial())).toHaveLength(9);
    expect(resolveMoveGame('tic-tac-toe@1').canonical).toBe('tic-tac-toe@1');
  });

  it('names the valid choices when an id, version or parameter is wrong', () => {
    expect(() => resolveMoveGame('go')).toThrow("unknown move game 'go'; valid choices: tic-tac-toe, connect-four, chess");
    expect(() => resolveMoveGame('connect-four@2')).toThrow(/version 1, not 2/);
    expect(() => resolveMoveGame('connect-four(depth=3)')).toThrow(/valid choices: rows, cols/);
    expect(() => resolveMoveGame('tic-tac-toe(size=4)')).toThrow(/valid choices: \(none\)/);
    expect(() => resolveMoveGame('connect-four(rows=3)')).toThrow(/rows must be an integer in \[4, 20\]/);
    expect(() => resolveMoveGame('connect-four(cols=7.5)')).toThrow(UsageError);
  });

  it('lists each game once', () => {
    const ids = moveGameEntries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

import { Client } from 'boardgame.io/client';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../games/core/rng.js';
import { gameStart } from '../../games/core/start.js';
import { resolveMoveGame } from '../games/registry.js';
import { BoardgameTable, engineOf } from './bgio-table.js';

describe('engineOf', () => {
  it('builds one engine per game instance: the same id shares it, other parameters get their own', () => {
    const a = resolveMoveGame('connect-four(rows=6,cols=7)');
    const b = resolveMoveGame('connect-four', { rows: 6, cols: 7 });
    const small = resolveMoveGame('connect-four(rows=5,cols=6)');
    expect(a.game).not.toBe(b.game);
    expect(engineOf(a)).toBe(engineOf(b));
    expect(engineOf(small)).not.toBe(engineOf(a));
    expect(engineOf(resolveMoveGame('tic-tac-toe'))).not.toBe(engineOf(a));
    // A 5x6 board plays on its own engine: column 6 (0-based) does not exist there.
    const table = new BoardgameTable(small, small.rules.initial());
    expect(table.play('play', [6])).toBe(false);
    expect(new BoardgameTable(a, a.rules.initial()).play('play', [6])).toBe(true);
  });
});

describe('BoardgameTable', () => {
  it.each(['tic-tac-toe', 'connect-four(rows=5,cols=6)', 'chess(plies=16)'])('%s: same G and ctx as the boardgame.io client, move by move, from seeded starts', (id) => {
    const resolved = resolveMoveGame(id);
    const rules = resolved.rules;
    for (let g = 0; g < 3; g++) {
      const start = gameStart(rules, { seed: 7 + g }, g);
      const client = Client({ game: { ...resolved.game, setup: () => start }, numPlayers: 2, debug: false });
      client.start();
      const table = new BoardgameTable(resolved, start);
      const rng = createRng(g);
      for (let ply = 0; ; ply++) {
        const st = client.getState();
        expect(table.G).toEqual(st?.G);
        expect(table.ctx).toEqual(st?.ctx);
        if (st?.ctx.gameover !== undefined) break;
        const action = rng.pick(rules.legalActions(table.G));
        client.moves.play?.(action);
        expect(table.play('play', [action])).toBe(true);
      }
      client.stop();
    }
  });

  it('refuses an illegal move and any move after the end, leaving the state as it was', () => {
    const resolved = resolveMoveGame('tic-tac-toe');
    const table = new BoardgameTable(resolved, resolved.rules.initial());
    expect(table.play('play', [4])).toBe(true);
    const before = { G: table.G, ctx: table.ctx };
    expect(table.play('play', [4])).toBe(false);
    expect(table.play('missing', [0])).toBe(false);
    expect({ G: table.G, ctx: table.ctx }).toEqual(before);
    for (const cell of [0, 1, 2, 7]) expect(table.play('play', [cell])).toBe(true);
    expect(table.ctx.gameover).toEqual({ winner: '0' });
    expect(table.play('play', [8])).toBe(false);
  });
});

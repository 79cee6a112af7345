import { Client } from 'boardgame.io/client';
import type { Ctx, Game } from 'boardgame.io';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connectFourBoardgame, createConnectFour } from '../games/connect-four/index.js';
import type { MoveBoard, MoveGame } from '../games/core/move-game.js';
import { createRng, type Rng } from '../games/core/rng.js';
import { createTicTacToe, ticTacToeBoardgame } from '../games/tic-tac-toe/index.js';

/**
 * Conformance of the move games: random games played at once through the pure rules, the fast board, the
 * boardgame.io client and an independent naive grid must agree move for move (legal sets, the player to move,
 * states, terminal state and outcome); a quarter of the positions also probe one illegal move on the client,
 * which must leave the state unchanged. boardgame.io costs about a millisecond per move here, which is what the
 * test's time goes to.
 */
const PROBE_RATE = 0.25;

/** A deliberately simple grid implementation of "k in a row with optional gravity", independent of the rules. */
class NaiveGrid {
  private readonly cells: number[][];
  private turn = 0;
  winner: number | null = null;

  constructor(
    readonly rows: number,
    readonly cols: number,
    private readonly gravity: boolean,
    private readonly k: number,
  ) {
    this.cells = Array.from({ length: rows }, () => new Array<number>(cols).fill(-1));
  }

  /** Actions: a column (gravity) or a cell index r * cols + c with r = 0 at the top. */
  legal(): number[] {
    if (this.over()) return [];
    const out: number[] = [];
    if (this.gravity) {
      for (let c = 0; c < this.cols; c++) if (this.cells.some((row) => row[c] === -1)) out.push(c);
    } else {
      for (let i = 0; i < this.rows * this.cols; i++) if (this.cells[Math.floor(i / this.cols)]?.[i % this.cols] === -1) out.push(i);
    }
    return out;
  }

  illegal(): number[] {
    const legal = new Set(this.legal());
    const all = this.gravity ? this.cols : this.rows * this.cols;
    return [...Array(all).keys()].filter((a) => !legal.has(a)).concat([-1, all]);
  }

  play(action: number): void {
    let r: number;
    let c: number;
    if (this.gravity) {
      c = action;
      r = this.cells.findIndex((row) => row[c] === -1);
    } else {
      r = Math.floor(action / this.cols);
      c = action % this.cols;
    }
    const row = this.cells[r];
    if (!row) throw new Error('naive grid: bad move');
    row[c] = this.turn;
    this.turn = 1 - this.turn;
    this.winner = this.scanWinner();
  }

  toMove(): number {
    return this.turn;
  }

  over(): boolean {
    return this.winner !== null || this.cells.every((row) => row.every((v) => v !== -1));
  }

  outcome(): readonly [number, number] | null {
    if (this.winner !== null) return this.winner === 0 ? [1, 0] : [0, 1];
    return this.over() ? [0.5, 0.5] : null;
  }

  private scanWinner(): number | null {
    const at = (r: number, c: number): number => this.cells[r]?.[c] ?? -2;
    for (let r = 0; r < this.rows; r++) {
      for (let c = 0; c < this.cols; c++) {
        const v = at(r, c);
        if (v < 0) continue;
        for (const [dr, dc] of [[0, 1], [1, 0], [1, 1], [1, -1]] as const) {
          let n = 1;
          while (n < this.k && at(r + n * dr, c + n * dc) === v) n++;
          if (n === this.k) return v;
        }
      }
    }
    return null;
  }
}

interface Case {
  readonly name: string;
  readonly rules: MoveGame<unknown, number>;
  readonly bgio: Game;
  readonly naive: () => NaiveGrid;
  readonly games: number;
}

function tttCase(): Case {
  const rules = createTicTacToe();
  return { name: 'tic-tac-toe', rules: rules as MoveGame<unknown, number>, bgio: ticTacToeBoardgame(rules) as Game, naive: () => new NaiveGrid(3, 3, false, 3), games: 1000 };
}

function c4Case(rows: number, cols: number, games: number): Case {
  const rules = createConnectFour({ rows, cols });
  return {
    name: `connect-four ${rows}x${cols}`,
    rules: rules as MoveGame<unknown, number>,
    bgio: connectFourBoardgame(rules) as Game,
    naive: () => new NaiveGrid(rows, cols, true, 4),
    games,
  };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Plays one random game through all four paths; returns the first disagreement, or null. */
function playOne(c: Case, rng: Rng): string | null {
  const { rules } = c;
  let state = rules.initial();
  const board = rules.board?.(state) as MoveBoard<number>;
  const naive = c.naive();
  const client = Client({ game: c.bgio, numPlayers: 2, debug: false });
  client.start();
  try {
    for (let ply = 0; ; ply++) {
      const st = client.getState();
      if (!st) return 'no client state';
      const at = `ply ${ply}`;
      const legal = rules.legalActions(state);
      if (!same(st.G, state)) return `${at}: boardgame.io G differs from the pure state`;
      if (!same(board.legal(), legal)) return `${at}: fast board legal ${String(board.legal())} vs pure ${String(legal)}`;
      if (!same(naive.legal(), legal)) return `${at}: naive legal ${String(naive.legal())} vs pure ${String(legal)}`;
      const enumerated = c.bgio.ai?.enumerate(st.G, st.ctx as Ctx, st.ctx.currentPlayer) ?? [];
      const bgioLegal = enumerated.map((m) => ('move' in m ? (m.args?.[0] as number) : NaN));
      if (!same(bgioLegal, legal)) return `${at}: boardgame.io enumerate ${String(bgioLegal)} vs pure ${String(legal)}`;
      const outcome = rules.outcome(state);
      if (!same(outcome, naive.outcome())) return `${at}: outcome ${String(outcome)} vs naive ${String(naive.outcome())}`;
      if (rules.isTerminal(state) !== (outcome !== null)) return `${at}: isTerminal disagrees with outcome`;
      const status = board.status();
      const expectedStatus = outcome === null ? -1 : outcome[0] === outcome[1] ? 2 : outcome[0] > outcome[1] ? 0 : 1;
      if (status !== expectedStatus) return `${at}: fast board status ${status} vs ${expectedStatus}`;
      const gameover: unknown = st.ctx.gameover;
      const expectedOver = outcome === null ? undefined : outcome[0] === outcome[1] ? { draw: true } : { winner: outcome[0] > outcome[1] ? '0' : '1' };
      if (!same(gameover, expectedOver)) return `${at}: boardgame.io gameover ${JSON.stringify(gameover)} vs ${JSON.stringify(expectedOver)}`;
      if (outcome) return null;
      const player = rules.toMove(state);
      if (String(player) !== st.ctx.currentPlayer || board.toMove() !== player || naive.toMove() !== player) return `${at}: players to move disagree`;
      if (rng.chance(PROBE_RATE)) {
        const bad = rng.pick(naive.illegal());
        client.moves.play?.(bad);
        const after = client.getState();
        if (after?.G !== st.G || after?._stateID !== st._stateID) return `${at}: boardgame.io accepted the illegal move ${bad}`;
      }
      const action = rng.pick(legal);
      state = rules.apply(state, action);
      board.play(action);
      naive.play(action);
      client.moves.play?.(action);
      if (client.getState()?._stateID !== st._stateID + 1) return `${at}: boardgame.io refused the legal move ${action}`;
    }
  } finally {
    client.stop();
  }
}

describe('move-game conformance: pure rules, fast board, boardgame.io and a naive grid agree', () => {
  // boardgame.io logs every invalid move probe with console.error even with debug off.
  beforeAll(() => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterAll(() => {
    vi.restoreAllMocks();
  });

  // 1,000 games per game, in chunks so no single test runs long; a few extra sizes of Connect Four.
  const chunks = (c: Case, size: number): { c: Case; from: number; to: number }[] =>
    Array.from({ length: Math.ceil(c.games / size) }, (_, i) => ({ c, from: i * size, to: Math.min(c.games, (i + 1) * size) }));
  const ttt = tttCase();
  const c4 = c4Case(6, 7, 1000);
  it.each([...chunks(ttt, 500), ...chunks(c4, 200), ...[c4Case(4, 4, 100), c4Case(8, 9, 40), c4Case(5, 12, 30)].flatMap((c) => chunks(c, 100))])(
    '$c.name: random games up to $to',
    ({ c, from, to }) => {
      const rng = createRng(`conformance ${c.name} ${from}`);
      for (let g = from; g < to; g++) expect(playOne(c, rng), `game ${g}`).toBeNull();
    },
  );
});

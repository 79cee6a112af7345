import { describe, expect, it } from 'vitest';
import type { MoveGame } from '../core/move-game.js';
import { createConnectFour } from './rules.js';
import type { ConnectFourState } from './state.js';

type Game = MoveGame<ConnectFourState, number>;

/** Plain memoised negamax over the pure rules: the result (1, 0, -1) for the player to move. */
function bruteForce(game: Game, state: ConnectFourState, memo: Map<string, number>): number {
  const key = game.key(state);
  const known = memo.get(key);
  if (known !== undefined) return known;
  const outcome = game.outcome(state);
  let value: number;
  if (outcome) value = outcome[game.toMove(state)] === 1 ? 1 : outcome[game.toMove(state)] === 0 ? -1 : 0;
  else value = Math.max(...game.legalActions(state).map((a) => -bruteForce(game, game.apply(state, a), memo)));
  memo.set(key, value);
  return value;
}

/** The position after the 1-based column digits `moves` (e.g. '4453'). */
function play(game: Game, moves: string): ConnectFourState {
  return [...moves].reduce((s, ch) => game.apply(s, Number(ch) - 1), game.initial());
}

/** A seeded random running position after `plies` moves (xorshift; retried until the game is still running). */
function randomPosition(game: Game, plies: number, seed: number): ConnectFourState {
  let x = seed * 2654435761 + 1;
  const next = (n: number): number => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) % n;
  };
  for (;;) {
    let s = game.initial();
    for (let i = 0; i < plies && !game.isTerminal(s); i++) {
      const legal = game.legalActions(s);
      s = game.apply(s, legal[next(legal.length)] as number);
    }
    if (!game.isTerminal(s)) return s;
  }
}

describe('Connect Four bounded solver', () => {
  it('agrees with brute-force negamax on every move of random positions (4 x 4 from the start, 4 x 5 and 6 x 7 later)', () => {
    const cases: [Game, number, number][] = [
      [createConnectFour({ rows: 4, cols: 4 }), 0, 1],
      [createConnectFour({ rows: 4, cols: 4 }), 3, 8],
      [createConnectFour({ rows: 4, cols: 5 }), 8, 10],
      [createConnectFour(), 28, 25],
    ];
    let compared = 0;
    for (const [game, plies, count] of cases) {
      const memo = new Map<string, number>();
      for (let i = 0; i < count; i++) {
        const s = randomPosition(game, plies, 17 + i);
        const legal = game.legalActions(s);
        const exact = legal.map((a) => 0 - bruteForce(game, game.apply(s, a), memo));
        expect(game.boundedSolve?.(s, legal, 1e8)).toEqual(exact);
        compared += legal.length;
      }
    }
    expect(compared).toBeGreaterThan(150);
  });

  it('finds hand-checked wins, forced losses and blocks on the standard board', () => {
    const game = createConnectFour();
    // First player has three in column 1: playing it again wins on the spot.
    const threeUp = play(game, '121212');
    expect(game.boundedSolve?.(threeUp, [0], 1e6)).toEqual([1]);
    // First player has an open three on the bottom row (columns 2-4, both ends free): whatever the second player
    // does, the first wins at one end.
    const openThree = play(game, '22334');
    expect(game.boundedSolve?.(openThree, game.legalActions(openThree), 1e6)).toEqual([-1, -1, -1, -1, -1, -1, -1]);
    // First player has three on the bottom row (columns 2-4), column 1 taken by the second player: every reply
    // but the block in column 5 loses at once.
    const closedThree = play(game, '21324');
    expect(game.boundedSolve?.(closedThree, [0, 1, 2, 3, 5, 6], 1e6)).toEqual([-1, -1, -1, -1, -1, -1]);
  });

  it('answers null when the node budget is too small, and the same answer for the same position and budget', () => {
    const game = createConnectFour();
    const s = play(game, '4444');
    expect(game.boundedSolve?.(s, game.legalActions(s), 50)).toBeNull();
    const late = randomPosition(game, 30, 3);
    const first = game.boundedSolve?.(late, game.legalActions(late), 1e6);
    expect(first).not.toBeNull();
    expect(game.boundedSolve?.(late, game.legalActions(late), 1e6)).toEqual(first);
  });
});

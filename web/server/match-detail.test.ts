import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../arena/trace/events.js';
import { moveBoards } from './match-detail.js';

/** A minimal move-game trace: the start event and the moves, with engine progress on the first move. */
function trace(game: string, actions: readonly string[], best: string | null): TraceEvent[] {
  const events: Record<string, unknown>[] = [{ type: 'match_start', seq: 0, spec: { family: 'move', game, params: {} } }];
  actions.forEach((action, i) => events.push({ type: 'move', seq: i + 1, gameIndex: 0, player: i % 2, seat: i % 2, action }));
  if (best !== null) events.push({ type: 'progress', seq: actions.length + 1, step: 1, engine: { best } });
  return events as unknown as TraceEvent[];
}

describe('replay boards', () => {
  it('adds the game’s board grid, the move’s notation and the engine’s best move in that notation', () => {
    const boards = moveBoards(trace('chess(opening=0)', ['e2e4', 'e7e5'], 'd2d4')) ?? [];
    expect(boards).toHaveLength(3);
    expect(boards[0]?.grid?.highlight).toEqual([]);
    expect(boards[1]).toMatchObject({ seq: 1, notation: 'e4', best: 'd4' });
    expect(boards[1]?.grid?.highlight).toEqual([[6, 4], [4, 4]]);
    expect(boards[1]?.grid?.cells[4]?.[4]).toBe('♙');
    expect(boards[2]).toMatchObject({ seq: 2, notation: 'e5' });
    expect(boards[2]?.best).toBeUndefined();
  });

  it('gives tic-tac-toe a grid with the last move and, once a line is complete, the winning line', () => {
    const boards = moveBoards(trace('tic-tac-toe', ['a1', 'a2', 'b1', 'b2', 'c1'], null)) ?? [];
    expect(boards).toHaveLength(6);
    expect(typeof boards[0]?.board).toBe('string');
    expect(boards[2]?.grid?.highlight).toEqual([[1, 0]]);
    expect(boards[4]?.grid?.line).toBeUndefined();
    expect(boards[5]?.grid?.line).toEqual([[0, 0], [0, 1], [0, 2]]);
  });
});

import { describe, expect, it } from 'vitest';
import { ZERO_USAGE } from '../../../arena/trace/usage.js';
import type { TraceEvent } from '../../../arena/trace/events.js';
import { change, KEEP, planTrace } from '../../../metrics/testing/plan-trace.js';
import { moveReplay, planReplay } from './steps.js';

describe('planReplay', () => {
  it('makes one step per battle, with the submissions since the previous one and the plan each would replace', () => {
    const events = planTrace({ game: 'auto-battler', rounds: 2, winners: [0, 1, 1], revisions: [change(60), KEEP] });
    const replay = planReplay(events);
    expect(replay.steps.map((s) => s.battle?.battle)).toEqual([1, 2, 3]);
    expect(replay.steps[0]?.submissions.map((s) => [s.event.side, s.event.phase, s.inForce])).toEqual([
      [0, 'initial', null],
      [1, 'initial', null],
    ]);
    const revision = replay.steps[1]?.submissions[0];
    expect(revision?.event.phase).toBe('revision');
    expect(revision?.inForce?.phase).toBe('initial');
    expect(replay.end?.status).toBe('completed');
  });
});

describe('moveReplay', () => {
  const usage = ZERO_USAGE;
  const base = { time: 0, gameIndex: 0, usage } as const;
  const events = [
    { type: 'match_start', seq: 0, time: 0, round: 0, traceVersion: 1, matchId: 'm', promptVersion: 'p', spec: { family: 'move', game: 'tic-tac-toe', params: {}, games: 1, seed: 1, seats: [{ side: 0, agent: 'a', name: 'a' }, { side: 1, agent: 'b', name: 'b' }] } },
    { ...base, type: 'rejection', seq: 1, round: 0, player: 0, seat: 0, attempt: 1, code: 'move/illegal', reason: 'no', outcome: 'reask' },
    { ...base, type: 'move', seq: 2, round: 0, player: 0, seat: 0, action: 'b2', legalCount: 9, attempt: 2 },
    { type: 'progress', seq: 3, time: 0, round: 0, step: 2, prover: 'mcts', rollouts: 10, q: 0.6, v: 0.5, advantage: 0.1, stderr: 0.05 },
    { ...base, type: 'move', seq: 4, round: 1, player: 1, seat: 1, action: 'a1', legalCount: 8, attempt: 1 },
    { ...base, type: 'rejection', seq: 5, round: 2, player: 0, seat: 0, attempt: 1, code: 'move/illegal', reason: 'no', outcome: 'forfeit' },
    { type: 'game_end', seq: 6, time: 0, round: 2, gameIndex: 0, scores: [0, 1], plies: 2, forfeit: 0 },
  ] as unknown as TraceEvent[];

  it('attaches rejections to the move after them, keeps forfeits as steps and indexes progress by step', () => {
    const replay = moveReplay(events);
    expect(replay.steps.map((s) => [s.move?.action ?? null, s.rejections.length])).toEqual([
      ['b2', 1],
      ['a1', 0],
      [null, 1],
    ]);
    expect(replay.steps[2]?.gameEnd?.forfeit).toBe(0);
    expect(replay.progress.get(2)?.advantage).toBe(0.1);
  });
});

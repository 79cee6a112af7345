import { describe, expect, it } from 'vitest';
import { ZERO_USAGE } from '../../arena/trace/usage.js';
import type { EventDraft, TraceEvent } from '../../arena/trace/events.js';
import { computeMetrics } from '../compute.js';

const usage = { ...ZERO_USAGE, calls: 1, promptTokens: 10, completionTokens: 5 };

/** A two-game tic-tac-toe series between X (seat 0) and Y (seat 1), with re-asks and progress scores. */
function series(): TraceEvent[] {
  const events: TraceEvent[] = [];
  const emit = (d: EventDraft): number => {
    events.push({ ...d, seq: events.length, time: 0 } as TraceEvent);
    return events.length - 1;
  };
  const move = (gameIndex: number, seat: 0 | 1, action: string, ply: number): number =>
    emit({ type: 'move', round: ply, gameIndex, player: seat, seat, action, legalCount: 9, attempt: 1, response: { text: action }, usage });
  const reject = (gameIndex: number, seat: 0 | 1, text: string): number =>
    emit({ type: 'rejection', round: 0, gameIndex, player: seat, seat, attempt: 1, code: 'move/illegal', reason: 'occupied', response: { text }, outcome: 'reask', usage });
  const progress = (step: number, advantage: number): number =>
    emit({ type: 'progress', round: 0, step, prover: 'test', rollouts: 1, q: 0, v: 0, advantage, stderr: 0 });
  emit({ type: 'match_start', round: 0, traceVersion: 1, matchId: 'ttt', promptVersion: 't', spec: { family: 'move', game: 'tic-tac-toe@1', params: {}, games: 2, seed: 1, seats: [{ side: 0, agent: 'x', name: 'X' }, { side: 1, agent: 'y', name: 'Y' }] } });
  progress(move(0, 0, 'a1', 0), 0.1);
  reject(0, 1, 'a1'); // Y re-asked ...
  progress(move(0, 1, 'b2', 1), -0.25); // ... and answers differently with a legal move: a successful revision
  emit({ type: 'game_end', round: 0, gameIndex: 0, scores: [1, 0], plies: 3 });
  move(1, 1, 'a1', 0);
  reject(1, 0, 'c3'); // X re-asked ...
  reject(1, 0, 'c3'); // ... repeats itself (not a revision), re-asked again ...
  progress(move(1, 0, 'c1', 1), -0.3); // ... then changes to a legal move: a successful revision
  progress(move(1, 1, 'b1', 2), -0.5); // Y's second blunder of the series, its first in game 1
  emit({ type: 'game_end', round: 0, gameIndex: 1, scores: [0.5, 0.5], plies: 9 });
  emit({ type: 'match_end', round: 0, status: 'completed', wins: [1, 0], winner: 0, score: [0.75, 0.25], usage: [ZERO_USAGE, ZERO_USAGE] });
  return events;
}

describe('move-game metrics from the move step extractor', () => {
  const r = computeMetrics([series()], { bootstrap: 50 });
  const get = (agent: string, id: string): [number | null, number] | undefined => {
    const e = r.games.find((g) => g.agent === agent)?.metrics[id];
    return e && [e.value, e.n];
  };

  it('scores games as evaluated rounds, with β over the series', () => {
    expect(get('X', 'wr')).toEqual([0.75, 2]); // games 1, ½
    expect(get('X', 'beta')).toEqual([-0.5, 2]); // slope of (1, ½) on (0, 1)
    expect(get('Y', 'wr')).toEqual([0.25, 2]);
    expect(get('X', 'wrMatch')).toEqual([1, 1]); // 1.5 game points to 0.5
  });

  it('counts re-asks as opportunities and changed answers as revisions', () => {
    expect(get('X', 'orr')).toEqual([0.5, 2]); // 'c3' repeated (no revision), then 'c1'
    expect(get('X', 'csr')).toEqual([1, 1]);
    expect(get('Y', 'orr')).toEqual([1, 1]);
    expect(get('X', 'violationRate')).toEqual([0.5, 4]); // 2 rejections of 4 decisions
    expect(get('X', 'tokensPerMatch')).toEqual([60, 1]);
  });

  it('reads progress scores: mean advantage, blunders (A ≤ −0.2) and the first blunder ply', () => {
    expect(get('X', 'meanAdvantage')?.[0]).toBeCloseTo((0.1 - 0.3) / 2, 12);
    expect(get('X', 'blunderRate')).toEqual([0.5, 2]);
    expect(get('Y', 'blunderRate')).toEqual([1, 2]);
    expect(get('X', 'firstBlunderPly')).toEqual([1, 1]); // game 1, ply 1
    expect(get('Y', 'firstBlunderPly')).toEqual([1.5, 2]); // game 0 ply 1, game 1 ply 2
  });

  it('reports only metrics the family defines (no OBR, no first-try validity for move games)', () => {
    const metrics = r.games[0]?.metrics ?? {};
    expect(metrics['obr']).toBeUndefined();
    expect(metrics['firstTry']).toBeUndefined();
  });
});

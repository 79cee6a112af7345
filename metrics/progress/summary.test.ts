import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../arena/trace/events.js';
import { summarizeProgress } from './summary.js';

/** A move match whose seat-0 moves have the given advantages (and centipawn losses) per game. */
function match(id: string, games: readonly (readonly [number, number][])[]): TraceEvent[] {
  const events: Record<string, unknown>[] = [{ type: 'match_start', seq: 0, time: 0, round: 0, matchId: id, traceVersion: 1, promptVersion: 'x', spec: { family: 'move', game: 'chess', params: {}, games: games.length, seed: 1, seats: [{ side: 0, agent: 'a', name: 'a' }, { side: 1, agent: 'b', name: 'b' }] } }];
  const steps: Record<string, unknown>[] = [];
  games.forEach((moves, g) => {
    moves.forEach(([adv, cp], i) => {
      const seq = events.length;
      events.push({ type: 'move', seq, time: 0, round: i * 2, gameIndex: g, player: 0, seat: 0, action: 'x', legalCount: 1, attempt: 1 });
      steps.push({ type: 'progress', round: i * 2, step: seq, prover: 'engine:depth=8', rollouts: 0, q: 0, v: 0, advantage: adv, stderr: 0, engine: { depth: 8, nodes: 1, best: null, before: { cp: 0 }, after: { cp: 0 }, cpLoss: cp } });
    });
  });
  for (const s of steps) events.push({ ...s, seq: events.length, time: 0 });
  return events as unknown as TraceEvent[];
}

describe('progress summary', () => {
  it('gives mean advantage, blunder rate and centipawn loss with intervals clustered by game', () => {
    const m = match('m1', [[[0, 0], [-0.5, 300]], [[0, 10], [0, 30]], [[-0.1, 50], [0.1, 10]]]);
    const [a] = summarizeProgress([m], 0.2);
    expect(a?.n).toBe(6);
    expect(a?.meanAdvantage).toBeCloseTo(-0.5 / 6, 12);
    expect(a?.meanCpLoss).toBeCloseTo(400 / 6, 12);
    // Cluster sums of A: -0.5, 0, 0; m = -1/12; residuals: -0.5 + 1/6, 1/6, 1/6.
    const m0 = -0.5 / 6;
    const ss = (-0.5 - 2 * m0) ** 2 + 2 * (2 * m0) ** 2;
    const se = (Math.sqrt(ss) / 6) * Math.sqrt(3 / 2);
    expect(a?.advantageInterval?.[0]).toBeCloseTo(m0 - 1.959963984540054 * se, 12);
    expect(a?.advantageInterval?.[1]).toBeCloseTo(m0 + 1.959963984540054 * se, 12);
    expect(a?.blunders).toBe(1);
    expect(a?.blunderRateInterval?.[0]).toBe(0);
    expect(a?.cpLossInterval?.[1]).toBeGreaterThan(400 / 6);
  });

  it('has no centipawn loss without engine annotations, and one game gives a zero-width interval', () => {
    const m = match('m2', [[[0.1, 0], [0.3, 0]]]).map((e): TraceEvent => {
      if (e.type !== 'progress') return e;
      const { engine: _engine, ...rest } = e;
      return rest;
    });
    const [a] = summarizeProgress([m]);
    expect(a?.meanCpLoss).toBeNull();
    expect(a?.advantageInterval).toEqual([0.2, 0.2].map((x) => expect.closeTo(x, 12)));
  });
});

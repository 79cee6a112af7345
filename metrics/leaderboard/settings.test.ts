import { describe, expect, it } from 'vitest';
import { ZERO_USAGE } from '../../arena/trace/usage.js';
import type { EventDraft, TraceEvent } from '../../arena/trace/events.js';
import { planTrace } from '../testing/plan-trace.js';
import { settingBreakdown, settingObservations } from './settings.js';

/** A two-game series: X (seat 0) opens game 0 and wins it; Y opens game 1 and it is drawn. */
function series(): TraceEvent[] {
  const events: TraceEvent[] = [];
  const emit = (d: EventDraft): void => void events.push({ ...d, seq: events.length, time: 0 } as TraceEvent);
  const move = (gameIndex: number, player: 0 | 1, seat: 0 | 1): void => emit({ type: 'move', round: 0, gameIndex, player, seat, action: 'a', legalCount: 9, attempt: 1, usage: ZERO_USAGE });
  emit({ type: 'match_start', round: 0, traceVersion: 1, matchId: 'm', promptVersion: 't', spec: { family: 'move', game: 'tic-tac-toe@1', params: {}, games: 2, seed: 1, seats: [{ side: 0, agent: 'x', name: 'X' }, { side: 1, agent: 'y', name: 'Y' }] } });
  move(0, 0, 0);
  move(0, 1, 1);
  emit({ type: 'game_end', round: 0, gameIndex: 0, scores: [1, 0], plies: 2 });
  move(1, 0, 1);
  move(1, 1, 0);
  emit({ type: 'game_end', round: 0, gameIndex: 1, scores: [0.5, 0.5], plies: 2 });
  emit({ type: 'match_end', round: 0, status: 'completed', wins: [1, 0], winner: 0, score: [0.75, 0.25], usage: [ZERO_USAGE, ZERO_USAGE] });
  return events;
}

describe('settingObservations and settingBreakdown', () => {
  it('reads move games by seat order: who moved first in each game of the series', () => {
    const obs = settingObservations(series());
    expect(obs.filter((o) => o.agent === 'X').map((o) => [o.side, o.score])).toEqual([[0, 1], [1, 0.5]]);
    expect(obs.filter((o) => o.agent === 'Y').map((o) => [o.side, o.score])).toEqual([[1, 0], [0, 0.5]]);
  });

  it('reads plan games by role × revise-first and pools them with Wilson intervals (hand-worked)', () => {
    // A on side 0 revising first wins twice; A on side 1 (B's side 0 revises first) loses once.
    const won = planTrace({ id: 'm1', game: 'auto-battler', seats: ['A', 'B'], rounds: 1, reviseFirst: 0, winners: [0, 0] });
    const again = planTrace({ id: 'm2', game: 'auto-battler', seats: ['A', 'B'], rounds: 1, reviseFirst: 0, winners: [0, 0] });
    const lost = planTrace({ id: 'm3', game: 'auto-battler', seats: ['B', 'A'], rounds: 1, reviseFirst: 0, winners: [0, 0] });
    const rows = settingBreakdown([won, again, lost].flatMap(settingObservations)).get('A') ?? [];
    expect(rows.map((r) => [r.kind, r.side, r.revisesFirst, r.n, r.score])).toEqual([
      ['role', 0, true, 2, 1],
      ['role', 1, false, 1, 0],
    ]);
    // Wilson at 2/2: lower end 2 / (2 + z²) = 0.34238..., never the zero-width [1, 1]
    expect(rows[0]?.lo).toBeCloseTo(2 / (2 + 1.959964 ** 2), 5);
    expect(rows[0]?.hi).toBe(1);
  });

  it('skips matches that did not complete', () => {
    expect(settingObservations(planTrace({ rounds: 1, winners: [0], status: 'error' }))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { change, KEEP, planTrace } from '../testing/plan-trace.js';
import { planRecords, planRevisions } from './plan.js';
import { S } from './record.js';

describe('planRevisions', () => {
  it('labels each opportunity as the metrics count it, and agrees with the per-side sums', () => {
    // Side 0 revises after battles 1 and 3, side 1 after battle 2. Winners: 0, 1, 0, 1, 0 (scores 1/0).
    const events = planTrace({ rounds: 5, reviseFirst: 0, winners: [0, 1, 0, 1, 0], revisions: [change(60), KEEP, change(70), change(80)] });
    const labels = planRevisions(events);
    expect(labels.map((l) => [l.battle, l.side, l.revised, l.success, l.harmful, l.unforced])).toEqual([
      [2, 0, true, false, true, true], // won battle 1, revised, lost battle 2: harmful and unforced
      [3, 1, false, false, false, false], // kept the plan: unchanged
      [4, 0, true, false, true, true],
      [5, 1, true, false, true, true],
    ]);
    const records = planRecords(events);
    for (const side of [0, 1] as const) {
      const mine = labels.filter((l) => l.side === side);
      const stats = records[side]?.stats ?? [];
      expect(mine.filter((l) => l.revised).length).toBe(stats[S.revised]);
      expect(mine.filter((l) => l.success).length).toBe(stats[S.success]);
      expect(mine.filter((l) => l.harmful).length).toBe(stats[S.harmful]);
      expect(mine.filter((l) => l.unforced).length).toBe(stats[S.revisedAfterWin]);
    }
  });

  it('counts a score rise as a success', () => {
    const labels = planRevisions(planTrace({ rounds: 2, winners: [1, 0], revisions: [change(80)] }));
    expect(labels).toEqual([{ side: 0, battle: 2, afterWin: false, revised: true, success: true, harmful: false, unforced: false, delta: 1 }]);
  });
});

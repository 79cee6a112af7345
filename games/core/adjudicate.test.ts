import { describe, expect, it } from 'vitest';
import { adjudicate } from './adjudicate.js';

describe('budget adjudication (SPEC §1.4)', () => {
  const budgets = [2000, 1500] as const;
  it.each([
    // [costs, battle winner, expected winner, reason]
    [[2000, 1500], 0, 0, 'battle'],
    [[1999, 1000], 1, 1, 'battle'],
    [[2001, 1500], 0, 1, 'over_budget'],
    [[100, 1501], 1, 0, 'over_budget'],
    // both over: 2200 is 200/2000 = 10%; 1800 is 300/1500 = 20% -> side 0 has the smaller overrun
    [[2200, 1800], 1, 0, 'both_over_budget'],
    // 2600 is 30%, 1650 is 10% -> side 1
    [[2600, 1650], 0, 1, 'both_over_budget'],
    // 2200 is 10% and 1650 is 10%: equal relative overrun, no winner
    [[2200, 1650], 0, null, 'equal_overrun'],
    [[2200, 1650], null, null, 'equal_overrun'],
  ] as const)('costs %j, battle %s -> %s (%s)', (costs, battle, winner, reason) => {
    const a = adjudicate(costs, budgets, battle);
    expect(a.winner).toBe(winner);
    expect(a.reason).toBe(reason);
    expect(a.over).toEqual([Math.max(costs[0] - 2000, 0), Math.max(costs[1] - 1500, 0)]);
  });

  it('keeps a no-winner battle when nobody is over budget', () => {
    expect(adjudicate([10, 10], [20, 20], null)).toEqual({ winner: null, reason: 'battle', over: [0, 0] });
  });

  it('compares overruns exactly, without floating-point error', () => {
    // 0.1 + 0.2 style traps: 21/20 and 63/60 are both 5% over.
    expect(adjudicate([21, 63], [20, 60], 0).winner).toBeNull();
  });
});

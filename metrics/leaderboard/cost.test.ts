import { describe, expect, it } from 'vitest';
import { ZERO_USAGE } from '../../arena/trace/usage.js';
import type { TraceEvent } from '../../arena/trace/events.js';
import { planTrace } from '../testing/plan-trace.js';
import { buildLeaderboard } from './build.js';
import { costRows } from './cost.js';
import { formatLeaderboard } from './format.js';

/** A one-battle match won by `winner`, with the given tokens and dollars per side on its match_end. */
function match(winner: 0 | 1, tokens: readonly [number, number], usd: readonly [number, number]): TraceEvent[] {
  const events = planTrace({ rounds: 1, winners: [winner], seats: ['A', 'B'] });
  const end = events[events.length - 1] as Extract<TraceEvent, { type: 'match_end' }>;
  const usage = [0, 1].map((i) => ({ ...ZERO_USAGE, calls: 1, promptTokens: tokens[i] as number, costUsd: usd[i] as number })) as unknown as typeof end.usage;
  return [...events.slice(0, -1), { ...end, usage }];
}

describe('cost per match, decision and win', () => {
  // A wins 3 of 4; A spends 1000 tokens and $0.01 a match, B 500 tokens and $0.02 (one decision each per match).
  const matches = [match(0, [1000, 500], [0.01, 0.02]), match(0, [1000, 500], [0.01, 0.02]), match(0, [1000, 500], [0.01, 0.02]), match(1, [1000, 500], [0.01, 0.02])];

  it('divides the sums by matches, decisions and wins', () => {
    const cost = costRows(matches, { bootstrap: 200 });
    const a = cost.get('A');
    const b = cost.get('B');
    expect(a?.tokensPerMatch.value).toBe(1000);
    expect(a?.usdPerMatch.value).toBeCloseTo(0.01, 12);
    expect(a?.tokensPerDecision.value).toBe(1000);
    expect(a?.usdPerWin.value).toBeCloseTo(0.04 / 3, 12);
    expect(b?.usdPerWin.value).toBeCloseTo(0.08, 12);
    expect(b?.usdPerWin.n).toBe(1);
    // Constant per match: the interval is the point; per win it varies with the wins drawn.
    expect([a?.usdPerMatch.lo, a?.usdPerMatch.hi]).toEqual([a?.usdPerMatch.value, a?.usdPerMatch.value]);
    expect((b?.usdPerWin.hi ?? 0) > (b?.usdPerWin.lo ?? 0)).toBe(true);
  });

  it('has no cost per win for an agent that never won', () => {
    const cost = costRows([match(0, [10, 10], [0.001, 0.001])], { bootstrap: 0 });
    expect(cost.get('B')?.usdPerWin).toMatchObject({ value: null, n: 0 });
  });

  it('shows a cost table under the leaderboard when anything was spent', () => {
    const text = formatLeaderboard(buildLeaderboard(matches, { bootstrap: 100 }), 'table');
    expect(text).toMatch(/Cost \(95% bootstrap intervals over matches\)\nagent\s+tokens\/match\s+USD\/match\s+tokens\/decision\s+USD\/decision\s+USD\/win/);
    expect(text).toMatch(/\nA\s+1000\s+0\.0100\s+1000\s+0\.01000\s+0\.0133 \[/);
    const csv = formatLeaderboard(buildLeaderboard(matches, { bootstrap: 0 }), 'csv');
    expect(csv.split('\n')[0]).toMatch(/,usdPerWin,usdPerWin_lo,usdPerWin_hi,protocol$/);
  });
});

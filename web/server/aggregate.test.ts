import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildLeaderboard, type LeaderboardRow } from '../../metrics/leaderboard/build.js';
import type { TraceEvent } from '../../arena/trace/events.js';
import { change, planTrace } from '../../metrics/testing/plan-trace.js';
import { syntheticTournament } from '../../metrics/testing/tournament.js';
import { ALL_GAMES } from '../shared/api.js';
import { AggregateBuilder } from './aggregate.js';
import { factsOf } from './facts.js';
import { decodeSlim } from './slim.js';

/** Stores and reads back each trace the way the results store does, then aggregates. */
function aggregate(matches: readonly TraceEvent[][], options: { bootstrap: number; seed: number; anchor?: string }) {
  const builder = new AggregateBuilder();
  for (const m of matches) {
    const facts = factsOf(decodeSlim(gzipSync(m.map((e) => JSON.stringify(e)).join('\n'))));
    if (facts) builder.add(facts);
  }
  return builder.finish(options);
}

/** Seats of `alpha` record a protocol, another one in every third match (a models file edited between resumed runs). */
function withProtocols(list: readonly TraceEvent[][]): TraceEvent[][] {
  return list.map((m, i) => {
    const [start, ...rest] = m;
    if (start?.type !== 'match_start') return m;
    const seats = start.spec.seats.map((s) => (s.name === 'alpha' ? { ...s, protocol: { answer: i % 3 === 0 ? 'tool' : 'text', history: 'stateless' } } : s));
    return [{ ...start, spec: { ...start.spec, seats: seats as unknown as typeof start.spec.seats } }, ...rest] as TraceEvent[];
  });
}

const matches = [
  ...withProtocols(syntheticTournament({ seed: 5, matches: 60, agents: ['alpha', 'beta', 'gamma', 'random'] })),
  planTrace({ id: 'err', seats: ['alpha', 'beta'], rounds: 2, winners: [0, 1], status: 'error' }),
  planTrace({ id: 'viol', game: 'auto-battler', seats: ['alpha', 'gamma'], rounds: 2, winners: [0, 1, 0], revisions: [change(120, ['plan/over_budget']), change(40, ['item/unknown_name', 'item/unknown_name'])] }),
];

/** Submissions of an agent carrying a violation code, counted straight from the traces. */
function sub(list: readonly TraceEvent[][], agent: string, code: string): number {
  let n = 0;
  for (const m of list) {
    const start = m[0];
    if (start?.type !== 'match_start') continue;
    for (const e of m) if (e.type === 'plan_submission' && start.spec.seats[e.side].name === agent && (e.violations as readonly string[]).includes(code)) n++;
  }
  return n;
}

describe('AggregateBuilder', () => {
  it('gives the rows of buildLeaderboard, overall and per game, from slim traces', () => {
    const options = { bootstrap: 60, seed: 9, anchor: 'beta' };
    const agg = aggregate(matches, options);
    const lb = buildLeaderboard(matches, options);
    // The CLI's rating objects also carry the agent's name; the site's rows hold it once.
    // Both carry the cost per match, decision and win (`cost`) with the same bootstrap intervals.
    const plain = (rows: readonly LeaderboardRow[]) =>
      rows.map((r) => ({ ...r, rating: r.rating ? { rating: r.rating.rating, lo: r.rating.lo, hi: r.rating.hi, n: r.rating.n, ...(r.rating.unbounded ? { unbounded: r.rating.unbounded } : {}) } : null }));
    expect(agg.scope(ALL_GAMES)?.rows).toEqual(plain(lb.rows));
    expect(agg.scope(ALL_GAMES)?.estimator).toEqual(lb.estimator);
    expect(agg.scopeNames.filter((k) => k !== ALL_GAMES)).toEqual(Object.keys(lb.byGame));
    for (const [game, rows] of Object.entries(lb.byGame)) {
      expect(agg.scope(game)?.rows).toEqual(plain(rows));
      expect(agg.scope(game)?.estimator).toEqual(lb.byGameEstimator[game]);
      expect(agg.scope(game)?.headToHead).toEqual(lb.headToHead[game]);
    }
    expect(agg.crossGame).toEqual(lb.crossGame);
    expect(agg.scope(ALL_GAMES)?.rows.some((r) => r.cost !== undefined)).toBe(true);
    // The protocol of each agent, as the CLI gives it (the CSV downloads of both carry it).
    expect(agg.scope(ALL_GAMES)?.rows.find((r) => r.agent === 'alpha')?.protocol).toBe('answer=text history=stateless | answer=tool history=stateless');
    expect(agg.scope(ALL_GAMES)?.rows.find((r) => r.agent === 'beta')?.protocol).toBeUndefined();
    expect(agg.scope('no-such-game')).toBeUndefined();
    expect(agg.anchor).toBe('beta');
    expect(agg.excluded).toEqual(lb.excluded);
  });

  it('counts every evaluated round once in the improvement curves, and violations by code', () => {
    const agg = aggregate(matches, { bootstrap: 10, seed: 1 });
    for (const game of agg.scopeNames) {
      const scope = agg.scope(game);
      if (game === ALL_GAMES || !scope) continue;
      for (const row of scope.rows) {
        const points = scope.curves.find((c) => c.agent === row.agent)?.points ?? [];
        expect(points.reduce((a, p) => a + p.n, 0)).toBe(row.metrics['wr']?.n ?? 0);
      }
    }
    const gamma = agg.agents.get('gamma');
    expect(gamma?.violations).toContainEqual({ code: 'item/unknown_name', count: 1 });
    expect(agg.agents.get('alpha')?.violations.find((v) => v.code === 'plan/over_budget')?.count).toBe(sub(matches, 'alpha', 'plan/over_budget'));
  });
});

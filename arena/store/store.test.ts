import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ZERO_USAGE } from '../trace/usage.js';
import type { TraceEvent } from '../trace/events.js';
import { Store, StoreError, type MatchOutcome, type PlannedMatch } from './store.js';

const planned = (key: string, ord: number): PlannedMatch => ({ key, ord, game: 'tic-tac-toe', family: 'move', agents: ['a', 'b'], seed: ord, spec: { game: 'tic-tac-toe' } });
const done: MatchOutcome = { status: 'completed', winner: 0, scores: [1, 0], tokens: 12, costUsd: 0.5, wallMs: 3 };
const trace = (id: string): TraceEvent[] => [
  { type: 'error', seq: 0, time: 0, round: 0, kind: 'internal', message: `${id}: a message with "quotes" and ünïcode` },
  { type: 'match_end', seq: 1, time: 0, round: 0, status: 'completed', wins: [1, 0], winner: 0, score: [1, 0], usage: [ZERO_USAGE, ZERO_USAGE] },
];

function plannedStore(keys: readonly string[]): Store {
  const store = new Store(':memory:');
  store.createRun({ id: 'r', name: 'r', kind: 'tournament', config: {}, configHash: 'h', seed: 1 });
  store.planMatches(
    'r',
    keys.map((k, i) => planned(k, i)),
  );
  return store;
}

describe('Store.recordMatch', () => {
  it('writes the outcome and the trace of each match, one after another, and reads them back unchanged', () => {
    const store = plannedStore(['m1', 'm2', 'm3']);
    for (const key of ['m1', 'm2', 'm3']) store.recordMatch('r', key, done, trace(key));
    expect(store.matches('r').map((m) => [m.match_key, m.status, m.winner, m.tokens, m.attempts])).toEqual([
      ['m1', 'completed', 0, 12, 1],
      ['m2', 'completed', 0, 12, 1],
      ['m3', 'completed', 0, 12, 1],
    ]);
    expect(store.trace('r', 'm2')).toEqual(trace('m2'));
    expect([...store.traces('r')]).toEqual([trace('m1'), trace('m2'), trace('m3')]);
    store.close();
  });

  it('refuses a match that was never planned, writes nothing for it, and keeps recording the others', () => {
    const store = plannedStore(['m1', 'm2']);
    expect(() => store.recordMatch('r', 'ghost', done, trace('ghost'))).toThrow(StoreError);
    expect(store.trace('r', 'ghost')).toBeUndefined();
    store.recordMatch('r', 'm2', done, trace('m2'));
    expect(store.matches('r', { status: 'completed' }).map((m) => m.match_key)).toEqual(['m2']);
    expect(store.pendingMatches('r').map((m) => m.match_key)).toEqual(['m1']);
    store.close();
  });

  it('reads traces written at any compression level (stores written before the fastest level was used)', () => {
    const store = plannedStore(['old']);
    store.recordMatch('r', 'old', done, trace('new'));
    const blob = gzipSync(
      trace('old')
        .map((e) => JSON.stringify(e))
        .join('\n'),
      { level: 9 },
    );
    store.db.prepare(`UPDATE traces SET events = ? WHERE run_id = 'r' AND match_key = 'old'`).run(blob);
    expect(store.trace('r', 'old')).toEqual(trace('old'));
    store.close();
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outcomeOf } from '../../arena/tournament/execute.js';
import { Store } from '../../arena/store/store.js';
import type { MatchStartEvent } from '../../arena/trace/events.js';
import { syntheticTournament } from '../../metrics/testing/tournament.js';
import { ALL_GAMES } from '../shared/api.js';
import { AggregateCache, computeRunAggregate } from './aggregate-cache.js';
import { ReadStore } from './read-store.js';

let dir = '';
let path = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arena-web-agg-'));
  path = join(dir, 'arena.db');
  const store = new Store(path);
  const matches = syntheticTournament({ seed: 8, matches: 90, agents: ['a', 'b', 'c'] });
  store.createRun({ id: 'r', name: 'r', kind: 'tournament', config: {}, configHash: 'h', seed: 3 });
  store.planMatches(
    'r',
    matches.map((m, ord) => {
      const start = m[0] as MatchStartEvent;
      return { key: start.matchId, ord, game: start.spec.game, family: 'plan', agents: [start.spec.seats[0].name, start.spec.seats[1].name], seed: 1, spec: start.spec };
    }),
  );
  for (const m of matches) store.recordMatch('r', (m[0] as MatchStartEvent).matchId, outcomeOf(m), m);
  store.close();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('computeRunAggregate', () => {
  it('gives the same leaderboard from worker threads as from one pass in this thread', async () => {
    const store = new ReadStore(path);
    try {
      const here = await computeRunAggregate(store, 'r', { bootstrap: 30, workers: 1 });
      const split = await computeRunAggregate(store, 'r', { bootstrap: 30, workers: 3, parallelMin: 0 });
      expect(split.traces).toBe(90);
      expect([here.workers, split.workers]).toEqual([0, 3]);
      for (const name of here.scopeNames) expect(split.scope(name)).toEqual(here.scope(name));
      expect([...split.agents]).toEqual([...here.agents]);
    } finally {
      store.close();
    }
  });
});

describe('AggregateCache', () => {
  it('computes a run once for concurrent requests and fills per-game scopes in the background', async () => {
    const store = new ReadStore(path);
    try {
      const cache = new AggregateCache(store, { bootstrap: 20, workers: 1 });
      const [a, b] = await Promise.all([cache.get('r'), cache.get('r')]);
      expect(a).toBe(b);
      expect(a.scopeNames[0]).toBe(ALL_GAMES);
      expect(a.scopeNames.length).toBe(4);
    } finally {
      store.close();
    }
  });
});

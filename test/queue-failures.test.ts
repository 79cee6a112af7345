import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueueCoordinator } from '../arena/queue/coordinator.js';
import { Store } from '../arena/store/store.js';
import { checkTournamentConfig } from '../arena/tournament/config.js';
import { runTournament } from '../arena/tournament/run.js';
import { startRedisServer, testRedis, type TestRedis } from './support/redis.js';
import { arena, finishedCount, startWorker, stopChild, storeSnapshot, type Child } from './support/queue-run.js';

/**
 * What goes wrong around the queue: a worker of another version refuses the jobs (not scored, played on resume),
 * an unreachable Redis stops the CLI with one line naming the URL before anything is written, and Redis lost
 * mid-run stops the coordinator with that line and keeps every match already recorded.
 */

let redis: TestRedis;
let dir = '';
const children: Child[] = [];

beforeAll(async () => {
  redis = await testRedis(3);
  dir = mkdtempSync(join(tmpdir(), 'arena-queue-fail-'));
});
afterAll(async () => {
  await Promise.all(children.map((c) => stopChild(c)));
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A port nothing listens on: a server started and stopped again. */
async function deadPort(): Promise<number> {
  const server = await startRedisServer();
  await server.stop();
  return server.port;
}

describe('queue failures', () => {
  it('a worker of another version refuses the jobs: recorded as infrastructure errors, never scored, played on resume', async () => {
    const worker = await startWorker(redis.url);
    children.push(worker);
    const config = checkTournamentConfig({ name: 'versions', seed: 2, games: ['tic-tac-toe'], agents: { random: 'random', greedy: 'greedy' }, cache: 'off' }, 'test', 'versions');
    const store = new Store(join(dir, 'versions.db'));
    try {
      const lines: string[] = [];
      const newer = await QueueCoordinator.connect({ url: redis.url, versions: { arena: '9.9.9', prompts: 'v9' }, log: (l) => lines.push(l) });
      const first = await runTournament(config, { store, env: {}, quiet: true, remote: newer });
      expect(first.stop.kind).toBe('incomplete');
      const rows = store.matches(first.runId);
      expect(rows).toHaveLength(2);
      for (const r of rows) {
        expect(r).toMatchObject({ status: 'error', error_reason: 'infrastructure', winner: null });
        expect(r.error_message).toContain('version mismatch: the job needs arena 9.9.9 with prompts v9, this worker runs arena 0.1.0');
      }
      expect(lines.join('\n')).toContain('version mismatch');
      expect(worker.stderr()).toContain("refused the matches of run 'versions': version mismatch");
      expect(store.pendingMatches(first.runId)).toHaveLength(2);
      const same = await QueueCoordinator.connect({ url: redis.url });
      const second = await runTournament(config, { store, env: {}, quiet: true, remote: same });
      expect(second.stop.kind).toBe('completed');
      expect(store.counts(first.runId)).toEqual({ total: 2, completed: 2, errors: 0, planned: 0 });
    } finally {
      store.close();
    }
  }, 120_000);

  it('Redis unreachable at start: one line naming the URL, exit 2, no store created', async () => {
    const url = `redis://127.0.0.1:${await deadPort()}`;
    const file = join(dir, 'down.yaml');
    writeFileSync(file, "name: down\ngames: [tic-tac-toe]\nagents: { a: random, b: greedy }\ncache: 'off'\n");
    const db = join(dir, 'down.db');
    const run = arena(['tournament', file, '--store', db, '--redis', url, '--quiet']);
    expect(await run.exited).toBe(2);
    expect(run.stderr()).toMatch(new RegExp(`^arena: cannot reach Redis at ${url.replace(/[.]/g, '\\.')}: .*ECONNREFUSED.*\\n$`));
    expect(existsSync(db)).toBe(false);
    const worker = arena(['worker', '--redis', url]);
    expect(await worker.exited).toBe(2);
    expect(worker.stderr()).toMatch(new RegExp(`^arena: cannot reach Redis at ${url.replace(/[.]/g, '\\.')}: `));
    // the password of a URL never shows
    const secret = arena(['tournament', file, '--store', db, '--redis', `redis://:hunter2-secret@127.0.0.1:${new URL(url).port}`, '--quiet']);
    expect(await secret.exited).toBe(2);
    expect(secret.stderr()).not.toContain('hunter2-secret');
    expect(secret.stderr()).toContain('redis://:***@127.0.0.1');
  }, 60_000);

  it('Redis lost mid-run: the coordinator stops with one line naming the URL and keeps every recorded match', async () => {
    const own = await startRedisServer();
    const file = join(dir, 'mid.yaml');
    writeFileSync(file, "name: mid\nseed: 3\ngames: [tic-tac-toe, connect-four]\nagents: { a: random, b: greedy, c: 'mcts:iterations=40', d: 'greedy:error=0.3' }\nrepetitions: 8\ncache: 'off'\n");
    const db = join(dir, 'mid.db');
    try {
      const worker = await startWorker(own.url);
      children.push(worker);
      const run = arena(['tournament', file, '--store', db, '--redis', own.url, '--quiet', '--bootstrap', '0']);
      while (finishedCount(db, 'mid') < 20) {
        if (run.process.exitCode !== null) throw new Error(`coordinator ended early: ${run.stderr()}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      await own.stop();
      const before = storeSnapshot(db, 'mid');
      expect(await run.exited).toBe(2);
      expect(run.stderr()).toMatch(new RegExp(`arena: lost Redis at ${own.url.replace(/[.]/g, '\\.')} \\(unreachable for \\d+ s\\)`));
      expect(run.stderr().trim().split('\n')).toHaveLength(1);
      const after = storeSnapshot(db, 'mid');
      const kept = before.rows.filter((r) => r['status'] !== 'planned');
      expect(kept.length).toBeGreaterThanOrEqual(20);
      for (const r of kept) {
        const key = r['match_key'] as string;
        expect(after.rows.find((x) => x['match_key'] === key)).toEqual(r);
        expect(after.traces[key]).toEqual(before.traces[key]);
      }
      // the worker gives up too, with the same kind of line
      expect(await worker.exited).toBe(2);
      expect(worker.stderr()).toContain(`lost Redis at ${own.url}`);
    } finally {
      await own.stop();
    }
  }, 120_000);
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testRedis, type TestRedis } from './support/redis.js';
import { arena, finishedCount, startWorker, stopChild, storeSnapshot, type Child } from './support/queue-run.js';

/**
 * A 200-match tournament of built-in agents played by three `arena worker` processes over Redis gives the same
 * store (results and traces, timing fields aside) as the same tournament in one process; so does a run whose
 * workers are SIGKILLed three times and whose coordinator is SIGKILLed twice, with every match recorded once.
 */

const CONFIG = `name: q200
seed: 7
games:
  - tic-tac-toe
  - connect-four
agents:
  random: random
  greedy: greedy
  mcts: mcts:iterations=40
  noisy: greedy:error=0.3
  noisier: greedy:error=0.6
schedule: { type: round-robin }
repetitions: 5
cache: 'off'
`;

let redis: TestRedis;
let dir = '';
let config = '';
let baseline: ReturnType<typeof storeSnapshot>;
const workers: Child[] = [];

beforeAll(async () => {
  redis = await testRedis(1);
  dir = mkdtempSync(join(tmpdir(), 'arena-queue-'));
  config = join(dir, 'q200.yaml');
  writeFileSync(config, CONFIG);
  const single = arena(['tournament', config, '--store', join(dir, 'single.db'), '--workers', '1', '--quiet', '--bootstrap', '0']);
  expect(await single.exited).toBe(0);
  baseline = storeSnapshot(join(dir, 'single.db'), 'q200');
});
afterAll(async () => {
  await Promise.all(workers.map((w) => stopChild(w)));
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('tournament on queue workers', () => {
  it('three worker processes give the single-process store, and the progress shows matches by state', async () => {
    expect(baseline.rows).toHaveLength(200);
    for (let i = 0; i < 3; i++) workers.push(await startWorker(redis.url));
    const db = join(dir, 'dist.db');
    const run = arena(['tournament', config, '--store', db, '--redis', redis.url, '--bootstrap', '0']);
    expect(await run.exited).toBe(0);
    expect(run.stderr()).toContain('queue: 0 waiting, 0 running, 200 done, 0 failed');
    const got = storeSnapshot(db, 'q200');
    expect(got.rows.every((r) => r['status'] === 'completed' && r['attempts'] === 1)).toBe(true);
    expect(got).toEqual(baseline);
  }, 240_000);

  it('survives SIGKILL of a worker three times and of the coordinator twice: same store, each match recorded once', async () => {
    while (workers.length < 3) workers.push(await startWorker(redis.url));
    const db = join(dir, 'killed.db');
    const coordinator = (): Child => arena(['tournament', config, '--store', db, '--redis', redis.url, '--quiet', '--bootstrap', '0']);
    const waitFor = async (n: number, run: Child): Promise<void> => {
      while (finishedCount(db, 'q200') < n) {
        if (run.process.exitCode !== null) throw new Error(`coordinator ended early (${run.process.exitCode}): ${run.stderr()}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    let run = coordinator();
    const kills = [
      { at: 15, who: 'worker' },
      { at: 40, who: 'coordinator' },
      { at: 70, who: 'worker' },
      { at: 110, who: 'coordinator' },
      { at: 140, who: 'worker' },
    ];
    for (const kill of kills) {
      await waitFor(kill.at, run);
      if (kill.who === 'worker') {
        const victim = workers.shift() as Child;
        await stopChild(victim, 'SIGKILL');
        workers.push(await startWorker(redis.url));
      } else {
        await stopChild(run, 'SIGKILL');
        run = coordinator();
      }
    }
    expect(await run.exited).toBe(0);
    const got = storeSnapshot(db, 'q200');
    expect(got.rows.every((r) => r['status'] === 'completed' && r['attempts'] === 1)).toBe(true);
    expect(got).toEqual(baseline);
  }, 300_000);
});

import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism, tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureCli } from '../../arena/cli/bundle/build.js';
import { QueueCoordinator } from '../../arena/queue/coordinator.js';
import { Store } from '../../arena/store/store.js';
import { checkTournamentConfig, type TournamentConfigInput } from '../../arena/tournament/config.js';
import { runTournament } from '../../arena/tournament/run.js';
import { startRedisServer } from '../support/redis.js';
import type { BenchResult } from './types.js';

/**
 * Distributed tournaments over Redis, side by side in one run on this machine:
 * - a CPU-bound built-in tournament (MCTS on Connect Four) in one process, then on 1, 2 and 4 `arena worker`
 *   processes, as speed-up over the single process (bounded by the machine's cores);
 * - the queue's overhead per match against the local worker-thread pool, on near-instant matches;
 * - 16 simulated workers (BullMQ workers thinking a fixed 50 ms per match) against one Redis, as matches per
 *   second against the ideal 16 / 50 ms.
 */
const CPU: TournamentConfigInput = {
  seed: 11,
  games: ['connect-four'],
  agents: { m1: 'mcts:iterations=6000', m2: 'mcts:iterations=5000', m3: 'mcts:iterations=4000' },
  repetitions: 4,
  cache: 'off',
};
const TINY: TournamentConfigInput = {
  seed: 5,
  games: ['tic-tac-toe'],
  agents: { a: 'random', b: 'random', c: 'random', d: 'random', e: 'random' },
  repetitions: 10,
  cache: 'off',
};

function started(child: ChildProcess, marker: string, stream: 'stdout' | 'stderr'): Promise<void> {
  return new Promise((resolve, reject) => {
    let text = '';
    child[stream]?.on('data', (d: Buffer) => {
      text += d.toString();
      if (text.includes(marker)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`exited (${code}) before it was ready: ${text}`)));
  });
}

async function workers(url: string, n: number, concurrency: number): Promise<ChildProcess[]> {
  const children = Array.from({ length: n }, () =>
    spawn(process.execPath, ['arena/cli/bin.js', 'worker', '--redis', url, '--concurrency', String(concurrency)], { stdio: ['ignore', 'ignore', 'pipe'] }),
  );
  await Promise.all(children.map((c) => started(c, 'playing matches from', 'stderr')));
  return children;
}

async function stop(children: readonly ChildProcess[]): Promise<void> {
  await Promise.all(children.map((c) => new Promise((resolve) => (c.exitCode !== null ? resolve(undefined) : (c.once('exit', resolve), c.kill('SIGTERM'))))));
}

/** Seconds to play the tournament into a fresh store: in this process (`workers` threads) or on the queue. */
async function timed(input: TournamentConfigInput, name: string, how: { workers: number } | { url: string }): Promise<{ seconds: number; matches: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'arena-queue-bench-'));
  const store = new Store(join(dir, 'arena.db'));
  try {
    const config = checkTournamentConfig({ ...input, name }, 'bench', name);
    const remote = 'url' in how ? await QueueCoordinator.connect({ url: how.url }) : undefined;
    const t0 = performance.now();
    const run = await runTournament(config, { store, env: {}, quiet: true, ...('workers' in how ? { workers: how.workers } : {}), ...(remote ? { remote } : {}) });
    const seconds = (performance.now() - t0) / 1000;
    if (run.stop.kind !== 'completed') throw new Error(`${name}: ${run.stop.detail}`);
    return { seconds, matches: store.counts(run.runId).completed };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function bench(): Promise<BenchResult[]> {
  await ensureCli();
  const redis = await startRedisServer();
  const cores = availableParallelism();
  const out: BenchResult[] = [];
  try {
    const single = await timed(CPU, 'cpu-single', { workers: 1 });
    out.push({ name: `CPU-bound tournament (${single.matches} MCTS matches), one process`, value: single.seconds, unit: 's', note: `${cores} cores` });
    for (const n of [1, 2, 4]) {
      const children = await workers(redis.url, n, 1);
      try {
        const q = await timed(CPU, `cpu-q${n}`, { url: redis.url });
        out.push({ name: `CPU-bound tournament, ${n} worker process${n > 1 ? 'es' : ''}: speed-up`, value: single.seconds / q.seconds, unit: '×', note: `${q.seconds.toFixed(1)} s; ideal ${Math.min(n, cores)}× (min of workers and ${cores} cores)` });
      } finally {
        await stop(children);
      }
    }

    // Marginal cost per match (200 matches minus 20), so that starting the pool's threads counts for neither side.
    const small = { ...TINY, repetitions: 1 };
    const localSmall = await timed(small, 'tiny-local-20', { workers: 2 });
    const local = await timed(TINY, 'tiny-local', { workers: 2 });
    const children = await workers(redis.url, 1, 2);
    let queued: { seconds: number; matches: number };
    let queuedSmall: { seconds: number; matches: number };
    try {
      queuedSmall = await timed(small, 'tiny-queue-20', { url: redis.url });
      queued = await timed(TINY, 'tiny-queue', { url: redis.url });
    } finally {
      await stop(children);
    }
    const extra = local.matches - localSmall.matches;
    const localPer = ((local.seconds - localSmall.seconds) * 1000) / extra;
    const queuedPer = ((queued.seconds - queuedSmall.seconds) * 1000) / extra;
    out.push({ name: 'near-instant matches, local pool of 2 threads', value: localPer, unit: 'ms/match', note: `marginal: ${local.matches} matches minus ${localSmall.matches}` });
    out.push({ name: 'near-instant matches, 1 worker process of 2 threads via Redis', value: queuedPer, unit: 'ms/match', note: 'same' });
    out.push({ name: 'queue overhead per match over the local pool', value: queuedPer - localPer, unit: 'ms/match', note: 'enqueue, lock, result, record' });

    const sim = spawn(process.execPath, ['--import', 'tsx', 'test/bench/queue-sim-workers.ts', redis.url, '16', '50'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await started(sim, 'ready', 'stdout');
      const r = await timed({ ...TINY, repetitions: 20 }, 'sim-16', { url: redis.url });
      const ideal = 16 / 0.05;
      out.push({ name: `16 simulated workers, 50 ms think time (${r.matches} matches)`, value: r.matches / r.seconds, unit: 'matches/s', note: `ideal ${ideal}/s: ${((100 * r.matches) / r.seconds / ideal).toFixed(0)}% of it` });
    } finally {
      await stop([sim]);
    }
  } finally {
    await redis.stop();
  }
  return out;
}

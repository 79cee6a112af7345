import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { checkTournamentConfig } from './config.js';
import { createProgress } from './progress.js';
import { configHash } from './run.js';

const ok = { games: ['auto-battler'], agents: { a: 'random', b: 'counter' } };

describe('queue settings of a tournament', () => {
  it('reads queue.redis and leaves it out of the run identity (a run may move onto the queue and off again)', () => {
    const queued = checkTournamentConfig({ ...ok, queue: { redis: 'redis://10.0.0.5:6379' } }, 't.yaml', 't');
    expect(queued.queue).toEqual({ redis: 'redis://10.0.0.5:6379' });
    const local = checkTournamentConfig(ok, 't.yaml', 't');
    expect(local.queue).toBeUndefined();
    expect(configHash(queued)).toBe(configHash(local));
  });

  it('rejects a queue that is not a Redis URL, naming the path', () => {
    expect(() => checkTournamentConfig({ ...ok, queue: { redis: 'http://x' } }, 't.yaml', 't')).toThrow(UsageError);
    expect(() => checkTournamentConfig({ ...ok, queue: { redis: 'http://x' } }, 't.yaml', 't')).toThrow(/queue\.redis.*redis:\/\/ or rediss:\/\//);
    expect(() => checkTournamentConfig({ ...ok, queue: { redis: 'redis://x', workers: 3 } }, 't.yaml', 't')).toThrow(/queue/);
  });

  it('adds matches by state to the status line once a queue reports them', () => {
    let err = '';
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => ((err += chunk), true)) as typeof process.stderr.write;
    try {
      const { reporter } = createProgress(10, 2, { intervalMs: 60_000 });
      reporter.states({ waiting: 5, running: 2, done: 1, failed: 0 });
      reporter.stop();
    } finally {
      process.stderr.write = write;
    }
    expect(err).toContain('2/10 matches');
    expect(err).toContain('| queue: 5 waiting, 2 running, 1 done, 0 failed');
  });
});

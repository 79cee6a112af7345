import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';
import { QUEUE_NAME, type QueuedMatch, type QueuedResult } from '../../arena/queue/job.js';
import { executeMatch } from '../../arena/tournament/execute.js';

/**
 * `tsx test/bench/queue-sim-workers.ts <redis-url> <workers> <think-ms>`: simulated queue workers for the queue
 * benchmark, each a BullMQ worker (own connection, one match at a time) that thinks a fixed time, then plays the
 * match. Prints "ready" once all listen; stops on SIGTERM.
 */
const [url, count, think] = process.argv.slice(2);
const workers = Array.from({ length: Number(count) }, () => {
  const connection = new Redis(url ?? '', { maxRetriesPerRequest: null });
  return new Worker<QueuedMatch, QueuedResult>(
    QUEUE_NAME,
    async (job) => {
      await sleep(Number(think));
      return { events: await executeMatch(job.data.job, {}) };
    },
    { connection, concurrency: 1 },
  );
});
await Promise.all(workers.map((w) => w.waitUntilReady()));
process.stdout.write('ready\n');
process.on('SIGTERM', () => void Promise.all(workers.map((w) => w.close())).then(() => process.exit(0)));

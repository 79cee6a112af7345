import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { useEndpointLimits } from '../llm/limiter.js';
import { executeMatch } from '../tournament/execute.js';
import { MatchPool } from '../tournament/pool.js';
import { networkBound } from '../tournament/run.js';
import { connectRedis } from './connection.js';
import { CURRENT_VERSIONS, QUEUE_NAME, versionMismatch, type QueuedMatch, type QueuedResult, type VersionStamp } from './job.js';
import { redisEndpointLimits } from './limits.js';

export interface QueueWorkerOptions {
  readonly url: string;
  /** Matches played at once by this worker. */
  readonly concurrency: number;
  /**
   * How long a worker may be silent before its job counts as stalled and is re-run by another worker: BullMQ's
   * lock duration; the stalled check runs every half of it.
   */
  readonly stallMs?: number;
  /** How long to keep reconnecting to a Redis that went away before giving up. */
  readonly giveUpMs?: number;
  /** The versions this worker plays (default: its own). */
  readonly versions?: VersionStamp;
  /** One line per notable event (a refused job, a lost connection). */
  readonly log?: (line: string) => void;
  /** Called once when Redis stays unreachable past `giveUpMs`. */
  readonly lost?: (message: string) => void;
}

export interface QueueWorker {
  /** Finishes the matches in flight, then disconnects. */
  close(): Promise<void>;
}

/**
 * A stateless match worker: takes match jobs from the queue, plays each and returns its trace as the job's result.
 * It holds no store. CPU-bound matches run in a pool of worker threads (so this thread stays free to renew its job
 * locks); matches with LLM seats run here, under endpoint limits shared through Redis with every other worker.
 */
export async function startQueueWorker(options: QueueWorkerOptions): Promise<QueueWorker> {
  const log = options.log ?? (() => undefined);
  const connection = connectRedis(options.url, { ...(options.giveUpMs !== undefined ? { giveUpMs: options.giveUpMs } : {}), lost: (m) => options.lost?.(m) });
  const stallMs = options.stallMs ?? 30_000;
  useEndpointLimits(redisEndpointLimits(connection, { log }));
  const pool = new MatchPool(options.concurrency, {});
  const mine = options.versions ?? CURRENT_VERSIONS;
  const refusedRuns = new Set<string>();
  const worker = new Worker<QueuedMatch, QueuedResult>(
    QUEUE_NAME,
    async (job: Job<QueuedMatch, QueuedResult>) => {
      const refusal = versionMismatch(job.data.versions, mine);
      if (refusal !== undefined) {
        if (!refusedRuns.has(job.data.runId)) log(`refused the matches of run '${job.data.runId}': ${refusal}`);
        refusedRuns.add(job.data.runId);
        throw new UnrecoverableError(refusal);
      }
      const match = job.data.job;
      const events = networkBound(match) ? await executeMatch(match, job.data.models ? { models: job.data.models } : {}) : await pool.run(match);
      return { events };
    },
    {
      connection,
      concurrency: options.concurrency,
      lockDuration: stallMs,
      stalledInterval: Math.max(500, Math.floor(stallMs / 2)),
      maxStalledCount: 5,
      autorun: true,
    },
  );
  worker.on('error', () => undefined);
  await worker.waitUntilReady();
  return {
    async close() {
      await worker.close();
      await pool.close();
      useEndpointLimits(undefined);
      connection.disconnect();
    },
  };
}

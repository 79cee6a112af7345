import { Queue, QueueEvents, type Job } from 'bullmq';
import { setMaxListeners } from 'node:events';
import pLimit from 'p-limit';
import type { Redis } from 'ioredis';
import type { AgentEnv } from '../agents/registry.js';
import type { TraceEvent } from '../trace/events.js';
import { failureTrace, type MatchJob } from '../tournament/execute.js';
import type { MatchStates, RemoteHooks, RemotePlayer } from '../tournament/remote.js';
import { checkRedis, connectRedis, QueueUnavailableError } from './connection.js';
import { CURRENT_VERSIONS, jobId, QUEUE_NAME, type QueuedMatch, type QueuedResult, type VersionStamp } from './job.js';

export interface QueueCoordinatorOptions {
  readonly url: string;
  /** How long to keep reconnecting to a Redis that went away before the run stops with an error. */
  readonly giveUpMs?: number;
  /** The versions stamped on every job (default: this arena's). */
  readonly versions?: VersionStamp;
  /** Matches enqueued and awaited at once (each is admitted by the run's budget first). */
  readonly window?: number;
  /** One line per notable event (a match a worker failed or refused). */
  readonly log?: (line: string) => void;
}

type State = 'waiting' | 'running' | 'done' | 'failed';

/** Finished jobs stay in Redis for a week, long enough for a killed coordinator to come back and collect them. */
const KEEP = { age: 7 * 24 * 3600 };

/** Resolves with the promise, or rejects as soon as the signal aborts. */
function unlessAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e as Error);
      },
    );
  });
}

/** How long closing the queue may take once the run is over. */
const CLOSE_WITHIN_MS = 5000;

/** Waits for `p`, or `ms` at most; the timer keeps the process alive meanwhile and is cleared either way. */
async function settleWithin(p: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([p, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

/**
 * The coordinator's side of a distributed run: enqueues a run's pending matches on BullMQ (job id = run and match
 * key, so a match is never enqueued twice), waits for workers to play them, and hands each trace back to the run,
 * which records it. A restarted coordinator finds its jobs again: finished ones are collected, not replayed. A job
 * that failed (a worker refused it, or it stalled too often) is recorded as an infrastructure error: never scored,
 * and enqueued afresh on resume.
 */
export class QueueCoordinator implements RemotePlayer {
  private constructor(private readonly options: QueueCoordinatorOptions) {}

  /** Checks that Redis answers (a QueueUnavailableError naming the URL if not) before anything is written. */
  static async connect(options: QueueCoordinatorOptions): Promise<QueueCoordinator> {
    await checkRedis(options.url);
    return new QueueCoordinator(options);
  }

  async play(runId: string, jobs: readonly MatchJob[], env: AgentEnv, hooks: RemoteHooks): Promise<void> {
    const stop = new AbortController();
    // Every match awaited at once listens on the stop signal and the queue.
    setMaxListeners(0, stop.signal);
    let lost: QueueUnavailableError | undefined;
    const onLost = (message: string): void => {
      lost ??= new QueueUnavailableError(message);
      stop.abort(lost);
    };
    const forward = (): void => stop.abort(hooks.signal?.reason);
    if (hooks.signal?.aborted) forward();
    hooks.signal?.addEventListener('abort', forward, { once: true });
    const giveUp = this.options.giveUpMs !== undefined ? { giveUpMs: this.options.giveUpMs } : {};
    const connections: Redis[] = [connectRedis(this.options.url, { ...giveUp, lost: onLost }), connectRedis(this.options.url, { ...giveUp, lost: onLost })];
    const [main, blocking] = connections as [Redis, Redis];
    const queue = new Queue<QueuedMatch, QueuedResult>(QUEUE_NAME, { connection: main });
    const events = new QueueEvents(QUEUE_NAME, { connection: blocking });
    queue.on('error', () => undefined);
    events.on('error', () => undefined);
    events.setMaxListeners(0);
    queue.setMaxListeners(0);

    const states = new Map<string, State>();
    const byId = new Map(jobs.map((j) => [jobId(runId, j.key), j] as const));
    const report = (): void => {
      const s = { waiting: 0, running: 0, done: 0, failed: 0 };
      for (const v of states.values()) s[v]++;
      hooks.states(s satisfies MatchStates);
    };
    const mark = (id: string, state: State): void => {
      const prev = states.get(id);
      if (!byId.has(id) || prev === 'done' || prev === 'failed' || prev === state) return;
      states.set(id, state);
      report();
    };
    events.on('active', ({ jobId: id }) => mark(id, 'running'));
    events.on('waiting', ({ jobId: id }) => states.get(id) === 'running' && mark(id, 'waiting'));
    events.on('stalled', ({ jobId: id }) => mark(id, 'waiting'));
    const told = new Set<string>();
    const data = (job: MatchJob): QueuedMatch => ({ runId, job, versions: this.options.versions ?? CURRENT_VERSIONS, ...(env.models ? { models: env.models } : {}) });

    const playOne = async (job: MatchJob): Promise<void> => {
      if (stop.signal.aborted || !hooks.admit(job)) return;
      const id = jobId(runId, job.key);
      let collected = false;
      try {
        let queued: Job<QueuedMatch, QueuedResult> | undefined = await unlessAborted(queue.getJob(id), stop.signal);
        // A job that failed in an earlier session (recorded as an infrastructure error) is played afresh.
        if (queued !== undefined && (await unlessAborted(queued.getState(), stop.signal)) === 'failed') {
          await unlessAborted(queued.remove(), stop.signal);
          queued = undefined;
        }
        queued ??= await unlessAborted(queue.add('match', data(job), { jobId: id, removeOnComplete: KEEP, removeOnFail: KEEP }), stop.signal);
        // Waiting until the queue's events say a worker took it (a collected job goes straight to done).
        if (!states.has(id)) mark(id, 'waiting');
        let trace: TraceEvent[];
        try {
          const result = await unlessAborted(queued.waitUntilFinished(events), stop.signal);
          trace = result.events as TraceEvent[];
          mark(id, 'done');
        } catch (err) {
          if (stop.signal.aborted) throw err;
          const reason = err instanceof Error ? err.message : String(err);
          if (!told.has(reason)) this.options.log?.(`match ${job.key}: a worker failed it (${reason}); it is not scored and is played again on resume`);
          told.add(reason);
          trace = failureTrace(job, 'infrastructure', `queue job failed: ${reason}`);
          mark(id, 'failed');
        }
        hooks.record(job, trace);
        collected = true;
        await queued.remove().catch(() => undefined);
      } catch (err) {
        if (!stop.signal.aborted) throw err;
      } finally {
        if (!collected) hooks.release(job);
      }
    };

    try {
      await unlessAborted(Promise.all([queue.waitUntilReady(), events.waitUntilReady()]), stop.signal).catch((err: unknown) => {
        if (!stop.signal.aborted) throw err;
      });
      const limit = pLimit(this.options.window ?? 512);
      await Promise.all(jobs.map((job) => limit(() => playOne(job))));
      if (lost !== undefined) throw lost;
    } finally {
      hooks.signal?.removeEventListener('abort', forward);
      // With Redis gone, a graceful close can wait forever on a connection that already ended (and with nothing
      // else pending, the process would end mid-await instead of reporting the loss): close within a bound.
      if (lost === undefined) await settleWithin(Promise.allSettled([queue.close(), events.close()]), CLOSE_WITHIN_MS);
      else void Promise.allSettled([queue.close(), events.close()]);
      for (const c of connections) c.disconnect();
    }
  }
}

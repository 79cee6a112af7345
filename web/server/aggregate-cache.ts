import { availableParallelism } from 'node:os';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { AggregateBuilder, type AggregateOptions, type RunAggregate } from './aggregate.js';
import { factsInSlice, type FactsJob } from './facts-pass.js';
import type { MatchFacts } from './facts.js';
import type { ReadStore } from './read-store.js';

export interface PassOptions extends Pick<AggregateOptions, 'bootstrap'> {
  /** Worker threads for the pass over traces (default: the cores, at most 4; 1 = in this thread). */
  readonly workers?: number;
  /** Runs with fewer traces are reduced in this thread: starting workers costs more than it saves (default 1000). */
  readonly parallelMin?: number;
}

function inWorker(job: FactsJob): Promise<MatchFacts[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./facts-worker-boot.mjs', import.meta.url), { workerData: job });
    let done = false;
    worker.once('message', (facts: MatchFacts[]) => {
      done = true;
      resolve(facts);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => done || reject(new Error(`facts worker exited with code ${code}`)));
  });
}

/** Splits the run's traces into `parts` contiguous slices and reduces them in worker threads, in order. */
async function parallelFacts(store: ReadStore, run: string, parts: number, min: number): Promise<{ facts: MatchFacts[]; workers: number } | null> {
  if (parts < 2) return null;
  const positions = store.tracePositions(run);
  if (positions.length < Math.max(2, min)) return null;
  const size = Math.ceil(positions.length / parts);
  const jobs: FactsJob[] = [];
  for (let i = 0; i < positions.length; i += size) {
    jobs.push({ path: store.path, run, after: i === 0 ? null : (positions[i - 1] ?? null), last: positions[Math.min(positions.length, i + size) - 1] ?? null });
  }
  // A worker that cannot start (e.g. no TypeScript loader) leaves the pass to this thread.
  try {
    return { facts: (await Promise.all(jobs.map(inWorker))).flat(), workers: jobs.length };
  } catch {
    return null;
  }
}

/**
 * Computes a run's aggregate in one bounded pass over its traces: compressed traces read in keyset-paged
 * batches, each decoded without its battle logs, reduced to per-match sums and dropped. Large runs are split over
 * worker threads (each with its own read-only connection); otherwise the pass runs here and yields between
 * batches, so a server keeps answering other requests meanwhile.
 */
export async function computeRunAggregate(store: ReadStore, run: string, options: PassOptions = {}): Promise<RunAggregate> {
  const builder = new AggregateBuilder();
  const workers = options.workers ?? Math.min(4, availableParallelism());
  const parallel = await parallelFacts(store, run, workers, options.parallelMin ?? 1000);
  const facts = parallel?.facts ?? (await factsInSlice(store, { run, after: null, last: null }, () => yieldToEventLoop()));
  for (const f of facts) builder.add(f);
  const anchor = store.anchorOf(run);
  const prior = store.priorOf(run);
  const agg = builder.finish({
    ...(options.bootstrap !== undefined ? { bootstrap: options.bootstrap } : {}),
    seed: store.run(run)?.seed ?? 1,
    ...(anchor !== undefined ? { anchor } : {}),
    ...(prior !== undefined ? { prior } : {}),
  });
  return parallel ? { ...agg, workers: parallel.workers } : agg;
}

/**
 * Run aggregates, computed once per run and kept until `invalidate` (the server drops a run's entry when the
 * store watch sees its matches change). Concurrent requests for a run share one computation; at most `maxRuns` are kept, least recently used
 * dropped first. Once a run's aggregate is in, its per-game leaderboards are computed in the background, one per
 * turn of the event loop.
 */
export class AggregateCache {
  private readonly entries = new Map<string, Promise<RunAggregate>>();
  private readonly filled = new Map<string, Promise<void>>();

  constructor(
    private readonly store: ReadStore,
    private readonly options: PassOptions & { readonly maxRuns?: number; readonly background?: boolean } = {},
  ) {}

  get(run: string): Promise<RunAggregate> {
    const hit = this.entries.get(run);
    if (hit) {
      this.entries.delete(run);
      this.entries.set(run, hit);
      return hit;
    }
    const { maxRuns: _maxRuns, background: _background, ...pass } = this.options;
    const pending = computeRunAggregate(this.store, run, pass);
    this.filled.set(
      run,
      pending.then(
        (agg) => (this.options.background === false ? undefined : this.fillScopes(agg)),
        () => {
          if (this.entries.get(run) === pending) this.entries.delete(run);
        },
      ),
    );
    this.entries.set(run, pending);
    const max = this.options.maxRuns ?? 16;
    while (this.entries.size > max) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
      this.filled.delete(oldest);
    }
    return pending;
  }

  /** Drops a run's aggregate (its matches changed); the next request computes it afresh. */
  invalidate(run: string): void {
    this.entries.delete(run);
    this.filled.delete(run);
  }

  /** Settles once a run's aggregate and (unless turned off) all its per-game leaderboards are computed. */
  async complete(run: string): Promise<void> {
    await this.get(run).catch(() => undefined);
    await this.filled.get(run);
  }

  private async fillScopes(agg: RunAggregate): Promise<void> {
    for (const name of agg.scopeNames) {
      await yieldToEventLoop();
      agg.scope(name);
    }
  }
}

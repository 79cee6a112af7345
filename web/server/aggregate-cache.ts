import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { AggregateBuilder, type AggregateOptions, type RunAggregate } from './aggregate.js';
import { factsOf } from './facts.js';
import type { ReadStore } from './read-store.js';
import { decodeSlim } from './slim.js';

/** Traces decoded between two yields to the event loop. */
const BATCH = 100;

/**
 * Computes a run's aggregate in one bounded pass over its traces: batches of compressed traces read by keyset
 * paging, each decoded without its battle logs, reduced to per-match sums and dropped. Between batches the pass
 * yields, so a server keeps answering other requests meanwhile.
 */
export async function computeRunAggregate(store: ReadStore, run: string, options: Pick<AggregateOptions, 'bootstrap'> = {}): Promise<RunAggregate> {
  const builder = new AggregateBuilder();
  let after: { ord: number; key: string } | null = null;
  for (;;) {
    const batch = store.traceBatch(run, after, BATCH);
    const last = batch[batch.length - 1];
    if (last === undefined) break;
    for (const t of batch) {
      let facts;
      try {
        facts = factsOf(decodeSlim(t.blob));
      } catch {
        facts = null;
      }
      if (facts) builder.add(facts);
    }
    after = { ord: last.ord, key: last.key };
    await yieldToEventLoop();
  }
  const anchor = store.anchorOf(run);
  return builder.finish({ ...options, seed: store.run(run)?.seed ?? 1, ...(anchor !== undefined ? { anchor } : {}) });
}

/**
 * Run aggregates, computed once per run and kept (the store is read-only while the server runs, so they never go
 * stale). Concurrent requests for a run share one computation; at most `maxRuns` are kept, least recently used
 * dropped first.
 */
export class AggregateCache {
  private readonly entries = new Map<string, Promise<RunAggregate>>();

  constructor(
    private readonly store: ReadStore,
    private readonly options: { readonly bootstrap?: number; readonly maxRuns?: number } = {},
  ) {}

  get(run: string): Promise<RunAggregate> {
    const hit = this.entries.get(run);
    if (hit) {
      this.entries.delete(run);
      this.entries.set(run, hit);
      return hit;
    }
    const pending = computeRunAggregate(this.store, run, this.options.bootstrap !== undefined ? { bootstrap: this.options.bootstrap } : {});
    pending.catch(() => {
      if (this.entries.get(run) === pending) this.entries.delete(run);
    });
    this.entries.set(run, pending);
    const max = this.options.maxRuns ?? 16;
    while (this.entries.size > max) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return pending;
  }
}

import { factsOf, type MatchFacts } from './facts.js';
import type { ReadStore, TracePosition } from './read-store.js';
import { decodeSlim } from './slim.js';

/** Traces decoded per batch (and between two yields of an in-thread pass). */
export const BATCH = 100;

/** A slice of a run's traces, by planned order: after `after` (exclusive) up to `last` (inclusive). */
export interface FactsJob {
  readonly path: string;
  readonly run: string;
  readonly after: TracePosition | null;
  readonly last: TracePosition | null;
}

/** The facts of one stored trace; an unreadable blob counts as an excluded match, not a failure. */
function factsOfBlob(blob: Buffer): MatchFacts | null {
  try {
    return factsOf(decodeSlim(blob));
  } catch {
    return null;
  }
}

/**
 * Reads and reduces a slice of traces batch by batch; `pause` runs between batches (an in-thread pass yields to
 * the event loop there).
 */
export async function factsInSlice(store: ReadStore, job: Omit<FactsJob, 'path'>, pause?: () => Promise<void>): Promise<MatchFacts[]> {
  const out: MatchFacts[] = [];
  let after = job.after;
  for (;;) {
    const batch = store.traceBatch(job.run, after, BATCH, job.last);
    const end = batch[batch.length - 1];
    if (end === undefined) return out;
    for (const t of batch) {
      const facts = factsOfBlob(t.blob);
      if (facts) out.push(facts);
    }
    after = { ord: end.ord, key: end.key };
    if (pause) await pause();
  }
}

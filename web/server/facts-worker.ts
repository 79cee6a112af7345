import { parentPort, workerData } from 'node:worker_threads';
import { factsInSlice, type FactsJob } from './facts-pass.js';
import { ReadStore } from './read-store.js';

/** Worker thread: reduces one slice of a run's traces to match facts, with its own read-only connection. */
const job = workerData as FactsJob;
const store = new ReadStore(job.path);
try {
  parentPort?.postMessage(await factsInSlice(store, job));
} finally {
  store.close();
}

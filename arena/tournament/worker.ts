import { parentPort, workerData } from 'node:worker_threads';
import type { AgentEnv } from '../agents/registry.js';
import { executeMatch, type MatchJob } from './execute.js';

/** Messages between the tournament and its match workers. */
export type WorkerRequest = { readonly id: number; readonly job: MatchJob };
export type WorkerReply = { readonly id: number; readonly events: unknown[] } | { readonly id: number; readonly error: string };

const env = (workerData as { env?: AgentEnv } | undefined)?.env ?? {};
const port = parentPort;
if (port) {
  port.on('message', (msg: WorkerRequest) => {
    executeMatch(msg.job, env).then(
      (events) => port.postMessage({ id: msg.id, events } satisfies WorkerReply),
      (err: unknown) => port.postMessage({ id: msg.id, error: err instanceof Error ? err.message : String(err) } satisfies WorkerReply),
    );
  });
}

import { Worker } from 'node:worker_threads';
import type { AgentEnv } from '../agents/registry.js';
import type { TraceEvent } from '../trace/events.js';
import type { MatchJob } from './execute.js';
import type { WorkerReply } from './worker.js';

interface Task {
  readonly id: number;
  readonly job: MatchJob;
  resolve(events: TraceEvent[]): void;
  reject(err: Error): void;
}

/**
 * A fixed pool of worker threads for CPU-bound matches (built-in search agents), one match per worker at a time.
 * Only the coordinating thread writes results, so the store keeps a single writer.
 */
export class MatchPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: Task[] = [];
  private readonly running = new Map<Worker, Task>();
  private nextId = 0;
  private closed = false;
  private closing: Promise<void> | undefined;

  constructor(
    size: number,
    private readonly env: AgentEnv,
  ) {
    for (let i = 0; i < size; i++) this.spawn();
  }

  private spawn(): void {
    const worker = new Worker(new URL('./worker-boot.mjs', import.meta.url), { workerData: { env: this.env } });
    worker.on('message', (reply: WorkerReply) => this.finish(worker, reply));
    worker.on('error', (err) => this.fail(worker, err));
    this.workers.push(worker);
    this.idle.push(worker);
    this.pump();
  }

  run(job: MatchJob): Promise<TraceEvent[]> {
    if (this.closed) return Promise.reject(new Error('match pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop() as Worker;
      const task = this.queue.shift() as Task;
      this.running.set(worker, task);
      worker.postMessage({ id: task.id, job: task.job });
    }
  }

  private finish(worker: Worker, reply: WorkerReply): void {
    const task = this.running.get(worker);
    this.running.delete(worker);
    this.idle.push(worker);
    if (task) {
      if ('events' in reply) task.resolve(reply.events as TraceEvent[]);
      else task.reject(new Error(reply.error));
    }
    this.pump();
  }

  /** A worker died: its match fails (recorded as an internal error) and a fresh worker takes its place. */
  private fail(worker: Worker, err: Error): void {
    const task = this.running.get(worker);
    this.running.delete(worker);
    task?.reject(err);
    this.workers.splice(this.workers.indexOf(worker), 1);
    const idle = this.idle.indexOf(worker);
    if (idle >= 0) this.idle.splice(idle, 1);
    void worker.terminate();
    if (!this.closed) this.spawn();
  }

  /**
   * Stops at once: queued matches are dropped (their promises reject) and the workers are terminated, so matches
   * in flight are abandoned too (their promises reject); nothing they did reaches the caller.
   */
  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private async shutdown(): Promise<void> {
    this.closed = true;
    for (const t of this.running.values()) t.reject(new Error('match pool closed'));
    this.running.clear();
    for (const t of this.queue.splice(0)) t.reject(new Error('match pool closed'));
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

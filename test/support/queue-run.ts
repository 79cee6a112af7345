import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { gunzipSync } from 'node:zlib';

/** A CLI child process (the bundled `arena`), with what it wrote to stderr and how it ended. */
export interface Child {
  readonly process: ChildProcess;
  stderr(): string;
  readonly exited: Promise<number | null>;
}

export function arena(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Child {
  const child = spawn(process.execPath, [join(process.cwd(), 'arena/cli/bin.js'), ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { process: child, stderr: () => err, exited };
}

/** Starts `arena worker` and resolves once it says it is playing. */
export async function startWorker(url: string, extra: readonly string[] = []): Promise<Child> {
  const worker = arena(['worker', '--redis', url, '--stall-ms', '3000', ...extra]);
  const deadline = Date.now() + 60_000;
  while (!worker.stderr().includes('playing matches from')) {
    if (worker.process.exitCode !== null || Date.now() > deadline) throw new Error(`worker did not start: ${worker.stderr()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return worker;
}

export async function stopChild(child: Child, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  child.process.kill(signal);
  await child.exited;
}

/** Keys that record when or how long, not what happened. */
const TIMING = new Set(['time', 'wallMs', 'wall_ms', 'finished_at', 'at', 'startedAt']);

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([k]) => !TIMING.has(k)).map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

/** A run's matches (results, attempts) and traces, timing fields aside, in planned order. */
export function storeSnapshot(path: string, runId: string): { rows: Record<string, unknown>[]; traces: Record<string, unknown> } {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare(`SELECT match_key, status, error_reason, winner, score0, score1, tokens, cost_usd, attempts FROM matches WHERE run_id = ? ORDER BY ord`).all(runId) as Record<string, unknown>[];
    const traces: Record<string, unknown> = {};
    for (const t of db.prepare(`SELECT match_key, events FROM traces WHERE run_id = ?`).all(runId) as { match_key: string; events: Buffer }[]) {
      traces[t.match_key] = canonical(gunzipSync(t.events).toString('utf8').split('\n').map((l) => JSON.parse(l) as unknown));
    }
    return { rows, traces };
  } finally {
    db.close();
  }
}

/** How many matches of a run have a result so far (0 while the store or run does not exist yet). */
export function finishedCount(path: string, runId: string): number {
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare(`SELECT COUNT(*) AS n FROM matches WHERE run_id = ? AND status != 'planned'`).get(runId) as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

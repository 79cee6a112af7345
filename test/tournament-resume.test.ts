import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRng } from '../games/core/rng.js';
import { Store } from '../arena/store/store.js';
import { checkTournamentConfig } from '../arena/tournament/config.js';
import { scheduleTournament } from '../arena/tournament/schedule.js';

const CONFIG = {
  name: 'resume',
  seed: 9,
  // Enough matches (~130) that five kills, each landing a few matches after the last kill's progress, stay mid-run.
  games: [{ id: 'tower-defense', rounds: 4 }, { id: 'tic-tac-toe', games: 2 }],
  agents: { random: 'random', counter: 'counter:evals=100', stubborn: 'stubborn', greedy: 'greedy' },
  repetitions: 8,
};

/**
 * Starts the CLI; with a signal, sends it `afterMs` after the store shows at least `atCompleted` completed matches
 * (so the kill lands in the middle of the run whatever the machine's speed). Resolves with the exit code or signal.
 */
function runCli(args: string[], signal: NodeJS.Signals | null, afterMs: number, db: string, atCompleted: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['arena/cli/bin.js', ...args], { cwd: process.cwd(), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const poll = signal
      ? setInterval(() => {
          if (timer || completedCount(db) < atCompleted) return;
          timer = setTimeout(() => child.kill(signal), afterMs);
        }, 25)
      : undefined;
    child.on('exit', (code, sig) => {
      if (poll) clearInterval(poll);
      if (timer) clearTimeout(timer);
      resolve({ code, signal: sig, stderr });
    });
  });
}

/** Completed matches in the store right now (read-only; 0 before the store exists). */
function completedCount(db: string): number {
  try {
    const store = new Store(db, { readonly: true });
    try {
      return (store.db.prepare(`SELECT COUNT(*) AS n FROM matches WHERE status = 'completed'`).get() as { n: number }).n;
    } finally {
      store.close();
    }
  } catch {
    return 0;
  }
}

function completedKeys(db: string): { keys: Set<string>; traces: number; statuses: Record<string, number> } {
  const store = new Store(db);
  try {
    const run = store.getRun('resume');
    if (!run) return { keys: new Set(), traces: 0, statuses: {} };
    const rows = store.matches(run.id);
    const statuses: Record<string, number> = {};
    for (const r of rows) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    const traces = (store.db.prepare('SELECT COUNT(*) AS n FROM traces WHERE run_id = ?').get(run.id) as { n: number }).n;
    return { keys: new Set(rows.filter((r) => r.status === 'completed').map((r) => r.match_key)), traces, statuses };
  } finally {
    store.close();
  }
}

describe('tournament resume after kill -9 and Ctrl-C', () => {
  it('keeps every completed match, re-runs the rest, and ends with exactly the planned set', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arena-resume-'));
    const cfgPath = join(dir, 'resume.json');
    writeFileSync(cfgPath, JSON.stringify(CONFIG));
    const db = join(dir, 'arena.db');
    const planned = scheduleTournament(checkTournamentConfig(CONFIG, cfgPath, 'resume')).map((m) => m.key);
    expect(new Set(planned).size).toBe(planned.length);
    const args = ['tournament', cfgPath, '--store', db, '--quiet', '--workers', '1', '--format', 'json'];
    const rng = createRng(42);
    let previous = new Set<string>();
    let kills = 0;
    for (let i = 0; i < 7 && kills < 5; i++) {
      const result = await runCli(args, 'SIGKILL', rng.int(0, 30), db, previous.size + rng.int(1, 3));
      const now = completedKeys(db);
      // nothing completed before is ever lost, and traces exist exactly for finished matches
      for (const k of previous) expect(now.keys.has(k)).toBe(true);
      expect(now.traces).toBe(now.keys.size + (now.statuses['error'] ?? 0));
      previous = now.keys;
      if (result.signal === 'SIGKILL') kills++;
      else break; // it finished before the kill: nothing left to interrupt
    }
    expect(kills).toBeGreaterThanOrEqual(5);
    // Ctrl-C: a clean stop that says how to resume
    const interrupted = await runCli(args, 'SIGINT', rng.int(0, 30), db, previous.size + 2);
    if (interrupted.code !== 0) {
      expect(interrupted.code).toBe(130);
      expect(interrupted.stderr).toMatch(/Run the same command again to resume/);
    }
    // run to completion
    const final = await runCli(args, null, 0, db, 0);
    expect(final.code).toBe(0);
    const done = completedKeys(db);
    expect([...done.keys].sort()).toEqual([...planned].sort());
    expect(done.traces).toBe(planned.length);
    expect(done.statuses).toEqual({ completed: planned.length });
    // every stored trace belongs to its key, once
    const store = new Store(db);
    try {
      const ids = [...store.traces('resume')].map((t) => (t[0]?.type === 'match_start' ? t[0].matchId : ''));
      expect(ids.sort()).toEqual([...planned].sort());
    } finally {
      store.close();
    }
  }, 240_000);
});

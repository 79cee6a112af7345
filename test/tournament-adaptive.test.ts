import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCliCaptured } from './support/cli.js';
import { adaptiveDecider } from '../arena/cli/commands/adaptive.js';
import { Store } from '../arena/store/store.js';
import { checkTournamentConfig, type TournamentConfig } from '../arena/tournament/config.js';
import { effectiveCaps, runTournament } from '../arena/tournament/run.js';

/** Graded bots on Connect Four: the true order is g0 > g3 > g6 > r. */
const CONFIG = {
  name: 'adaptive',
  seed: 3,
  games: [{ id: 'connect-four' }],
  agents: { g0: 'greedy', g3: 'greedy:error=0.3', g6: 'greedy:error=0.6', r: 'random' },
  schedule: { type: 'adaptive', batch: 2 },
  concurrency: { workers: 1 },
  cache: 'off',
};

function config(extra: Record<string, unknown> = {}): TournamentConfig {
  return checkTournamentConfig({ ...CONFIG, ...extra }, 'adaptive.json', 'adaptive');
}

async function run(store: Store, c: TournamentConfig, budget: { matches?: number } = {}) {
  const decider = adaptiveDecider(c, effectiveCaps(c, budget));
  return runTournament(c, { store, env: {}, quiet: true, workers: 1, budget, ...(decider ? { decide: decider.decide } : {}) });
}

/** The run's matches in planned order: key, status and winner. */
function schedule(store: Store): string[] {
  return store.matches('adaptive').map((m) => `${m.match_key} ${m.status} ${m.winner}`);
}

const cli = runCliCaptured;

afterEach(() => vi.restoreAllMocks());

describe('adaptive tournament', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arena-adaptive-'));

  it('stops when every adjacent pair is separated, with the true order, and the same seed gives the same schedule', async () => {
    const a = new Store(join(dir, 'a.db'));
    const b = new Store(join(dir, 'b.db'));
    try {
      const first = await run(a, config());
      expect(first.stop.kind).toBe('target');
      expect(first.stop.detail).toMatch(/g0 > g3 > g6 > r is separated/);
      // Far fewer than a round-robin of the same depth: it never plays g0–r once the chain is settled.
      const pairs = new Set(a.matches('adaptive').map((m) => [m.agent0, m.agent1].sort().join('–')));
      expect(pairs.has('g0–r')).toBe(false);
      expect(a.getRun('adaptive')?.status).toBe('completed');
      expect(JSON.parse(a.getRun('adaptive')?.meta_json ?? '{}').stop.kind).toBe('target');
      await run(b, config());
      expect(schedule(b)).toEqual(schedule(a));
      // Running again after the target is reached plays nothing more.
      const again = await run(a, config());
      expect(again.played).toBe(0);
      expect(again.stop.kind).toBe('target');
    } finally {
      a.close();
      b.close();
    }
  }, 120_000);

  it('stops at a match cap with the batch unfinished, and a higher cap continues to the same schedule as an uncapped run', async () => {
    const capped = new Store(join(dir, 'capped.db'));
    const free = new Store(join(dir, 'free.db'));
    try {
      const stopped = await run(capped, config(), { matches: 30 });
      expect(stopped.stop).toMatchObject({ kind: 'budget', cap: 'matches' });
      expect(capped.counts('adaptive').completed).toBe(30);
      expect(capped.counts('adaptive').planned).toBeGreaterThan(0);
      expect(capped.getRun('adaptive')?.status).toBe('budget');
      // The same cap again: nothing more is played.
      const same = await run(capped, config(), { matches: 30 });
      expect(same.played).toBe(0);
      expect(same.stop.kind).toBe('budget');
      const resumed = await run(capped, config(), { matches: 1000 });
      expect(resumed.stop.kind).toBe('target');
      await run(free, config());
      expect(schedule(capped)).toEqual(schedule(free));
    } finally {
      capped.close();
      free.close();
    }
  }, 120_000);

  it('a fixed schedule honours a budget in the config too, and the budget is not part of the run identity', async () => {
    const store = new Store(join(dir, 'fixed.db'));
    try {
      const fixed = (budget: number) => checkTournamentConfig({ ...CONFIG, schedule: { type: 'round-robin' }, repetitions: 2, budget: { matches: budget } }, 'fixed.json', 'adaptive');
      const r = await runTournament(fixed(5), { store, env: {}, quiet: true, workers: 1 });
      expect(r.stop).toMatchObject({ kind: 'budget', cap: 'matches' });
      expect(store.counts('adaptive').completed).toBe(5);
      const rest = await runTournament(fixed(100), { store, env: {}, quiet: true, workers: 1 });
      expect(rest.stop.kind).toBe('completed');
      expect(store.counts('adaptive')).toMatchObject({ total: 24, completed: 24 });
    } finally {
      store.close();
    }
  }, 120_000);

  it('CLI: exit 4 at a cap with one line saying why, exit 0 once raised; bad budgets and unreachable targets exit 2', async () => {
    const file = join(dir, 'cli.json');
    writeFileSync(file, JSON.stringify(CONFIG));
    const db = join(dir, 'cli.db');
    const capped = await cli(['tournament', file, '--store', db, '--quiet', '--bootstrap', '0', '--budget-matches', '20']);
    expect(capped.code).toBe(4);
    expect(capped.err).toMatch(/^Budget \(exit 4\): run 'adaptive' stopped at the matches cap \(20 matches; 20 spent\)/m);
    const done = await cli(['tournament', file, '--store', db, '--quiet', '--bootstrap', '0', '--budget-matches', '500']);
    expect(done.code).toBe(0);
    expect(done.out).toMatch(/Adaptive: target reached/);

    // plan-power learns the strengths and rates of the stored run and forecasts the adaptive schedule's cost.
    const forecast = await cli(['plan-power', '--run', 'adaptive', '--store', db, '--adaptive', '--simulations', '10']);
    expect(forecast.code).toBe(0);
    const expected = (label: string) => Number(new RegExp(`${label}:\\s+(\\d+) matches`).exec(forecast.out)?.[1]);
    expect(expected('adaptive')).toBeGreaterThan(0);
    expect(expected('round-robin')).toBeGreaterThan(expected('adaptive'));
    const noRun = await cli(['plan-power', '--store', db, '--adaptive']);
    expect(noRun.code).toBe(2);

    for (const flag of [['--budget-usd', '0'], ['--budget-tokens', '-3'], ['--budget-matches', '2.5'], ['--budget-hours', 'x']]) {
      const r = await cli(['tournament', file, '--store', join(dir, 'bad.db'), '--quiet', ...flag]);
      expect(r.code).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(new RegExp(`${flag[0]} must be`));
    }
    const unreachable = join(dir, 'unreachable.json');
    writeFileSync(unreachable, JSON.stringify({ ...CONFIG, schedule: { type: 'adaptive', max_matches: 10 } }));
    const u = await cli(['tournament', unreachable, '--store', join(dir, 'bad.db'), '--quiet']);
    expect(u.code).toBe(2);
    expect(u.err.trim()).toMatch(/^arena: adaptive schedule: separating 4 agents cannot be done within 10 matches/);
    expect(u.err.trim().split('\n')).toHaveLength(1);
  }, 120_000);

  it('a run killed (SIGKILL) mid-batch resumes to the same schedule as an uninterrupted one', async () => {
    const file = join(dir, 'kill.json');
    writeFileSync(file, JSON.stringify(CONFIG));
    const db = join(dir, 'kill.db');
    const completed = (): number => {
      try {
        const s = new Store(db, { readonly: true });
        try {
          return s.counts('adaptive').completed;
        } catch {
          return 0;
        } finally {
          s.close();
        }
      } catch {
        return 0;
      }
    };
    const killed = await new Promise<NodeJS.Signals | null>((resolve) => {
      const child = spawn(process.execPath, ['arena/cli/bin.js', 'tournament', file, '--store', db, '--quiet', '--bootstrap', '0'], { stdio: 'ignore' });
      const poll = setInterval(() => {
        if (completed() >= 12) child.kill('SIGKILL');
      }, 20);
      child.on('exit', (_code, signal) => {
        clearInterval(poll);
        resolve(signal);
      });
    });
    expect(killed).toBe('SIGKILL');
    const partial = completed();
    expect(partial).toBeGreaterThanOrEqual(12);
    const store = new Store(db);
    const free = new Store(join(dir, 'kill-free.db'));
    try {
      expect(store.counts('adaptive').completed).toBeLessThan(88);
      const resumed = await run(store, config());
      expect(resumed.stop.kind).toBe('target');
      await run(free, config());
      expect(schedule(store)).toEqual(schedule(free));
    } finally {
      store.close();
      free.close();
    }
  }, 120_000);
});

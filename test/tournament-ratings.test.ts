import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../arena/cli/main.js';
import { buildLeaderboard } from '../metrics/leaderboard/build.js';
import { Store } from '../arena/store/store.js';
import { checkTournamentConfig } from '../arena/tournament/config.js';
import { runTournament } from '../arena/tournament/run.js';

describe('ratings from a real tournament of graded-error bots', () => {
  it('recover the known strength order, whatever the match order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arena-ratings-'));
    const store = new Store(join(dir, 'arena.db'));
    try {
      const config = checkTournamentConfig(
        {
          name: 'graded',
          seed: 5,
          games: [{ id: 'connect-four', games: 2 }],
          agents: { 'p0.0': 'greedy', 'p0.4': 'greedy:error=0.4', 'p0.8': 'greedy:error=0.8', random: 'random' },
          repetitions: 8,
          cache: 'off',
        },
        'graded.json',
        'graded',
      );
      await runTournament(config, { store, env: {}, quiet: true, workers: 1 });
      const matches = [...store.traces('graded')];
      expect(matches.length).toBe(6 * 2 * 8);
      const board = buildLeaderboard(matches, { anchor: 'random', bootstrap: 200 });
      expect(board.rows.map((r) => r.agent)).toEqual(['p0.0', 'p0.4', 'p0.8', 'random']);
      const reversed = buildLeaderboard([...matches].reverse(), { anchor: 'random', bootstrap: 200 });
      expect(reversed.rows.map((r) => [r.agent, r.rating?.rating])).toEqual(board.rows.map((r) => [r.agent, r.rating?.rating]));
    } finally {
      store.close();
    }
  }, 120_000);
});

/** Runs the CLI in-process and returns what it printed. */
async function printed(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true));
  try {
    const code = await runCli(args);
    return { code, out };
  } finally {
    spy.mockRestore();
    process.exitCode = undefined;
  }
}

describe('the rating estimator is stated, and its prior is explicit', () => {
  it('plain maximum likelihood by default, unbounded ratings named; --prior and config ratings.prior apply a prior', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arena-prior-'));
    const db = join(dir, 'arena.db');
    // On these seeds the solver and greedy never lose to random: their maximum-likelihood ratings are +∞.
    const config = { name: 'sep', seed: 2, games: [{ id: 'tic-tac-toe', games: 2 }], agents: { solver: 'solver', greedy: 'greedy', random: 'random' }, repetitions: 2, cache: 'off' };
    writeFileSync(join(dir, 'sep.json'), JSON.stringify(config));
    const table = await printed(['tournament', join(dir, 'sep.json'), '--store', db, '--quiet', '--workers', '1', '--bootstrap', '20']);
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/Ratings: Bradley–Terry maximum likelihood \(no prior\); it does not exist for greedy, solver \(\+∞/);
    // both at +∞: their intervals overlap, so they share ranks 1–2
    expect(table.out).toMatch(/^1–2 +greedy +\+∞ /m);
    expect(table.out).toMatch(/^1–2 +solver +\+∞ /m);

    const json = JSON.parse((await printed(['leaderboard', 'sep', '--store', db, '--format', 'json', '--bootstrap', '20'])).out) as {
      estimator: { prior: number; text: string; unbounded: { agent: string; how: string }[] };
      rows: { agent: string; rating: { rating: number | null; unbounded?: string } }[];
    };
    expect(json.estimator.prior).toBe(0);
    expect(json.estimator.unbounded).toEqual([
      { agent: 'greedy', how: 'above' },
      { agent: 'solver', how: 'above' },
    ]);
    expect(json.rows.find((r) => r.agent === 'solver')?.rating).toMatchObject({ rating: null, unbounded: 'above' });

    const withPrior = JSON.parse((await printed(['leaderboard', 'sep', '--store', db, '--format', 'json', '--bootstrap', '20', '--prior', '1'])).out) as typeof json;
    expect(withPrior.estimator).toMatchObject({ prior: 1, unbounded: [] });
    for (const r of withPrior.rows) expect(Number.isFinite(r.rating.rating)).toBe(true);
    expect(await printed(['leaderboard', 'sep', '--store', db, '--prior', '-1'])).toMatchObject({ code: 2 });

    writeFileSync(join(dir, 'prior.json'), JSON.stringify({ ...config, name: 'with-prior', ratings: { prior: 2 } }));
    const configured = await printed(['tournament', join(dir, 'prior.json'), '--store', db, '--quiet', '--workers', '1', '--bootstrap', '20']);
    expect(configured.out).toMatch(/Ratings: Bradley–Terry with a prior of 2 virtual draws per agent/);
    expect((await printed(['leaderboard', 'with-prior', '--store', db, '--bootstrap', '20'])).out).toMatch(/prior of 2 virtual draws/);
    expect((await printed(['leaderboard', 'with-prior', '--store', db, '--bootstrap', '20', '--prior', '0'])).out).toMatch(/maximum likelihood \(no prior\)/);
  }, 120_000);
});

describe('arena regress', () => {
  it('exits 0 for an identical candidate and 1 for one with a higher error rate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arena-regress-'));
    const db = join(dir, 'arena.db');
    const cfg = join(dir, 'baseline.json');
    writeFileSync(
      cfg,
      JSON.stringify({ name: 'base', seed: 3, games: [{ id: 'connect-four', games: 2 }], agents: { model: 'greedy', random: 'random', noisy: 'greedy:error=0.5' }, repetitions: 10, cache: 'off' }),
    );
    expect(await runCli(['tournament', cfg, '--store', db, '--quiet', '--workers', '1', '--format', 'json', '--bootstrap', '0'])).toBe(0);
    const suite = join(dir, 'suite.json');
    writeFileSync(suite, JSON.stringify({ target: 'model', gates: [{ metric: 'wrMatch', tolerance: 0.05 }, { metric: 'wr', tolerance: 0.05 }], bootstrap: 500, cache: 'off' }));
    const same = await runCli(['regress', suite, '--baseline', 'base', '--candidate', 'model', '--store', db, '--quiet', '--markdown', join(dir, 'same.md'), '--junit', join(dir, 'same.xml')]);
    expect(same).toBe(0);
    expect(readFileSync(join(dir, 'same.md'), 'utf8')).toMatch(/no regression/);
    expect(readFileSync(join(dir, 'same.xml'), 'utf8')).toMatch(/failures="0"/);
    const worse = await runCli(['regress', suite, '--baseline', 'base', '--candidate', 'greedy:error=0.7', '--store', db, '--quiet', '--markdown', join(dir, 'worse.md'), '--junit', join(dir, 'worse.xml')]);
    expect(worse).toBe(1);
    expect(readFileSync(join(dir, 'worse.md'), 'utf8')).toMatch(/REGRESSION/);
    expect(readFileSync(join(dir, 'worse.xml'), 'utf8')).toMatch(/<failure message="regression: wrMatch/);
    const store = new Store(db);
    try {
      const runs = store.listRuns().filter((r) => r.kind === 'regress');
      expect(runs.length).toBe(2);
      const meta = runs.map((r) => JSON.parse(r.meta_json) as { regression: boolean; verdicts: unknown[] });
      expect(meta.map((m) => m.regression).sort()).toEqual([false, true]);
    } finally {
      store.close();
    }
  }, 120_000);
});

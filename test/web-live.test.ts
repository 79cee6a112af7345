import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerBuiltinAgents } from '../arena/agents/builtin.js';
import { Store } from '../arena/store/store.js';
import { checkTournamentConfig } from '../arena/tournament/config.js';
import { outcomeOf } from '../arena/tournament/execute.js';
import { runTournament } from '../arena/tournament/run.js';
import { scheduleTournament } from '../arena/tournament/schedule.js';
import type { LeaderboardResponse, RunsResponse } from '../web/shared/api.js';
import { startServer, type RunningServer } from '../web/server/http.js';

/**
 * `arena serve` while a tournament writes to the store: a run that appears after start-up is listed, a running
 * run's progress and leaderboard follow its recorded matches without a restart, and the match list shows the
 * progress and refreshes itself. The "running" run is written through the store's own API with the real results
 * of the same schedule (same seed and keys) played by a finished tournament.
 */

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

let dir = '';
let server: RunningServer;
let browser: Browser;
let writer: Store;

const CONFIG = { seed: 4, games: [{ id: 'tic-tac-toe', games: 1 }], agents: { random: 'random', greedy: 'greedy' }, repetitions: 3 };

async function json<T>(path: string): Promise<T> {
  const res = await fetch(`${server.url}${path}`);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: the browser tests need it (apt-get install chromium, or set CHROMIUM_PATH)`);
  registerBuiltinAgents();
  dir = await mkdtemp(join(tmpdir(), 'arena-web-live-'));
  const storePath = join(dir, 'arena.db');
  writer = new Store(storePath);
  await runTournament(checkTournamentConfig({ name: 'done', ...CONFIG }, 'live', 'done'), { store: writer, env: {}, quiet: true, workers: 1 });
  [server, browser] = await Promise.all([startServer({ storePath, port: 0, bootstrap: 20 }), chromium.launch({ executablePath: CHROMIUM, args: ARGS })]);
  await server.warmed;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  writer?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('serve while a tournament runs', () => {
  it('lists a new run, follows its progress and recomputes its leaderboard, and the page shows it live', async () => {
    expect((await json<RunsResponse>('api/runs')).runs.map((r) => r.name)).toEqual(['done']);
    const before = await json<LeaderboardResponse>('api/leaderboard?run=done');

    // A second run of the same schedule starts: planned, nothing recorded yet.
    const config = checkTournamentConfig({ name: 'live', ...CONFIG }, 'live', 'live');
    writer.createRun({ id: 'live', name: 'live', kind: 'tournament', config, configHash: 'live', seed: CONFIG.seed });
    const planned = scheduleTournament(config);
    writer.planMatches('live', planned);
    const record = (n: number) => {
      for (const m of planned.slice(0, n)) {
        const events = writer.trace('done', m.key) ?? [];
        writer.recordMatch('live', m.key, outcomeOf(events), events);
      }
    };
    record(2);
    const runs = (await json<RunsResponse>('api/runs')).runs;
    const live = runs.find((r) => r.name === 'live');
    expect(live?.status).toBe('running');
    expect(live?.counts).toMatchObject({ total: planned.length, completed: 2 });
    const partial = await json<LeaderboardResponse>('api/leaderboard?run=live');
    expect(partial.rows.reduce((n, r) => n + r.matches, 0)).toBe(2 * 2);

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}#/matches?run=live`);
    await page.waitForSelector('body[data-ready="1"][data-page="matches"]');
    expect(await page.textContent('#run-progress')).toContain(`Running: 2 of ${planned.length} matches finished`);

    // More matches finish: the page refreshes itself, and the run's leaderboard is computed afresh.
    record(planned.length);
    writer.setRunStatus('live', 'completed');
    await page.waitForFunction(() => document.getElementById('run-progress') === null && document.body.dataset['ready'] === '1', undefined, { timeout: 15_000 });
    expect(await page.$$eval('#matches tbody tr[data-status="completed"]', (rows) => rows.length)).toBe(planned.length);
    await page.close();
    const full = await json<LeaderboardResponse>('api/leaderboard?run=live');
    expect(full.rows.reduce((n, r) => n + r.matches, 0)).toBe(planned.length * 2);
    // The same results as the finished run, and the finished run's cached leaderboard untouched.
    expect(full.rows.map((r) => [r.agent, r.matches])).toEqual(before.rows.map((r) => [r.agent, r.matches]));
    expect(await json<LeaderboardResponse>('api/leaderboard?run=done')).toEqual(before);
  }, 90_000);
});
